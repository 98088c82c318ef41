package dev.opsuite.kit.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Structural diff of two plain-Java JSON trees (maps, lists, leaves): objects recurse by key in key
 * order, arrays by index, anything else is a leaf compared by value (numbers by numeric value).
 * Shared by the asset registry (version diffs) and the stage test (result vs baseline).
 */
public final class JsonDiff {
    private JsonDiff() {}

    public enum Op {
        ADDED, REMOVED, CHANGED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One difference at a JSON path ($.a.b[0]); the missing side of an added/removed change is null. */
    public record Change(String path, Op op, Object before, Object after) {}

    public static List<Change> diff(Object from, Object to) {
        return diff(from, to, Set.of());
    }

    /** As {@link #diff(Object, Object)}, skipping object keys named in {@code ignoredKeys} at any depth. */
    public static List<Change> diff(Object from, Object to, Set<String> ignoredKeys) {
        List<Change> out = new ArrayList<>();
        walk("$", from, to, ignoredKeys, out);
        return out;
    }

    private static void walk(String path, Object a, Object b, Set<String> ignored, List<Change> out) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            // Keys in sorted order: stored objects (jsonb) do not keep the order they were written in.
            Set<String> keys = new TreeSet<>();
            ma.keySet().forEach(k -> keys.add(String.valueOf(k)));
            mb.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String k : keys) {
                if (ignored.contains(k)) {
                    continue;
                }
                String at = path + "." + k;
                if (!mb.containsKey(k)) {
                    out.add(new Change(at, Op.REMOVED, ma.get(k), null));
                } else if (!ma.containsKey(k)) {
                    out.add(new Change(at, Op.ADDED, null, mb.get(k)));
                } else {
                    walk(at, ma.get(k), mb.get(k), ignored, out);
                }
            }
        } else if (a instanceof List<?> la && b instanceof List<?> lb) {
            for (int i = 0; i < Math.max(la.size(), lb.size()); i++) {
                String at = path + "[" + i + "]";
                if (i >= lb.size()) {
                    out.add(new Change(at, Op.REMOVED, la.get(i), null));
                } else if (i >= la.size()) {
                    out.add(new Change(at, Op.ADDED, null, lb.get(i)));
                } else {
                    walk(at, la.get(i), lb.get(i), ignored, out);
                }
            }
        } else if (!sameLeaf(a, b)) {
            out.add(new Change(path, Op.CHANGED, a, b));
        }
    }

    private static boolean sameLeaf(Object a, Object b) {
        if (a instanceof Number na && b instanceof Number nb) {
            return Double.compare(na.doubleValue(), nb.doubleValue()) == 0;
        }
        return Objects.equals(a, b);
    }
}

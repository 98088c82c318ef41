package dev.opsuite.trace.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Structural diff of two JSON trees (plain Java): objects recurse by key (in key order), arrays by index,
 * anything else is a leaf compared by value (numbers by numeric value).
 */
final class JsonDiff {
    private JsonDiff() {}

    static List<AssetChange> diff(Object from, Object to) {
        List<AssetChange> out = new ArrayList<>();
        walk("$", from, to, out);
        return out;
    }

    private static void walk(String path, Object a, Object b, List<AssetChange> out) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            // Keys in sorted order: stored objects (jsonb) do not keep the order they were written in.
            Set<String> keys = new TreeSet<>();
            ma.keySet().forEach(k -> keys.add(String.valueOf(k)));
            mb.keySet().forEach(k -> keys.add(String.valueOf(k)));
            for (String k : keys) {
                String at = path + "." + k;
                if (!mb.containsKey(k)) {
                    out.add(new AssetChange(at, AssetChange.Op.REMOVED, ma.get(k), null));
                } else if (!ma.containsKey(k)) {
                    out.add(new AssetChange(at, AssetChange.Op.ADDED, null, mb.get(k)));
                } else {
                    walk(at, ma.get(k), mb.get(k), out);
                }
            }
        } else if (a instanceof List<?> la && b instanceof List<?> lb) {
            for (int i = 0; i < Math.max(la.size(), lb.size()); i++) {
                String at = path + "[" + i + "]";
                if (i >= lb.size()) {
                    out.add(new AssetChange(at, AssetChange.Op.REMOVED, la.get(i), null));
                } else if (i >= la.size()) {
                    out.add(new AssetChange(at, AssetChange.Op.ADDED, null, lb.get(i)));
                } else {
                    walk(at, la.get(i), lb.get(i), out);
                }
            }
        } else if (!sameLeaf(a, b)) {
            out.add(new AssetChange(path, AssetChange.Op.CHANGED, a, b));
        }
    }

    private static boolean sameLeaf(Object a, Object b) {
        if (a instanceof Number na && b instanceof Number nb) {
            return Double.compare(na.doubleValue(), nb.doubleValue()) == 0;
        }
        return Objects.equals(a, b);
    }
}

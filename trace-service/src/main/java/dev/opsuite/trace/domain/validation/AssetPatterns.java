package dev.opsuite.trace.domain.validation;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The regular expressions of an asset, compiled on save by the engine that runs them (RE2/J, as the
 * planner does: no look-around, no back-references), so that a pattern the planner cannot compile is
 * refused with its path instead of failing at ask time. Two kinds: members that are always patterns
 * (their paths, {@code []} for "every element"), and word lists, whose phrases starting with {@code ^}
 * are patterns (Phrases and the Lexicon read them so).
 */
final class AssetPatterns {
    private final Set<String> always;

    AssetPatterns(Set<String> always) {
        this.always = Set.copyOf(always);
    }

    /** Checks every pattern under the member {@code key} of {@code node} (the content's root). */
    void check(Node node, String key) {
        if (node.has(key)) {
            walk(node.map().get(key), key, node.pathOf(key), node.problems());
        }
    }

    private void walk(Object v, String shape, String at, Problems problems) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, child) -> walk(child, shape + "." + k, at + "." + k, problems));
        } else if (v instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object e = list.get(i);
                String where = at + "[" + i + "]";
                if (e instanceof String s && (always.contains(shape + "[]") || s.startsWith("^"))) {
                    compiles(s, where, problems);
                } else {
                    walk(e, shape + "[]", where, problems);
                }
            }
        } else if (v instanceof String s && always.contains(shape)) {
            compiles(s, at, problems);
        }
    }

    /** Records a problem at {@code at} unless the pattern compiles (case-insensitive, as the planner runs it). */
    static void compiles(String pattern, String at, Problems problems) {
        try {
            Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            problems.add(at, "must be a valid regular expression (RE2: " + e.getDescription()
                    + (e.getPattern() == null || e.getPattern().isEmpty() ? "" : " in '" + e.getPattern() + "'") + ")");
        }
    }
}

package dev.opsuite.trace.domain.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** source: a database connection whose secrets are only ever named (resolved at run time), never stored. */
final class SourceRules implements ContentRules {
    private static final Set<String> TYPES = Set.of("postgres", "timescale", "neo4j");
    private static final Set<String> SECRET_KEYS = Set.of("password", "secret", "token", "api_key");

    @Override
    public void check(Node root) {
        root.oneOf("type", TYPES, true);
        root.object("connection", true);
        root.object("permissions", false).ifPresent(p -> p.bool("read_only", false));
        root.object("limits", false).ifPresent(l -> {
            l.integer("max_rows", 1, false);
            l.integer("max_duration_seconds", 1, false);
        });
        secrets(root.map(), root.path(), root.problems());
    }

    /** Anywhere in the content: *_ref names a secret; a plain secret key is refused. */
    private static void secrets(Object value, String path, Problems problems) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                String key = String.valueOf(k);
                String at = path + "." + key;
                if (key.endsWith("_ref")) {
                    if (!(v instanceof String s) || s.isBlank()) {
                        problems.add(at, "must be a string naming a secret");
                    }
                } else if (SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
                    problems.add(at, "secrets by reference only; use " + key + "_ref naming a secret");
                } else {
                    secrets(v, at, problems);
                }
            });
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                secrets(l.get(i), path + "[" + i + "]", problems);
            }
        }
    }
}

package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Policy's {@code data_access}: which CIs each role may see (plan-guard's DataScope applies it).
 * Unlike other fields it is not defaulted when it cannot be read: its {@link #problems} are the
 * validator's refusal on save and, for content that was never validated, a scope of nothing.
 *
 * @param declared whether the Policy has {@code data_access} at all (without it nobody is scoped)
 * @param scopes {@code scopes[]} in order
 * @param defaultScope {@code default_scope}, empty when absent ("*")
 */
public record DataAccess(boolean declared, List<String> problems, List<RoleScope> scopes, Optional<Scope> defaultScope) {
    /** The CI fields a scope may filter on. */
    public static final List<String> FIELDS = List.of("ci_code", "ci_type", "environment", "location", "owner", "status",
            "tag");
    /** What a caller none of whose roles is listed sees when {@code default_scope} is absent. */
    public static final String DEFAULT_SCOPE = "*";

    public DataAccess {
        problems = List.copyOf(problems);
        scopes = List.copyOf(scopes);
    }

    /** One entry of {@code scopes}. */
    public record RoleScope(String role, Scope scope) {}

    /**
     * What a role sees: every CI ({@code "*"}), none ({@code "none"}), or the CIs every field of
     * {@code clause} matches (values lower-cased), fields in name order.
     */
    public record Scope(boolean all, boolean none, Map<String, Set<String>> clause) {
        public Scope {
            clause = java.util.Collections.unmodifiableMap(new TreeMap<>(clause)); // sorted by field: stable traces
        }

        static Scope from(JsonNode n) {
            if (isStar(n)) {
                return new Scope(true, false, Map.of());
            }
            if (isNone(n)) {
                return new Scope(false, true, Map.of());
            }
            Map<String, Set<String>> c = new TreeMap<>();
            Read.members(n).forEach((field, values) -> {
                Set<String> lower = new LinkedHashSet<>();
                values.forEach(v -> lower.add(v.asText().toLowerCase(Locale.ROOT)));
                c.put(field, Set.copyOf(lower));
            });
            return new Scope(false, false, c);
        }
    }

    /** From the {@code data_access} member of a Policy content (missing or null: not declared). */
    public static DataAccess from(JsonNode access) {
        if (access == null || access.isMissingNode() || access.isNull()) {
            return new DataAccess(false, List.of(), List.of(), Optional.empty());
        }
        List<RoleScope> scopes = new ArrayList<>();
        for (JsonNode entry : access.path("scopes")) {
            scopes.add(new RoleScope(entry.path("role").asText(), Scope.from(entry.path("scope"))));
        }
        JsonNode def = access.path("default_scope");
        return new DataAccess(true, problems(access), scopes,
                def.isMissingNode() ? Optional.empty() : Optional.of(Scope.from(def)));
    }

    /** What is wrong with it, as "path: problem" lines ("data_access.scopes[0].role: …"). */
    private static List<String> problems(JsonNode access) {
        List<String> out = new ArrayList<>();
        if (!access.isObject()) {
            out.add("data_access: must be an object");
            return out;
        }
        JsonNode scopes = access.path("scopes");
        if (!scopes.isMissingNode() && !scopes.isArray()) {
            out.add("data_access.scopes: must be an array");
        }
        int i = 0;
        for (JsonNode entry : scopes) {
            String at = "data_access.scopes[" + i++ + "]";
            if (!entry.path("role").isTextual() || entry.path("role").asText().isBlank()) {
                out.add(at + ".role: a role name is required");
            }
            scopeProblems(entry.path("scope"), at + ".scope", out);
        }
        if (access.has("default_scope")) {
            scopeProblems(access.path("default_scope"), "data_access.default_scope", out);
        }
        return out;
    }

    private static void scopeProblems(JsonNode scope, String at, List<String> out) {
        if (isStar(scope) || isNone(scope)) {
            return;
        }
        if (!scope.isObject() || scope.isEmpty()) {
            out.add(at + ": must be \"*\", \"none\" or an object of CI fields " + FIELDS);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = scope.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!FIELDS.contains(f.getKey())) {
                out.add(at + "." + f.getKey() + ": not a CI field a scope can filter on " + FIELDS);
            } else if (!f.getValue().isArray() || f.getValue().isEmpty()) {
                out.add(at + "." + f.getKey() + ": must be a non-empty array of values");
            } else {
                for (JsonNode v : f.getValue()) {
                    if (!v.isTextual() || v.asText().isBlank()) {
                        out.add(at + "." + f.getKey() + ": every value must be a non-empty string");
                        break;
                    }
                }
            }
        }
    }

    private static boolean isStar(JsonNode n) {
        return n.isTextual() && "*".equals(n.asText());
    }

    private static boolean isNone(JsonNode n) {
        return n.isTextual() && "none".equals(n.asText());
    }
}

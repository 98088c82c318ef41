package dev.opsuite.guard;

import dev.opsuite.model.asset.DataAccess;
import dev.opsuite.model.asset.PolicyAsset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which CIs a caller may see: the Policy asset's {@code data_access} read for the caller's roles.
 *
 * <pre>
 * "data_access": {
 *   "scopes": [
 *     {"role": "payments",   "scope": {"owner": ["payment-team"], "environment": ["prod", "stage"]}},
 *     {"role": "contractor", "scope": {"environment": ["dev"]}},
 *     {"role": "noc",        "scope": "*"}
 *   ],
 *   "default_scope": "*"
 * }
 * </pre>
 *
 * A scope is a filter over the primary entity's fields ({@link #FIELDS}); inside one scope every
 * field must match (values compared case-insensitively; {@code tag} matches when any of the CI's
 * tags is listed — the estate keeps them "|"-joined in {@link #TAGS}), and a caller holding several scoped roles
 * sees the union of their scopes. Roles the list does not name neither widen nor narrow what a
 * caller sees: a principal none of whose roles is listed gets {@code default_scope} ("*" when the
 * Policy does not say; {@code "none"} sees nothing). A Policy without {@code data_access} scopes no
 * one. VALIDATE puts the scope on the validated plan; EXECUTE computes it again from the Policy and
 * the caller's roles and never from the wire.
 */
public record DataScope(boolean all, List<Map<String, Set<String>>> clauses, List<String> roles) {
    /** The CI fields a scope may filter on. */
    public static final List<String> FIELDS = DataAccess.FIELDS;
    /** The CI fact a {@code tag} scope reads: the CI's tags, "|"-joined (the dictionary template's column). */
    public static final String TAGS = "tags";
    /** The CI facts {@link #admits} reads: the fields and {@link #TAGS}. */
    public static final List<String> FACTS = List.of("ci_code", "ci_type", "environment", "location", "owner", "status",
            TAGS);

    public DataScope {
        clauses = List.copyOf(clauses);
        roles = List.copyOf(roles);
    }

    /** Everything: the caller is not restricted. */
    public static DataScope everything(List<String> roles) {
        return new DataScope(true, List.of(), roles);
    }

    /** The scope of a caller holding these roles under this Policy. */
    public static DataScope of(PolicyAsset policy, List<String> roles) {
        DataAccess access = policy.dataAccess();
        if (!access.declared()) {
            return everything(List.of());
        }
        if (!access.problems().isEmpty()) { // a Policy that cannot be read scopes everyone to nothing
            return new DataScope(false, List.of(), List.of("invalid policy: " + access.problems().get(0)));
        }
        List<Map<String, Set<String>>> clauses = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        boolean all = false;
        for (DataAccess.RoleScope entry : access.scopes()) {
            if (!roles.contains(entry.role())) {
                continue;
            }
            matched.add(entry.role());
            if (entry.scope().all()) {
                all = true;
            } else if (!entry.scope().none()) {
                clauses.add(entry.scope().clause());
            }
        }
        if (matched.isEmpty()) {
            Optional<DataAccess.Scope> def = access.defaultScope();
            if (def.isEmpty() || def.get().all()) {
                return everything(List.of());
            }
            return new DataScope(false, def.get().none() ? List.of() : List.of(def.get().clause()),
                    List.of("default_scope"));
        }
        return all ? everything(matched) : new DataScope(false, clauses, matched);
    }

    /** Whether a CI with these facts (name → value, {@link #FACTS}) is in the scope. */
    public boolean admits(Map<String, String> ci) {
        if (all) {
            return true;
        }
        for (Map<String, Set<String>> clause : clauses) {
            boolean every = true;
            for (Map.Entry<String, Set<String>> f : clause.entrySet()) {
                if (!matches(f.getKey(), f.getValue(), ci)) {
                    every = false;
                    break;
                }
            }
            if (every) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String field, Set<String> allowed, Map<String, String> ci) {
        if (field.equals("tag")) {
            String tags = ci.get(TAGS);
            if (tags != null) {
                for (String t : tags.split("\\|")) {
                    if (allowed.contains(t.strip().toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
            return false;
        }
        String v = ci.get(field);
        return v != null && allowed.contains(v.toLowerCase(Locale.ROOT));
    }

    /** A stable text of the scope, for cache keys and traces. */
    public String key() {
        if (all) {
            return "*";
        }
        List<String> parts = new ArrayList<>();
        for (Map<String, Set<String>> c : clauses) {
            parts.add(new TreeMap<>(c).toString());
        }
        return parts.isEmpty() ? "none" : String.join(" | ", new TreeSet<>(parts));
    }

    /** For the validated plan and the trace: {all, clauses, roles}. */
    /** As the contracts carry it (ValidatedPlan.data_scope, WhoAmI). */
    public dev.opsuite.proto.v1.DataScope toProto() {
        dev.opsuite.proto.v1.DataScope.Builder b = dev.opsuite.proto.v1.DataScope.newBuilder().setAll(all)
                .addAllRoles(roles);
        for (Map<String, Set<String>> clause : clauses) {
            var c = dev.opsuite.proto.v1.ScopeClause.newBuilder();
            clause.forEach((field, values) -> c.addFilters(dev.opsuite.proto.v1.Filter.newBuilder().setField(field)
                    .setOp("in").addAllValues(new java.util.TreeSet<>(values))));
            b.addClauses(c);
        }
        return b.build();
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("all", all);
        List<Map<String, Object>> cs = new ArrayList<>();
        for (Map<String, Set<String>> c : clauses) {
            Map<String, Object> out = new LinkedHashMap<>();
            c.forEach((k, v) -> out.put(k, new ArrayList<>(new TreeSet<>(v))));
            cs.add(out);
        }
        m.put("clauses", cs);
        m.put("roles", roles);
        return m;
    }
}

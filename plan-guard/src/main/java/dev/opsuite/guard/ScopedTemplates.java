package dev.opsuite.guard;

import dev.opsuite.model.asset.QueryTemplate;
import java.util.List;
import java.util.Optional;

/**
 * The scoping clause a Query template declares so that it can run for a caller with a data scope:
 *
 * <pre>
 * "params": [..., {"name": "scope_all", "type": "boolean"}, {"name": "scope_ci_codes", "type": "string[]"}],
 * "scope": {"columns": ["ci_code", "via"], "outside": "graph_impact_outside"}
 * </pre>
 *
 * The statement filters every CI it reads with {@code (:scope_all OR c.ci_code = ANY(:scope_ci_codes))}
 * (Cypher: {@code ($scope_all OR n.ci_code IN $scope_ci_codes)}); EXECUTE binds the two from the
 * caller's scope, never from the plan. {@code columns} names the result columns holding CI codes —
 * EXECUTE checks every row's against the scope again and fails the call if one is outside;
 * {@code outside} optionally names a template counting the CIs a graph expansion stopped at
 * because they are outside the scope (one row, column {@code outside}). A template without a
 * scoping clause runs only for callers who see everything.
 */
public final class ScopedTemplates {
    public static final String ALL = "scope_all";
    public static final String CODES = "scope_ci_codes";

    private ScopedTemplates() {}

    /** Why this template cannot run for a scoped caller, or empty when it declares its scoping clause. */
    public static Optional<String> problem(QueryTemplate template) {
        if (template == null) {
            return Optional.of("the template is not defined");
        }
        if (QueryTemplate.SEARCH.equalsIgnoreCase(template.language())) {
            // documents are reached by collection (security.documents); EXECUTE leaves out a document that
            // applies only to CIs outside the caller's scope
            return Optional.empty();
        }
        if (template.scope().isEmpty()) {
            return Optional.of("the template declares no scoping clause ($.scope), so it cannot run for a caller "
                    + "whose data access is scoped");
        }
        QueryTemplate.Scope scope = template.scope().get();
        if (QueryTemplate.REDIS.equalsIgnoreCase(template.language())) {
            // Redis cannot filter by a list of codes: EXECUTE keeps only the rows whose CI columns are in scope
            return !scope.columns().isEmpty() ? Optional.empty()
                    : Optional.of("a redis template's $.scope.columns must name the result columns holding CI codes "
                    + "(EXECUTE keeps only the rows of CIs in the caller's scope)");
        }
        String statement = template.statement();
        String mark = QueryTemplate.CYPHER.equalsIgnoreCase(template.language()) ? "$" : ":";
        for (String p : List.of(ALL, CODES)) {
            if (!template.declares(p) || !statement.contains(mark + p)) {
                return Optional.of("the template's scoping clause must use and declare the parameter " + p);
            }
        }
        for (QueryTemplate.Variant v : template.variants()) {
            String s = v.statement();
            if (!s.contains(mark + ALL) || !s.contains(mark + CODES)) {
                return Optional.of("every variant of the template must use the scoping clause (" + ALL + ", " + CODES + ")");
            }
        }
        if (!scope.columnsListed()) {
            return Optional.of("$.scope.columns must list the result columns holding CI codes ([] for none)");
        }
        return Optional.empty();
    }

    /** The result columns holding CI codes that EXECUTE checks against the scope. */
    public static List<String> columns(QueryTemplate template) {
        return template.scope().map(QueryTemplate.Scope::columns).orElse(List.of());
    }

    /** The template counting CIs a graph expansion left out for the scope, or empty. */
    public static Optional<String> outsideQuery(QueryTemplate template) {
        return template.scope().map(QueryTemplate.Scope::outside).filter(q -> !q.isBlank());
    }
}

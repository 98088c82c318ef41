package dev.opsuite.guard;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.PolicyAsset;
import dev.opsuite.model.asset.PolicySecurity;
import dev.opsuite.model.asset.QueryAsset;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.asset.Rbac;
import dev.opsuite.model.asset.SourceAsset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * VALIDATE: budget, security (every SQL statement parsed; Cypher read-only) and RBAC against the
 * Policy asset. Every check leaves a decision; one deny makes the plan not allowed.
 */
public final class PlanValidator {
    public record Decision(String policy, String rule, String decision, String reason, Map<String, Object> details) {}

    public record Result(PlanModel plan, boolean allowed, List<Decision> decisions, List<String> queries,
                         DataScope scope) {}

    /** Whether a Query template's Cypher is refused ({@link CypherGuard}: parsed, and scanned). */
    static boolean cypherWrites(String statement) {
        return CypherGuard.refusal(statement).isPresent();
    }

    public Result validate(PlanModel plan, AssetBundle assets, List<String> roles) {
        return check(plan, assets, roles, true);
    }

    /**
     * What EXECUTE runs again before it touches a store, whatever the wire says VALIDATE decided:
     * blocked names, budget (clamping as VALIDATE does), the templates the plan binds to and every
     * statement of them parsed against the Policy, Cypher read-only, the source read_only, and the
     * caller's data scope computed again from the Policy and its roles (a template that cannot be
     * scoped is refused for a scoped caller). Which intents a role may ask for (RBAC) is the
     * gateway's and VALIDATE's decision; this is about what runs and what it may read.
     */
    public Result recheck(PlanModel plan, AssetBundle assets, List<String> roles) {
        return check(plan, assets, roles, false);
    }

    private Result check(PlanModel plan, AssetBundle assets, List<String> roles, boolean rbac) {
        PolicyAsset policy = assets.policy();
        String policyName = assets.get("policy").map(AssetDoc::name).orElse("policy");
        List<Decision> decisions = new ArrayList<>();
        if (plan.intent() == null || plan.view() == null) {
            decisions.add(new Decision(policyName, "plan_contract", "deny", "plan.intent and plan.view are required",
                    Map.of()));
            return new Result(plan, false, decisions, List.of(), DataScope.of(policy, roles));
        }
        BlockedNames.find(plan, policy.security().blockedTables()).ifPresent(hit -> decisions.add(
                new Decision(policyName, "security.blocked_tables", "deny", "the plan names blocked table " + hit,
                        Map.of("table", hit))));
        PlanModel checked = checkBudget(plan, policy, policyName, decisions);
        if (rbac) {
            checkRbac(checked, policy, policyName, roles, decisions);
        }
        DataScope scope = DataScope.of(policy, roles);
        decisions.add(new Decision(policyName, "data_access", scope.all() ? "allow" : "scope",
                scope.all() ? "every CI (no data scope applies to roles " + roles + ")"
                        : "only CIs in the data scope of " + scope.roles() + ": " + scope.key(), scope.toMap()));

        QueryAsset queryAsset = assets.query();
        List<String> queries = QuerySelector.select(checked, queryAsset);
        int maxSteps = policy.budget().maxSteps();
        if (queries.size() > maxSteps) {
            decisions.add(new Decision(policyName, "budget.max_steps", "deny",
                    queries.size() + " steps exceed max_steps " + maxSteps, Map.of()));
        }
        if (queries.isEmpty() && checked.missingSlots().isEmpty()) {
            decisions.add(new Decision(policyName, "query_binding", "deny",
                    "no Query-asset template matches this plan", Map.of()));
        }
        String ref = checked.history().eventRef();
        if (!ref.isEmpty() && !queries.isEmpty() && queries.stream().map(queryAsset::template)
                .noneMatch(t -> t.filter(q -> q.declares("event_ref")).isPresent())) {
            // an older Query asset would answer with every event: the id would be dropped without a word
            decisions.add(new Decision(policyName, "query_binding", "deny", "no Query-asset template of "
                    + queries + " filters events by an id such as " + ref + " (a template with the parameter event_ref)",
                    Map.of("event_ref", ref)));
        }
        SqlGuard guard = guard(policy.security());
        for (String name : queries) {
            checkQuery(name, queryAsset, assets, guard, policyName, decisions, roles);
            if (!scope.all()) {
                ScopedTemplates.problem(queryAsset.template(name).orElse(null)).ifPresent(p -> decisions.add(
                        new Decision(policyName, "data_access.template", "deny", name + ": " + p, Map.of("query", name))));
            }
        }
        boolean allowed = decisions.stream().noneMatch(d -> "deny".equals(d.decision()));
        return new Result(checked, allowed, decisions, queries, scope);
    }

    /**
     * The security checks VALIDATE runs on each template, for one named template (e.g. before a
     * preview): SQL parsed against the Policy (every variant), Cypher read-only, source read_only.
     */
    public List<Decision> checkTemplate(String queryName, AssetBundle assets) {
        String policyName = assets.get("policy").map(AssetDoc::name).orElse("policy");
        List<Decision> decisions = new ArrayList<>();
        checkQuery(queryName, assets.query(), assets, guard(assets.policy().security()), policyName, decisions,
                List.of());
        return decisions;
    }

    private PlanModel checkBudget(PlanModel plan, PolicyAsset policy, String policyName, List<Decision> decisions) {
        int maxDepth = policy.budget().maxDepth();
        PlanModel.Graph g = plan.graph();
        if (g.depth() > maxDepth) {
            decisions.add(new Decision(policyName, "budget.max_depth", "clamp",
                    "graph depth " + g.depth() + " clamped to max_depth " + maxDepth,
                    Map.of("requested", g.depth(), "max_depth", maxDepth)));
            PlanModel.Graph clamped = new PlanModel.Graph(maxDepth, g.relationTypes(), g.direction(), g.limit());
            return plan.with(plan.view(), plan.primary(), plan.secondary(), clamped, plan.metric(), plan.history());
        }
        decisions.add(new Decision(policyName, "budget", "allow", "within budget (max_depth " + maxDepth
                + ", timeout " + policy.budget().timeoutSeconds() + " s)", Map.of()));
        return plan;
    }

    private void checkRbac(PlanModel plan, PolicyAsset policy, String policyName, List<String> roles,
                           List<Decision> decisions) {
        Rbac rbac = policy.rbac();
        if (!rbac.declared()) {
            return;
        }
        List<String> effective = new ArrayList<>(roles);
        if (effective.isEmpty()) {
            effective.addAll(rbac.defaultRoles());
        }
        Set<String> allowedIntents = new HashSet<>();
        for (String role : effective) {
            allowedIntents.addAll(rbac.intentsOf(role));
        }
        String intent = plan.intent() == null ? "" : plan.intent().name();
        boolean ok = allowedIntents.contains("*") || allowedIntents.contains(intent);
        decisions.add(new Decision(policyName, "rbac", ok ? "allow" : "deny",
                ok ? "roles " + effective + " may run " + intent : "roles " + effective + " may not run " + intent,
                Map.of("roles", effective)));
    }

    private void checkQuery(String name, QueryAsset queryAsset, AssetBundle assets, SqlGuard guard, String policyName,
                            List<Decision> decisions, List<String> roles) {
        QueryTemplate q = queryAsset.template(name).orElse(null);
        if (q == null) {
            decisions.add(new Decision(policyName, "query_binding", "deny", "query " + name + " is not defined", Map.of()));
            return;
        }
        String sourceName = q.source();
        Optional<AssetDoc> source = assets.source(sourceName);
        if (source.isEmpty()) {
            decisions.add(new Decision(policyName, "source", "deny",
                    "query " + name + " names unknown source " + sourceName, Map.of()));
            return;
        }
        if (!SourceAsset.of(source.get()).permissions().readOnly()) {
            decisions.add(new Decision(policyName, "source.read_only", "deny",
                    "source " + sourceName + " is not declared read_only", Map.of()));
            return;
        }
        String statement = q.statement();
        String language = q.language().toLowerCase(Locale.ROOT);
        List<String> statements = new ArrayList<>(List.of(statement)); // every variant that could run is checked
        q.variants().forEach(v -> statements.add(v.statement()));
        if ("sql".equals(language)) {
            for (String sql : statements) {
                SqlGuard.Verdict v = guard.check(sql);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("query", name);
                details.put("tables", new ArrayList<>(v.tables()));
                decisions.add(new Decision(policyName, "security." + v.rule(), v.allowed() ? "allow" : "deny",
                        name + ": " + v.reason(), details));
            }
        } else if ("cypher".equals(language)) {
            for (String cypher : statements) {
                Optional<String> refusal = CypherGuard.refusal(cypher);
                decisions.add(new Decision(policyName, "security.cypher_read_only", refusal.isPresent() ? "deny"
                        : "allow", name + refusal.map(r -> ": " + r).orElse(": read-only Cypher (parsed; checked "
                        + "again by EXPLAIN)"), Map.of("query", name)));
            }
        } else if ("redis".equals(language)) {
            if (!SourceAsset.of(source.get()).isRedis()) {
                decisions.add(new Decision(policyName, "security.language", "deny", name + ": a redis template runs "
                        + "only on a Source of type redis, not " + sourceName, Map.of("query", name)));
                return;
            }
            Optional<String> refusal = RedisTemplates.refusal(statement, assets.policy().security().redis(), roles);
            decisions.add(new Decision(policyName, "security.redis_read_only", refusal.isPresent() ? "deny" : "allow",
                    name + refusal.map(r -> ": " + r).orElse(": read-only Redis command (allowlist; keys bound "
                            + "from plan parameters and checked again before it runs)"), Map.of("query", name)));
        } else if ("search".equals(language)) {
            SourceAsset docs = SourceAsset.of(source.get());
            if (!docs.isDocuments()) {
                decisions.add(new Decision(policyName, "security.language", "deny", name + ": a search template runs "
                        + "only on a Source of type documents, not " + sourceName, Map.of("query", name)));
                return;
            }
            String collection = docs.connection().literals().getOrDefault("collection", "");
            Optional<String> refusal = DocSearchGuard.refusal(collection, assets.policy().security().documents(), roles);
            DocSearchGuard.Bounds b = DocSearchGuard.bounds(q, assets.policy().security().documents(), docs);
            String table = docs.connection().literals().getOrDefault(DocSearchGuard.TABLE, "");
            if (!table.isEmpty()) {
                // documents read from a table: the read is SQL, checked like any template's
                Optional<String> read = DocSearchGuard.tableStatement(table);
                SqlGuard.Verdict v = read.map(guard::check).orElse(null);
                decisions.add(new Decision(policyName, "security." + (v == null ? "documents_table" : v.rule()),
                        v != null && v.allowed() ? "allow" : "deny", name + ": documents from table " + table + ": "
                        + (v == null ? "not a table name" : v.reason()), Map.of("query", name, "table", table)));
            }
            decisions.add(new Decision(policyName, "security.documents", refusal.isPresent() ? "deny"
                    : b.clamped() ? "clamp" : "allow", name + refusal.map(r -> ": " + r).orElse(": search of '"
                    + collection + "', at most " + b.topK() + " documents, passages of at most " + b.passageChars()
                    + " characters (the question's words are analysed, never parsed as query syntax)"),
                    Map.of("query", name, "collection", collection, "top_k", b.topK(), "passage_chars", b.passageChars())));
        } else {
            decisions.add(new Decision(policyName, "security.language", "deny",
                    name + ": unsupported query language " + language, Map.of()));
        }
    }

    private static SqlGuard guard(PolicySecurity security) {
        return SqlGuard.of(security);
    }
}

package dev.opsuite.executor.domain;

import dev.opsuite.guard.DataScope;
import dev.opsuite.guard.ScopedTemplates;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.QueryAsset;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EXECUTE: runs the validated plan's Query-asset templates in order. The resolve step turns
 * mentions into CI codes (or raises slot_missing); each later step binds the plan's values.
 */
public final class PlanExecutor {
    /** Scope codes the trace shows by name; more are shown as their count. */
    private static final int MAX_SHOWN_CODES = 20;
    private final SqlPort sql;
    private final GraphPort graph;
    private final RedisPort redis;
    private final DocumentPort documents;
    private final ScopeMembers scopes;

    public PlanExecutor(SqlPort sql, GraphPort graph) {
        this(sql, graph, RedisCalls.NONE);
    }

    public PlanExecutor(SqlPort sql, GraphPort graph, RedisPort redis) {
        this(sql, graph, redis, DocCalls.NONE);
    }

    public PlanExecutor(SqlPort sql, GraphPort graph, RedisPort redis, DocumentPort documents) {
        this.sql = sql;
        this.graph = graph;
        this.redis = redis;
        this.documents = documents;
        this.scopes = new ScopeMembers(new DictionaryLoader(sql, graph));
    }

    public ExecutionResult execute(PlanModel plan, List<String> queries, AssetBundle assets) {
        return execute(plan, queries, assets, false);
    }

    public ExecutionResult execute(PlanModel plan, List<String> queries, AssetBundle assets, boolean mock) {
        return execute(plan, queries, assets, mock, DataScope.everything(List.of()));
    }

    /**
     * With {@code mock} every template answers from its Query-asset fixtures; no source is touched.
     * A restricted {@code scope} is bound into every template (scope_all, scope_ci_codes) and every
     * row is checked against it again.
     */
    public ExecutionResult execute(PlanModel plan, List<String> queries, AssetBundle assets, boolean mock,
                                   DataScope scope) {
        return execute(plan, queries, assets, mock, scope, scope.roles());
    }

    /** @param roles the caller's roles: the Policy's per-role Redis narrowing binds on them */
    public ExecutionResult execute(PlanModel plan, List<String> queries, AssetBundle assets, boolean mock,
                                   DataScope scope, List<String> roles) {
        Set<String> visible = scope.all() ? null : scopes.of(scope, assets, mock);
        QueryAsset queryAsset = assets.query();
        int budgetTimeout = assets.policy().budget().timeoutSeconds();
        List<ToolOutput> outputs = new ArrayList<>();
        List<ToolCallRecord> calls = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        List<Trigger> triggers = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        PlanModel current = plan;
        QueryTemplate anchors = AnchorCandidates.applies(plan)
                ? queryAsset.servingTemplate(AnchorCandidates.NEEDS).orElse(null) : null;
        if (anchors != null) {
            ToolOutput out = run(anchors, AnchorCandidates.params(plan), assets, budgetTimeout, mock, visible, calls,
                    evidence);
            current = AnchorCandidates.narrow(plan, out);
        }
        QueryTemplate titled = AnchorTitles.applies(current)
                ? queryAsset.servingTemplate(AnchorTitles.NEEDS).orElse(null) : null;
        if (titled != null) {
            // the incident named by the words of its title, when the CI the words fit had none
            ToolOutput out = run(titled, QueryParams.of(current), assets, budgetTimeout, mock, visible, calls,
                    evidence);
            current = AnchorTitles.anchor(current, out);
        }
        if (!current.missingSlots().isEmpty() && current.documents().enabled() && current.candidates().isEmpty()) {
            current = documentsOnly(current); // the CI part cannot be answered: the documents still can, and it is said
        }
        if (!current.missingSlots().isEmpty()) {
            triggers.add(new Trigger("slot_missing", "execute", "medium", "plan is missing " + current.missingSlots()));
            return new ExecutionResult(current, outputs, calls, evidence, triggers, warnings);
        }
        List<QueryTemplate> answering = new ArrayList<>();
        for (String name : queries) {
            QueryTemplate q = queryAsset.template(name)
                    .orElseThrow(() -> OpsException.invalid("query " + name + " is not defined in the Query asset"));
            if (current.documents().only() && !QueryTemplate.SEARCH.equals(q.language()) && !q.resolvesCis()) {
                continue; // the data part was given up for want of its CI (documentsOnly)
            }
            Map<String, Object> params = AnalysisCalls.withCauseCis(QueryParams.of(current), outputs);
            ToolOutput out = run(q, params, assets, roles, budgetTimeout, mock, visible, calls, evidence);
            if (q.resolvesCis()) {
                current = applyResolution(current, out, triggers);
                outputs.add(out);
                if (!current.missingSlots().isEmpty() && current.documents().enabled() && !out.failed()
                        && current.candidates().isEmpty()) { // several CIs fit: the operator is asked which
                    triggers.removeIf(t -> t.type().equals("slot_missing"));
                    current = documentsOnly(current);
                }
                if (!current.missingSlots().isEmpty()) {
                    break; // nothing further can run without the CI
                }
                continue;
            }
            outputs.add(out);
            answering.add(q);
            if (out.failed()) {
                triggers.add(new Trigger(out.retryable() ? "tool_error_retryable" : "tool_error_fatal", "execute",
                        "high", name + ": " + out.error()));
            } else if (out.rows().isEmpty() && !QueryTemplate.SEARCH.equals(q.language())) {
                // (no document matching is said as such; widening a time range or a name cannot change it)
                triggers.add(new Trigger("empty_result", "execute", "medium", "No data found for " + name));
            }
            if (out.truncated()) {
                warnings.add(name + ": result truncated at " + out.rows().size() + " rows");
            }
            if (Boolean.TRUE.equals(out.meta().get(AnalysisCalls.SERIES_TRUNCATED))) {
                warnings.add(name + ": judged on the first " + out.meta().get("series_rows")
                        + " samples only (the series was cut at the row limit)");
            }
        }
        if (outputs.stream().anyMatch(o -> o.meta().get(AnalysisCalls.JUDGED) instanceof Integer j && j > 0)) {
            // a series judged with no window found is an answer (nothing unusual), not "no data"; and a
            // health check whose measures were judged has answered, even with no events beside them
            triggers.removeIf(t -> t.type().equals("empty_result"));
        }
        if (current.missingSlots().isEmpty()) {
            current = UnappliedFilters.check(current, answering);
            current = unjudged(current, outputs);
            current = underThreshold(current, outputs);
        }
        return new ExecutionResult(current, outputs, calls, evidence, triggers, warnings);
    }

    /**
     * Likely causes judged among fewer CIs than lie within the depth (the template bounds how many it
     * reads): adjustment {@code unjudged:<judged>:<found>} (the nearest read), {@code unjudged_moved:<judged>:<found>:
     * <checked>} (those that moved most among the nearest checked), said first with the answer; anomalies over a set
     * judged for fewer CIs than match: {@code unjudged_cis:<judged>:<found>}.
     */
    private static PlanModel unjudged(PlanModel plan, List<ToolOutput> outputs) {
        for (ToolOutput o : outputs) {
            if (o.meta().get(AnalysisCalls.CIS_FOUND) instanceof Integer found
                    && o.meta().get(AnalysisCalls.CIS_JUDGED) instanceof Integer judged && found > judged) {
                return plan.withAdjustment("unjudged_cis:" + judged + ":" + found);
            }
            if (o.meta().get(AnalysisCalls.CANDIDATES_FOUND) instanceof Integer found
                    && o.meta().get(AnalysisCalls.CANDIDATES_JUDGED) instanceof Integer judged && found > judged) {
                return o.meta().get(AnalysisCalls.CANDIDATES_CHECKED) instanceof Integer checked
                        ? plan.withAdjustment("unjudged_moved:" + judged + ":" + found + ":" + checked)
                        : plan.withAdjustment("unjudged:" + judged + ":" + found);
            }
        }
        return plan;
    }

    /**
     * Likely causes named only on weaker evidence (none of the CIs left its normal far enough to alarm; those named
     * moved less, yet more than they usually do): adjustment {@code causes_under_threshold}, said first with the answer.
     */
    private static PlanModel underThreshold(PlanModel plan, List<ToolOutput> outputs) {
        for (ToolOutput o : outputs) {
            if (Boolean.TRUE.equals(o.meta().get(AnalysisCalls.CAUSES_UNDER_THRESHOLD))) {
                return plan.withAdjustment("causes_under_threshold");
            }
        }
        return plan;
    }

    private ToolOutput run(QueryTemplate q, Map<String, Object> planParams, AssetBundle assets, int budgetTimeout,
                           boolean mock, Set<String> visible, List<ToolCallRecord> calls, List<Evidence> evidence) {
        return run(q, planParams, assets, List.of(), budgetTimeout, mock, visible, calls, evidence);
    }

    private ToolOutput run(QueryTemplate q, Map<String, Object> planParams, AssetBundle assets, List<String> roles,
                           int budgetTimeout, boolean mock, Set<String> visible, List<ToolCallRecord> calls,
                           List<Evidence> evidence) {
        String name = q.name();
        String tool = q.tool();
        String sourceName = q.source();
        Map<String, Object> allParams = new LinkedHashMap<>(planParams);
        // the caller's data scope, from the Policy and its roles — never from the plan
        allParams.put(ScopedTemplates.ALL, visible == null);
        allParams.put(ScopedTemplates.CODES, visible == null ? List.of() : List.copyOf(visible));
        Map<String, Object> bound = bind(q, allParams);
        Map<String, Object> params = QueryParams.declared(bound, List.copyOf(bound.keySet()));
        if (params.get(ScopedTemplates.CODES) instanceof List<?> codes && codes.size() > MAX_SHOWN_CODES) {
            params.put(ScopedTemplates.CODES, codes.size() + " CIs in the caller's data scope");
        }
        if (visible != null) {
            java.util.Optional<String> unscoped = ScopedTemplates.problem(q);
            if (unscoped.isPresent()) {
                calls.add(new ToolCallRecord(tool, 0, withQuery(name, params), "refused", unscoped.get(),
                        mock ? "mock:" + sourceName : sourceName));
                return new ToolOutput(tool, name, List.of(), List.of(), false, Map.of("source", sourceName),
                        name + ": " + unscoped.get(), false);
            }
        }
        String statement = q.statement();
        String language = q.language();
        AssetDoc variantSource = assets.source(sourceName).orElse(null);
        if (("sql".equals(language) || "cypher".equals(language)) && variantSource != null && !mock) {
            // a variant runs where its conditions hold: a database extension (TimescaleDB's time_bucket),
            // a range long enough and an aggregation mergeable from the metric rollups, a graph walk no deeper
            Variants.Choice choice = Variants.choose(q, variantSource, sql, bound);
            statement = choice.statement();
            choice.variant().ifPresent(v -> params.put("variant", v));
        }
        long start = System.nanoTime();
        if ("redis".equals(language)) {
            return RedisCalls.run(redis, q, bound, assets, roles, budgetTimeout, mock, visible, calls, evidence);
        }
        if ("search".equals(language)) {
            return DocCalls.run(documents, sql, q, bound, assets, roles, budgetTimeout, mock, visible, calls, evidence,
                    String.valueOf(planParams.getOrDefault("language", "")),
                    planParams.get("document_kinds") instanceof List<?> k ? k.stream().map(String::valueOf).toList()
                            : List.of());
        }
        evidence.add(new Evidence(language, q.title() + (mock ? " (mock: fixture)" : ""), statement,
                params, mock ? "mock:" + sourceName : sourceName));
        try {
            AssetDoc source = assets.source(sourceName)
                    .orElseThrow(() -> OpsException.invalid("query " + name + " names unknown source " + sourceName));
            SourceAsset.Limits limits = SourceAsset.of(source).limits();
            int maxRows = Math.min(limits.maxRows(),
                    q.maxRows().orElse(((Number) allParams.getOrDefault("limit", 50)).intValue()));
            int timeout = Math.min(budgetTimeout, limits.maxDurationSeconds());
            SqlPort.Tabular t = mock ? Fixtures.answer(q, bound, maxRows)
                    : "cypher".equals(language) ? graph.query(source, statement, bound, maxRows, timeout)
                    : sql.query(source, statement, bound, maxRows, timeout);
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("source", mock ? "mock:" + sourceName : sourceName);
            t = AnalysisCalls.apply(q, t, bound, meta, assets.policy().anomaly(), allParams);
            if (visible != null) {
                t = ScopeCheck.rows(q, t, visible, mock); // throws when a real source returned a CI outside
                Integer outside = outsideCount(q, allParams, assets, source, timeout, mock);
                if (outside != null) {
                    meta.put("outside_scope", outside);
                }
                meta.put("scoped", true);
            }
            int ms = elapsed(start);
            meta.put("elapsed_ms", ms);
            calls.add(new ToolCallRecord(tool, ms, withQuery(name, params), t.rows().size() + " rows returned"
                    + (t.truncated() ? " (truncated)" : "") + (mock ? " from a mock fixture" : ""), null,
                    mock ? "mock:" + sourceName : sourceName));
            return new ToolOutput(tool, name, t.columns(), t.rows(), t.truncated(), meta, null, false);
        } catch (OpsException e) {
            // an open breaker (known down) closes only by its background probe: retrying now cannot help
            boolean retryable = !(e instanceof dev.opsuite.model.errors.KnownDownException)
                    && (e.code() == ErrorCode.UNAVAILABLE || e.code() == ErrorCode.DEADLINE_EXCEEDED);
            calls.add(new ToolCallRecord(tool, elapsed(start), withQuery(name, params), "failed", e.getMessage(),
                    mock ? "mock:" + sourceName : sourceName));
            // the code says why (unavailable, timeout, refused): the answer states it, never "no data"
            return new ToolOutput(tool, name, List.of(), List.of(), false, Map.of("source", sourceName,
                    "error_code", e.code().name()), e.getMessage(), retryable);
        }
    }

    /** The template's declared parameters from the values offered; an unset string binds as '' ("no filter"). */
    static Map<String, Object> bind(QueryTemplate q, Map<String, Object> offered) {
        Map<String, Object> bound = new LinkedHashMap<>();
        for (QueryTemplate.Param p : q.params()) {
            String param = p.name();
            Object v = offered.get(param);
            // a string parameter the plan leaves unset (e.g. a filter on a field of the operator's own
            // schema that the question did not name) binds as '' — "no filter" in the templates
            bound.put(param, v == null && "string".equals(p.type()) ? "" : v);
        }
        return bound;
    }

    /**
     * How many CIs a graph expansion stopped at because they are outside the caller's scope: the
     * template's {@code scope.outside} companion, run with the same values; null when it has none.
     */
    private Integer outsideCount(QueryTemplate q, Map<String, Object> offered, AssetBundle assets, AssetDoc source,
                                 int timeout, boolean mock) {
        java.util.Optional<String> companion = ScopedTemplates.outsideQuery(q);
        if (companion.isEmpty()) {
            return null;
        }
        QueryTemplate c = assets.query().template(companion.get()).orElse(null);
        if (c == null || !c.source().equals(source.name())) {
            throw OpsException.invalid("query " + q.name() + " names scope.outside " + companion.get()
                    + ", which is not a template on the same source");
        }
        Map<String, Object> bound = bind(c, offered);
        String statement = mock ? c.statement() : Variants.statement(c, source, sql, bound);
        SqlPort.Tabular t = mock ? Fixtures.answer(c, bound, 1)
                : QueryTemplate.CYPHER.equals(c.language())
                ? graph.query(source, statement, bound, 1, timeout)
                : sql.query(source, statement, bound, 1, timeout);
        int at = t.columns().indexOf("outside");
        return at < 0 || t.rows().isEmpty() || !(t.rows().get(0).get(at) instanceof Number n) ? 0 : n.intValue();
    }

    static Map<String, Object> withQuery(String name, Map<String, Object> params) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", name);
        m.putAll(params);
        return m;
    }

    private static PlanModel applyResolution(PlanModel plan, ToolOutput out, List<Trigger> triggers) {
        if (out.failed()) {
            triggers.add(new Trigger(out.retryable() ? "tool_error_retryable" : "tool_error_fatal", "execute", "high",
                    "ci_resolve: " + out.error()));
            return withSlots(plan, plan.primary(), plan.secondary(), List.of("primary.ci"), List.of());
        }
        MentionResolution.Outcome r = MentionResolution.resolve(out);
        PlanModel.Primary primary = plan.primary();
        PlanModel.Secondary secondary = plan.secondary();
        boolean needsTwo = plan.intent() == Intent.PATH;
        List<PlanModel.Candidate> resolved = new ArrayList<>(r.resolved());
        if (primary.ciCode().isEmpty() && !resolved.isEmpty()) {
            primary = primary.withCiCode(resolved.remove(0).ciCode());
        }
        if (needsTwo && secondary.ciCode().isEmpty() && !resolved.isEmpty()) {
            PlanModel.Candidate c = resolved.remove(0);
            secondary = new PlanModel.Secondary(c.ciCode(), secondary.mentions(), secondary.filters());
        }
        List<PlanModel.Candidate> candidates = new ArrayList<>(r.ambiguous());
        if (!needsTwo && !resolved.isEmpty()) {
            // more than one CI named where one is expected: let the operator choose
            candidates.addAll(r.resolved());
            primary = primary.withCiCode("");
        }
        if (plan.documents().only() && primary.ciCode().isEmpty()) {
            // a how-to question needs no CI: the documents are searched with its words ("HighErrorRate" is an
            // alert, not a CI); a CI it names only ranks the documents that apply to it higher. A name that
            // matched nothing is kept, so that the answer can say so when no document found mentions it either
            PlanModel searched = withSlots(plan, primary, secondary, List.of(), List.of());
            return r.resolved().isEmpty() && r.ambiguous().isEmpty() && !plan.primary().mentions().isEmpty()
                    ? searched.withAdjustment("unmatched_names:" + String.join(", ", plan.primary().mentions()))
                    : searched;
        }
        boolean optional = plan.intent() == Intent.LIST || plan.intent() == Intent.SEARCH
                || plan.intent() == Intent.AGGREGATE && plan.metric().topN() > 0;
        if (optional && candidates.isEmpty() && primary.ciCode().isEmpty() && primary.mentions().isEmpty()) {
            // the CI only narrows the answer (e.g. events of all CIs when none is named)
            return withSlots(plan, primary, secondary, List.of(), List.of());
        }
        if (!candidates.isEmpty() && primary.ciCode().isEmpty()) {
            triggers.add(new Trigger("slot_missing", "execute", "medium",
                    "ambiguous CI: " + candidates.size() + " candidates"));
            return withSlots(plan, primary, secondary, List.of("primary.ci"), candidates);
        }
        if (primary.ciCode().isEmpty() || needsTwo && secondary.ciCode().isEmpty()) {
            triggers.add(new Trigger("slot_missing", "execute", "medium", "no CI matches the question's names"));
            return withSlots(plan, primary, secondary, List.of(primary.ciCode().isEmpty() ? "primary.ci" : "secondary.ci"),
                    List.of());
        }
        return withSlots(plan, primary, secondary, List.of(), List.of());
    }

    /**
     * "X가 실패하면 어떻게 해야 해?" naming no CI that exists: the data part cannot run, the document search can;
     * the answer says which names matched no CI (adjustment "documents_only:<names>").
     */
    private static PlanModel documentsOnly(PlanModel p) {
        List<String> names = new ArrayList<>(p.primary().mentions());
        names.addAll(p.secondary().mentions());
        return p.withDocuments(new PlanModel.Documents(true, true, p.documents().text(), p.documents().kinds()))
                .withSlots(p.primary(), p.secondary(), List.of(), List.of())
                .withAdjustment("documents_only:" + String.join(", ", names));
    }

    private static PlanModel withSlots(PlanModel p, PlanModel.Primary primary, PlanModel.Secondary secondary,
                                       List<String> missing, List<PlanModel.Candidate> candidates) {
        return p.withSlots(primary, secondary, missing, candidates);
    }

    static int elapsed(long startNanos) {
        return (int) ((System.nanoTime() - startNanos) / 1_000_000);
    }
}

package dev.opsuite.executor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** EXECUTE over the repository's default assets, with hand-written SQL/graph ports. */
class PlanExecutorTest {
    private static final List<String> RESOLVE_COLUMNS = List.of("ci_code", "ci_name", "ci_type", "status", "matched");
    private static final List<String> ATTRIBUTE_COLUMNS = List.of("ci_code", "ci_name", "ci_type", "status",
            "environment", "location", "owner", "attributes");

    private final AssetBundle assets = new AssetBundle(DefaultAssets.docs());

    /** One call as a port saw it. */
    record Call(String source, String statement, Map<String, Object> params, int maxRows, int timeoutSeconds) {}

    /** A port that answers by query name (looked up from the statement) and records every call. */
    static final class FakePort implements SqlPort, GraphPort {
        final java.util.Set<String> extensions = new java.util.HashSet<>();

        @Override
        public boolean hasExtension(AssetDoc source, String extension) {
            return extensions.contains(extension);
        }

        final List<Call> calls = new ArrayList<>();
        private final Map<String, String> nameByStatement = new LinkedHashMap<>();
        private final Map<String, Function<Map<String, Object>, Tabular>> answers = new LinkedHashMap<>();

        FakePort(AssetBundle assets) {
            assets.content("query").path("queries").forEach(q -> {
                nameByStatement.put(q.path("statement").asText(), q.path("name").asText());
                q.path("variants").forEach(v -> nameByStatement.put(v.path("statement").asText(), q.path("name").asText()));
            });
        }

        FakePort answer(String queryName, Function<Map<String, Object>, Tabular> answer) {
            answers.put(queryName, answer);
            return this;
        }

        FakePort rows(String queryName, List<String> columns, List<List<Object>> rows) {
            return answer(queryName, p -> new Tabular(columns, rows, false));
        }

        List<String> queriesRun() {
            return calls.stream().map(c -> nameByStatement.getOrDefault(c.statement(), "?")).toList();
        }

        @Override
        public Tabular query(AssetDoc source, String statement, Map<String, Object> params, int maxRows,
                             int timeoutSeconds) {
            calls.add(new Call(source.name(), statement, new LinkedHashMap<>(params), maxRows, timeoutSeconds));
            String name = nameByStatement.get(statement);
            Function<Map<String, Object>, Tabular> answer = answers.get(name);
            if (answer == null) {
                throw new AssertionError("unexpected query " + name + ": " + statement);
            }
            return answer.apply(params);
        }
    }

    private static PlanModel lookup(String ciCode, List<String> mentions) {
        return new PlanModel(Intent.LOOKUP, View.SUMMARY,
                new PlanModel.Primary("ci", ciCode, mentions, null, null, 0, 0),
                null, null, null, null, null, "ko", null, null, "서버A의 상태는?");
    }

    private static List<Object> resolveRow(String code, String name, String matched) {
        return List.of(code, name, "server", "running", matched);
    }

    private static List<Object> attributeRow(String code) {
        return new ArrayList<>(java.util.Arrays.asList(code, "서버A", "server", "running", "prod", "IDC-1", "ops",
                "{}"));
    }

    private String statementOf(String queryName) {
        return assets.query().template(queryName).orElseThrow().statement();
    }

    @Test
    void resolveStepFillsPrimaryCiCodeAndLaterQueriesBindIt() {
        FakePort sql = new FakePort(assets)
                .rows("ci_resolve", RESOLVE_COLUMNS, List.of(resolveRow("SVR001", "서버A", "서버a")))
                .rows("ci_attributes", ATTRIBUTE_COLUMNS, List.of(attributeRow("SVR001")));
        FakePort graph = new FakePort(assets);

        ExecutionResult r = new PlanExecutor(sql, graph).execute(lookup("", List.of("서버a")),
                List.of("ci_resolve", "ci_attributes"), assets);

        assertEquals("SVR001", r.resolvedPlan().primary().ciCode());
        assertEquals(List.of(), r.resolvedPlan().missingSlots());
        assertEquals(List.of(), r.resolvedPlan().candidates());
        assertEquals(List.of(), r.triggers());
        assertEquals(List.of("ci_resolve", "ci_attributes"), sql.queriesRun());
        assertEquals(Map.of("mentions", List.of("서버a"), "scope_all", true, "scope_ci_codes", List.of()), sql.calls.get(0).params());
        assertEquals(Map.of("ci_code", "SVR001", "scope_all", true, "scope_ci_codes", List.of()), sql.calls.get(1).params());
        assertEquals(List.of(), graph.calls);
        assertEquals(List.of("ci_resolve", "ci_attributes"), r.outputs().stream().map(ToolOutput::queryName).toList());
        assertEquals("SVR001", r.outputs().get(1).row(0).get("ci_code"));
        assertEquals(2, r.calls().size());
        assertEquals("ci_resolver", r.calls().get(0).tool());
        assertEquals("ci_lookup", r.calls().get(1).tool());
        assertNull(r.calls().get(1).error());
    }

    @Test
    void longerAliasWinsOverAShorterOneInsideIt() {
        FakePort sql = new FakePort(assets)
                .rows("ci_resolve", RESOLVE_COLUMNS, List.of(
                        resolveRow("APP-PAY", "결제서비스", "결제서비스"),
                        resolveRow("DB-PAY", "결제DB", "결제")))
                .rows("ci_attributes", ATTRIBUTE_COLUMNS, List.of(attributeRow("APP-PAY")));

        ExecutionResult r = new PlanExecutor(sql, new FakePort(assets)).execute(
                lookup("", List.of("결제서비스", "결제")), List.of("ci_resolve", "ci_attributes"), assets);

        assertEquals("APP-PAY", r.resolvedPlan().primary().ciCode());
        assertEquals(List.of(), r.triggers());
        assertEquals(Map.of("ci_code", "APP-PAY", "scope_all", true, "scope_ci_codes", List.of()), sql.calls.get(1).params());
    }

    @Test
    void oneAliasNamingTwoCisIsSlotMissingWithCandidatesAndStops() {
        FakePort sql = new FakePort(assets)
                .rows("ci_resolve", RESOLVE_COLUMNS, List.of(
                        resolveRow("WEB-01", "web", "web"),
                        resolveRow("WEB-02", "web", "web")));

        ExecutionResult r = new PlanExecutor(sql, new FakePort(assets)).execute(lookup("", List.of("web")),
                List.of("ci_resolve", "ci_attributes", "metric_latest"), assets);

        assertEquals(List.of("ci_resolve"), sql.queriesRun(), "nothing after the resolve step runs");
        assertEquals(List.of("slot_missing"), r.triggers().stream().map(Trigger::type).toList());
        assertEquals("execute", r.triggers().get(0).stage());
        assertEquals(List.of("primary.ci"), r.resolvedPlan().missingSlots());
        assertEquals("", r.resolvedPlan().primary().ciCode());
        assertEquals(List.of("WEB-01", "WEB-02"),
                r.resolvedPlan().candidates().stream().map(PlanModel.Candidate::ciCode).toList());
        assertEquals("web", r.resolvedPlan().candidates().get(0).matchedBy());
        assertEquals(1, r.outputs().size());
    }

    @Test
    void twoDifferentCisWhereOneIsExpectedAreOfferedAsCandidates() {
        FakePort sql = new FakePort(assets)
                .rows("ci_resolve", RESOLVE_COLUMNS, List.of(
                        resolveRow("SVR001", "서버A", "서버a"),
                        resolveRow("SVR002", "서버B", "서버b")));

        ExecutionResult r = new PlanExecutor(sql, new FakePort(assets)).execute(lookup("", List.of("서버a", "서버b")),
                List.of("ci_resolve", "ci_attributes"), assets);

        assertEquals(List.of("ci_resolve"), sql.queriesRun());
        assertEquals(List.of("slot_missing"), r.triggers().stream().map(Trigger::type).toList());
        assertEquals(List.of("primary.ci"), r.resolvedPlan().missingSlots());
        assertEquals(List.of("SVR001", "SVR002"),
                r.resolvedPlan().candidates().stream().map(PlanModel.Candidate::ciCode).sorted().toList());
    }

    @Test
    void noMatchIsSlotMissingWithoutCandidates() {
        FakePort sql = new FakePort(assets).rows("ci_resolve", RESOLVE_COLUMNS, List.of());

        ExecutionResult r = new PlanExecutor(sql, new FakePort(assets)).execute(lookup("", List.of("없는서버")),
                List.of("ci_resolve", "ci_attributes"), assets);

        assertEquals(List.of("ci_resolve"), sql.queriesRun());
        assertEquals(List.of("slot_missing"), r.triggers().stream().map(Trigger::type).toList());
        assertEquals(List.of("primary.ci"), r.resolvedPlan().missingSlots());
        assertEquals(List.of(), r.resolvedPlan().candidates());
    }

    @Test
    void planAlreadyMissingASlotRunsNothing() {
        PlanModel plan = new PlanModel(Intent.LOOKUP, View.SUMMARY, PlanModel.Primary.EMPTY, null, null, null, null,
                null, "en", List.of("primary.ci"), null, "status of it?");
        FakePort sql = new FakePort(assets);

        ExecutionResult r = new PlanExecutor(sql, new FakePort(assets)).execute(plan,
                List.of("ci_resolve", "ci_attributes"), assets);

        assertEquals(List.of(), sql.calls);
        assertEquals(List.of("slot_missing"), r.triggers().stream().map(Trigger::type).toList());
        assertEquals(List.of(), r.outputs());
    }

    @Test
    void emptyMainResultRaisesEmptyResult() {
        FakePort sql = new FakePort(assets).rows("ci_attributes", ATTRIBUTE_COLUMNS, List.of());

        ExecutionResult r = new PlanExecutor(sql, new FakePort(assets)).execute(lookup("SVR404", List.of()),
                List.of("ci_attributes"), assets);

        assertEquals(List.of("empty_result"), r.triggers().stream().map(Trigger::type).toList());
        assertEquals("execute", r.triggers().get(0).stage());
        assertTrue(r.triggers().get(0).reason().contains("ci_attributes"), r.triggers().get(0).reason());
        assertEquals(1, r.outputs().size());
        assertFalse(r.outputs().get(0).failed());
    }

    @Test
    void unavailableSourceIsARetryableToolErrorWithARecordedCall() {
        FakePort sql = new FakePort(assets).answer("ci_attributes", p -> {
            throw new OpsException(ErrorCode.UNAVAILABLE, "source postgres_main is unavailable (08001)");
        });

        ExecutionResult r = new PlanExecutor(sql, new FakePort(assets)).execute(lookup("SVR001", List.of()),
                List.of("ci_attributes"), assets);

        assertEquals(List.of("tool_error_retryable"), r.triggers().stream().map(Trigger::type).toList());
        assertTrue(r.triggers().get(0).reason().contains("source postgres_main is unavailable"));
        ToolCallRecord call = r.calls().get(0);
        assertEquals("ci_lookup", call.tool());
        assertEquals("source postgres_main is unavailable (08001)", call.error());
        assertEquals("failed", call.outputSummary());
        assertEquals(Map.of("query", "ci_attributes", "ci_code", "SVR001", "scope_all", true, "scope_ci_codes", List.of()), call.inputParams());
        ToolOutput out = r.outputs().get(0);
        assertTrue(out.failed());
        assertTrue(out.retryable());
        assertEquals(List.of(), out.rows());
    }

    @Test
    void deadlineExceededIsAlsoRetryable() {
        FakePort sql = new FakePort(assets).answer("ci_attributes", p -> {
            throw new OpsException(ErrorCode.DEADLINE_EXCEEDED, "source postgres_main: statement timed out");
        });

        ExecutionResult r = new PlanExecutor(sql, new FakePort(assets)).execute(lookup("SVR001", List.of()),
                List.of("ci_attributes"), assets);

        assertEquals(List.of("tool_error_retryable"), r.triggers().stream().map(Trigger::type).toList());
    }

    @Test
    void rejectedQueryIsAFatalToolError() {
        FakePort sql = new FakePort(assets).answer("ci_attributes", p -> {
            throw new OpsException(ErrorCode.POLICY_DENIED, "source postgres_main is read-only");
        });

        ExecutionResult r = new PlanExecutor(sql, new FakePort(assets)).execute(lookup("SVR001", List.of()),
                List.of("ci_attributes"), assets);

        assertEquals(List.of("tool_error_fatal"), r.triggers().stream().map(Trigger::type).toList());
        assertFalse(r.outputs().get(0).retryable());
        assertEquals("source postgres_main is read-only", r.calls().get(0).error());
    }

    @Test
    void failingResolveStepIsRetryableAndStops() {
        FakePort sql = new FakePort(assets).answer("ci_resolve", p -> {
            throw new OpsException(ErrorCode.UNAVAILABLE, "source postgres_main is unavailable");
        });

        ExecutionResult r = new PlanExecutor(sql, new FakePort(assets)).execute(lookup("", List.of("서버a")),
                List.of("ci_resolve", "ci_attributes"), assets);

        assertEquals(List.of("ci_resolve"), sql.queriesRun());
        assertEquals(List.of("tool_error_retryable"), r.triggers().stream().map(Trigger::type).toList());
        assertEquals(List.of("primary.ci"), r.resolvedPlan().missingSlots());
        assertEquals("source postgres_main is unavailable", r.calls().get(0).error());
    }

    @Test
    void referencesCarryTheExactStatementAndOnlyDeclaredParams() {
        FakePort sql = new FakePort(assets)
                .rows("ci_resolve", RESOLVE_COLUMNS, List.of(resolveRow("SVR001", "서버A", "서버a")))
                .rows("metric_latest", List.of("ci_code", "ci_name", "ci_type", "metric_name", "value", "ts"),
                        List.of(List.of("SVR001", "서버A", "server", "cpu_usage", 42.5, "2024-05-01T00:00:00Z")));
        PlanModel plan = new PlanModel(Intent.LOOKUP, View.SUMMARY,
                new PlanModel.Primary("ci", "", List.of("서버a"), null, List.of("cpu"), 7, 0), null, null,
                new PlanModel.Metric("cpu_usage", "latest", "last_1h", "2024-05-01T00:00:00Z",
                        "2024-05-01T01:00:00Z", "5m", 0, "desc"),
                null, null, "ko", null, null, "서버A의 CPU 사용량은?");

        ExecutionResult r = new PlanExecutor(sql, new FakePort(assets)).execute(plan,
                List.of("ci_resolve", "metric_latest"), assets);

        assertEquals(List.of(), r.triggers());
        assertEquals(2, r.evidence().size());
        Evidence resolve = r.evidence().get(0);
        assertEquals("sql", resolve.kind());
        assertEquals("Resolve CI mentions", resolve.title());
        assertEquals(statementOf("ci_resolve"), resolve.payload());
        assertEquals(Map.of("mentions", List.of("서버a"), "scope_all", true, "scope_ci_codes", List.of()), resolve.params());
        assertEquals("postgres_main", resolve.source());
        Evidence metric = r.evidence().get(1);
        assertEquals(statementOf("metric_latest"), metric.payload());
        assertEquals(Map.of("ci_code", "SVR001", "metric_name", "cpu_usage", "scope_all", true, "scope_ci_codes", List.of()), metric.params());
        assertEquals(List.of("ci_code", "metric_name", "scope_all", "scope_ci_codes"), List.copyOf(metric.params().keySet()));
        // the port receives exactly the declared parameters too, and the statement unchanged
        assertEquals(statementOf("metric_latest"), sql.calls.get(1).statement());
        assertEquals(Map.of("ci_code", "SVR001", "metric_name", "cpu_usage", "scope_all", true, "scope_ci_codes", List.of()), sql.calls.get(1).params());
        assertEquals(Map.of("query", "metric_latest", "ci_code", "SVR001", "metric_name", "cpu_usage", "scope_all", true, "scope_ci_codes", List.of()),
                r.calls().get(1).inputParams());
    }

    @Test
    void rowLimitAndTimeoutComeFromPlanSourceAndPolicy() {
        FakePort sql = new FakePort(assets).answer("ci_attributes",
                p -> new SqlPort.Tabular(ATTRIBUTE_COLUMNS, List.of(attributeRow("SVR001"), attributeRow("SVR001")),
                        true));
        PlanModel plan = new PlanModel(Intent.LOOKUP, View.SUMMARY,
                new PlanModel.Primary("ci", "SVR001", null, null, null, 2, 0),
                null, null, null, null, null, "en", null, null, "attributes of SVR001");

        ExecutionResult r = new PlanExecutor(sql, new FakePort(assets)).execute(plan, List.of("ci_attributes"), assets);

        Call call = sql.calls.get(0);
        assertEquals("postgres_main", call.source());
        assertEquals(2, call.maxRows(), "the plan's limit");
        assertEquals(30, call.timeoutSeconds(), "min(policy budget 60 s, source max_duration_seconds 30 s)");
        assertEquals(List.of("ci_attributes: result truncated at 2 rows"), r.warnings());
        assertTrue(r.outputs().get(0).truncated());
        assertEquals(List.of(), r.triggers());
    }

    @Test
    void defaultRowLimitIsFiftyWhenThePlanHasNone() {
        FakePort sql = new FakePort(assets).rows("ci_attributes", ATTRIBUTE_COLUMNS, List.of(attributeRow("SVR001")));

        new PlanExecutor(sql, new FakePort(assets)).execute(lookup("SVR001", List.of()), List.of("ci_attributes"),
                assets);

        assertEquals(50, sql.calls.get(0).maxRows());
    }

    @Test
    void cypherQueriesGoToTheGraphPortWithTheGraphSourceLimits() {
        JsonNode base = assets.content("query").deepCopy();
        ObjectNode neighbors = ((com.fasterxml.jackson.databind.node.ArrayNode) base.path("queries")).addObject();
        neighbors.put("name", "test_neighbors");
        neighbors.put("title", "Neighbours");
        neighbors.put("tool", "graph_executor");
        neighbors.put("source", "neo4j_graph");
        neighbors.put("language", "cypher");
        neighbors.put("statement", "MATCH (c:CI {ci_code: $ci_code})-[r]-(n:CI) RETURN n.ci_code AS ci_code LIMIT $graph_limit");
        neighbors.putArray("params").add(ModelJson.MAPPER.createObjectNode().put("name", "ci_code"))
                .add(ModelJson.MAPPER.createObjectNode().put("name", "graph_limit"));
        List<AssetDoc> docs = new ArrayList<>(DefaultAssets.docs());
        docs.add(new AssetDoc("query", "ci_queries", 2, "published", base));
        AssetBundle withGraph = new AssetBundle(docs);
        FakePort sql = new FakePort(withGraph);
        FakePort graph = new FakePort(withGraph).rows("test_neighbors", List.of("ci_code"),
                List.of(List.of("DB-01"), List.of("VM-01")));

        ExecutionResult r = new PlanExecutor(sql, graph).execute(lookup("SVR001", List.of()),
                List.of("test_neighbors"), withGraph);

        assertEquals(List.of(), sql.calls);
        assertEquals(1, graph.calls.size());
        Call call = graph.calls.get(0);
        assertEquals("neo4j_graph", call.source());
        assertEquals(Map.of("ci_code", "SVR001", "graph_limit", 200), call.params());
        assertEquals(10, call.timeoutSeconds(), "neo4j_graph's max_duration_seconds");
        assertEquals("cypher", r.evidence().get(0).kind());
        assertEquals(neighbors.path("statement").asText(), r.evidence().get(0).payload());
        assertEquals(List.of(), r.triggers());
        assertEquals(2, r.outputs().get(0).rows().size());
    }

    @Test
    void unknownQueryNameIsRejected() {
        OpsException e = assertThrows(OpsException.class, () -> new PlanExecutor(new FakePort(assets),
                new FakePort(assets)).execute(lookup("SVR001", List.of()), List.of("no_such_query"), assets));

        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("no_such_query"));
    }

    @Test
    void anExtensionVariantRunsOnlyWhereTheExtensionExists() {
        PlanModel series = new PlanModel(dev.opsuite.model.Intent.AGGREGATE, dev.opsuite.model.View.SUMMARY,
                new PlanModel.Primary("ci", "SVR001", List.of(), List.of(), List.of(), 0, 0), null, null,
                new PlanModel.Metric("cpu_usage", "avg", "last_24h", "2026-11-24T00:00:00Z", "2026-11-25T00:00:00Z",
                        "1 hour", 0, ""), null, null, "en", null, null, "");
        List<String> cols = List.of("bucket", "ci_code", "ci_name", "value", "min_value", "max_value");
        List<List<Object>> one = List.of(List.of("2026-11-24T00:00Z", "SVR001", "srv", 1.0, 1.0, 1.0));
        FakePort plain = new FakePort(assets).rows("metric_series", cols, one);
        ExecutionResult r1 = new PlanExecutor(plain, plain).execute(series, List.of("metric_series"), assets);
        assertTrue(r1.evidence().get(0).payload().contains("date_bin"), r1.evidence().get(0).payload());
        FakePort timescale = new FakePort(assets).rows("metric_series", cols, one);
        timescale.extensions.add("timescaledb");
        ExecutionResult r2 = new PlanExecutor(timescale, timescale).execute(series, List.of("metric_series"), assets);
        assertTrue(r2.evidence().get(0).payload().contains("time_bucket"), r2.evidence().get(0).payload());
    }

    /** A fake estate of two CIs for the scope's members: SVR001 of infra-team, APP001 of payment-team. */
    private static FakePort estate(FakePort port) {
        List<String> dict = List.of("ci_code", "ci_name", "ci_type", "alias", "origin", "status", "environment",
                "location", "owner");
        return port.rows("estate_revision", List.of("revision"), List.of(List.of(7)))
                .rows("ci_dictionary", dict, List.of(
                        java.util.Arrays.asList("SVR001", "server-a", "server", "서버A", null, "running", "prod", "dc1", "infra-team"),
                        java.util.Arrays.asList("APP001", "payment-api", "app", null, null, "running", "prod", "dc1", "payment-team")))
                .rows("ci_field_values", List.of("environment", "location", "owner"), List.of());
    }

    private static dev.opsuite.guard.DataScope payments() throws Exception {
        return dev.opsuite.guard.DataScope.of(dev.opsuite.model.asset.PolicyAsset.from(ModelJson.MAPPER.readTree(
                "{\"data_access\": {\"scopes\": [{\"role\": \"payments\", \"scope\": {\"owner\": [\"payment-team\"]}}]}}")),
                List.of("payments"));
    }

    @Test
    void aScopedCallerGetsTheScopeBoundAndARowOutsideItRefusesTheWholeResult() throws Exception {
        // the fake ignores the template's clause and returns SVR001 anyway: the row check must catch it
        FakePort sql = estate(new FakePort(assets)).rows("ci_attributes", ATTRIBUTE_COLUMNS,
                List.of(attributeRow("SVR001")));
        ExecutionResult r = new PlanExecutor(sql, new FakePort(assets)).execute(lookup("SVR001", List.of()),
                List.of("ci_attributes"), assets, false, payments());
        Call attributes = sql.calls.get(sql.calls.size() - 1);
        assertEquals(false, attributes.params().get("scope_all"));
        assertEquals(List.of("APP001"), attributes.params().get("scope_ci_codes"));
        ToolOutput out = r.outputs().get(0);
        assertTrue(out.failed() && out.error().contains("outside the caller's data scope"), out.error());
        assertEquals(List.of(), out.rows());
    }

    @Test
    void aTemplateWithoutAScopingClauseDoesNotRunForAScopedCaller() throws Exception {
        FakePort sql = estate(new FakePort(assets));
        List<AssetDoc> docs = new ArrayList<>(DefaultAssets.docs());
        ObjectNode query = (ObjectNode) assets.content("query").deepCopy();
        ObjectNode attributes = null;
        for (JsonNode q : query.path("queries")) {
            if ("ci_attributes".equals(q.path("name").asText())) {
                attributes = (ObjectNode) q;
            }
        }
        attributes.remove("scope");
        docs.replaceAll(d -> d.type().equals("query") ? new AssetDoc("query", d.name(), d.version(), d.status(), query) : d);
        int before = sql.calls.size();
        ExecutionResult r = new PlanExecutor(sql, new FakePort(assets)).execute(lookup("APP001", List.of()),
                List.of("ci_attributes"), new AssetBundle(docs), false, payments());
        assertTrue(r.outputs().get(0).error().contains("declares no scoping clause"), r.outputs().get(0).error());
        assertTrue(sql.calls.subList(before, sql.calls.size()).stream()
                .noneMatch(c -> c.statement().contains("FROM ci WHERE ci_code = :ci_code")), "it never ran");
    }
}

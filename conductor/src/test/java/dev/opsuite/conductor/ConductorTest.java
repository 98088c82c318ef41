package dev.opsuite.conductor;

import static dev.opsuite.conductor.Fixtures.ALICE;
import static dev.opsuite.conductor.Fixtures.CLOCK;
import static dev.opsuite.conductor.Fixtures.decisions;
import static dev.opsuite.conductor.Fixtures.inputs;
import static dev.opsuite.conductor.Fixtures.outputs;
import static dev.opsuite.conductor.Fixtures.triggers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.ComposeResponse;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.HistorySpec;
import dev.opsuite.proto.v1.Intent;
import dev.opsuite.proto.v1.MetricSpec;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.PlanOutput;
import dev.opsuite.proto.v1.PrimarySpec;
import dev.opsuite.proto.v1.ReplanRequest;
import dev.opsuite.proto.v1.ReplanResponse;
import dev.opsuite.proto.v1.RoutePlanRequest;
import dev.opsuite.proto.v1.RoutePlanResponse;
import dev.opsuite.proto.v1.ToolResult;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.ValidateRequest;
import dev.opsuite.proto.v1.View;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ask pipeline and its control loop over the in-memory stage port. */
class ConductorTest {
    private final FakeStages stages = new FakeStages();
    private final RecordingSink sink = new RecordingSink();
    private final Conductor conductor = new Conductor(stages, sink, CLOCK, LlmBudget.unlimited(CLOCK), ALICE);

    private static AskRequest ask(String question) {
        return AskRequest.newBuilder().setQuestion(question).build();
    }

    private Conductor.Outcome ask(AskRequest request) {
        return conductor.ask(request, List.of("viewer"), "/ops/ci/ask");
    }

    @Test
    void anAskFlowsThroughEveryStageAndTheTraceRecordsEach() {
        Conductor.Outcome out = ask(ask("list all vms"));

        assertEquals(List.of("resolveAssets", "routePlan", "validate", "execute", "compose", "present"), stages.calls);
        Trace trace = sink.only();
        assertEquals(trace, out.trace());
        List<String> five = List.of("route_plan", "validate", "execute", "compose", "present");
        assertEquals(five, inputs(trace));
        assertEquals(five, outputs(trace));
        assertEquals("success", trace.getStatus());
        assertEquals("orch", trace.getRoute());
        assertEquals("ci", trace.getFeature());
        assertEquals("/ops/ci/ask", trace.getEndpoint());
        assertEquals("alice", trace.getCaller());
        assertEquals("real", trace.getOpsMode());
        assertEquals("2025-03-01T09:00+09:00", trace.getCreatedAt());
        assertEquals("ci_policy@1", trace.getAppliedAssetsMap().get("policy"));
        assertEquals("postgres_main@1", trace.getAppliedAssetsMap().get("source:postgres_main"));
        assertEquals(0, trace.getReplanEventsCount());
        // each stage's input names the asset versions it applied, and the plan it got
        assertEquals("ci_queries@2", trace.getStageInputs(2).getAppliedAssetsMap().get("query"));
        assertFalse(trace.getStageInputs(2).getAppliedAssetsMap().containsKey("screen"));
        assertEquals("INTENT_LIST", Structs.toMap(trace.getStageInputs(1).getPrevOutput()).get("intent"));

        assertEquals("50 CIs shown", out.data().getAnswer());
        assertEquals(trace.getTraceId(), out.data().getMeta().getTraceId());
        assertEquals("orch", out.data().getMeta().getRoute());
        assertEquals("ci_screen", out.data().getScreen().getScreenId());
        RoutePlanRequest routed = stages.requests(RoutePlanRequest.class).get(0);
        assertEquals(7, routed.getEstateGeneration());
        assertEquals("2025-03-01T09:00+09:00", routed.getNow());
        assertEquals(List.of("viewer"), stages.requests(ExecuteRequest.class).get(0).getRolesList());
        // only the assets a stage reads travel with it
        assertEquals(List.of("policy", "query", "source"), stages.requests(ValidateRequest.class).get(0).getAssetsList()
                .stream().map(a -> a.getAssetType()).toList());
    }

    /** "payment-db events in the last 1 hour" with none in that hour: widened once, then answered. */
    @Test
    void anEmptyResultIsReplannedAndTheTraceShowsTheDecision() {
        Plan lastHour = FakeStages.LIST_VMS.toBuilder().setIntent(Intent.INTENT_LOOKUP)
                .setHistory(HistorySpec.newBuilder().setEnabled(true).setTimeRange("last_1h")).build();
        stages.routePlan = r -> RoutePlanResponse.newBuilder().setPlanOutput(PlanOutput.newBuilder().setKind("orch")
                .setPlan(lastHour)).setDiagnostics(FakeStages.OK).build();
        stages.execute = r -> {
            Plan p = r.getValidatedPlan().getPlan();
            if (p.getHistory().getTimeRange().equals("last_1h")) {
                return ExecuteResponse.newBuilder().setResolvedPlan(p).setDiagnostics(FakeStages.OK)
                        .addToolResults(ToolResult.newBuilder().setTool("sql_executor"))
                        .addTriggers(Fixtures.trigger("empty_result", "execute")).build();
            }
            return FakeStages.page(p);
        };
        stages.replan = r -> ReplanResponse.newBuilder().setPatched(true).setFallback("widen time range last_1h -> last_24h")
                .setPlan(r.getPlan().toBuilder().setHistory(r.getPlan().getHistory().toBuilder().setTimeRange("last_24h")))
                .build();

        Conductor.Outcome out = ask(ask("payment-db events in the last 1 hour"));

        assertEquals(List.of("resolveAssets", "routePlan", "validate", "execute", "replan", "validate", "execute",
                "compose", "present"), stages.calls);
        assertEquals("empty_result", stages.requests(ReplanRequest.class).get(0).getTrigger().getTriggerType());
        Trace trace = sink.only();
        assertEquals(List.of("route_plan", "validate", "execute", "replan", "validate", "execute", "compose", "present"),
                outputs(trace));
        assertEquals(List.of("empty_result"), triggers(trace));
        Map<String, Object> d = decisions(trace).get(0);
        assertEquals("replan", d.get("decision"));
        assertEquals("widen time range last_1h -> last_24h", d.get("fallback"));
        assertEquals(3.0, d.get("max_replans"));
        assertEquals("last_1h", ((Map<?, ?>) Structs.toMap(trace.getReplanEvents(0).getPatch().getBefore())
                .get("history")).get("time_range"));
        assertEquals("last_24h", ((Map<?, ?>) Structs.toMap(trace.getReplanEvents(0).getPatch().getAfter())
                .get("history")).get("time_range"));
        assertEquals("last_24h", stages.requests(ExecuteRequest.class).get(1).getValidatedPlan().getPlan().getHistory()
                .getTimeRange());
        assertEquals("success", trace.getStatus());
        assertEquals("50 CIs shown", out.data().getAnswer());
    }

    /**
     * The limit is the Policy asset's replan.max_replans; with assets by reference its content is fetched
     * by version once (GetAsset) and no stage gets asset content.
     */
    @Test
    void theReplanLimitComesFromThePolicyContentFetchedOncePerVersion() {
        stages.assetsByReference = true;
        stages.assets.set(0, FakeStages.asset("policy", "ci_policy", 4, Map.of("replan", Map.of("max_replans", 1))));
        stages.execute = r -> ExecuteResponse.newBuilder().setResolvedPlan(r.getValidatedPlan().getPlan())
                .setDiagnostics(FakeStages.OK).addTriggers(Fixtures.trigger("empty_result", "execute")).build();
        stages.replan = r -> ReplanResponse.newBuilder().setPatched(true).setFallback("widen")
                .setPlan(r.getPlan().toBuilder().addAdjustments("widened")).build();

        ask(ask("ghost-vm events in the last 1 hour"));
        ask(ask("ghost-vm events in the last 1 hour"));

        assertEquals(1, stages.calls.stream().filter("getAsset"::equals).count(), stages.calls.toString());
        Trace trace = sink.submitted.get(1);
        List<Map<String, Object>> d = decisions(trace);
        assertEquals(2, d.size(), d.toString());
        assertEquals("replan", d.get(0).get("decision"));
        assertEquals(1.0, d.get(0).get("max_replans"));
        assertEquals("stop", d.get(1).get("decision"));
        assertEquals("max_replans reached", d.get(1).get("reason"));
        assertEquals(2, stages.requests(ExecuteRequest.class).size() / 2, "two executes per ask");
        assertTrue(stages.requests(ExecuteRequest.class).get(0).getAssetsList().stream()
                .noneMatch(a -> a.hasContent()), "assets travel as references");
    }

    /** An executor-service call that fails (UNAVAILABLE, mapped by the adapter) fails the ask — with its trace. */
    @Test
    void anUnavailableExecuteIsATracedFailureAndTheTraceIsStillWritten() {
        stages.execute = r -> {
            throw OpsException.unavailable("executor-service Execute: UNAVAILABLE: io exception", null);
        };

        Conductor.TracedFailure f = assertThrows(Conductor.TracedFailure.class, () -> ask(ask("list all vms")));

        assertEquals(ErrorCode.UNAVAILABLE, f.failure().code());
        assertEquals("executor-service Execute: UNAVAILABLE: io exception", f.failure().getMessage());
        Trace trace = sink.only();
        assertEquals(trace.getTraceId(), f.traceId());
        assertEquals("error", trace.getStatus());
        assertEquals("executor-service Execute: UNAVAILABLE: io exception", trace.getErrorMessage());
        assertEquals(List.of("route_plan", "validate", "execute"), inputs(trace));
        assertEquals(List.of("route_plan", "validate"), outputs(trace));
        assertEquals(List.of("resolveAssets", "routePlan", "validate", "execute"), stages.calls);
    }

    /** Every query failed (a dead store): COMPOSE's statement of what failed is the error; the trace says error. */
    @Test
    void aToolErrorInEveryResultIsAnUnansweredErrorNamingTheStore() {
        String said = "The CI store (postgres_main) is unavailable: the list of CIs could not be answered.";
        stages.execute = r -> ExecuteResponse.newBuilder().setResolvedPlan(r.getValidatedPlan().getPlan())
                .setDiagnostics(FakeStages.OK.toBuilder().setStatus("error"))
                .addToolResults(ToolResult.newBuilder().setTool("sql_executor").setError("connection refused"))
                .addTriggers(Fixtures.trigger("tool_error_fatal", "execute")).build();
        stages.compose = r -> ComposeResponse.newBuilder().setAnswer(said).setDiagnostics(FakeStages.OK).build();

        Conductor.TracedFailure f = assertThrows(Conductor.TracedFailure.class, () -> ask(ask("list all servers")));

        assertEquals(ErrorCode.UNAVAILABLE, f.failure().code());
        assertEquals(said, f.failure().getMessage());
        Trace trace = sink.only();
        assertEquals(f.traceId(), trace.getTraceId());
        assertEquals("error", trace.getStatus());
        assertEquals(said, trace.getErrorMessage());
        assertEquals(List.of("route_plan", "validate", "execute", "compose"), outputs(trace));
        assertEquals(List.of("tool_error_fatal"), triggers(trace));
        assertEquals("a fatal tool error is not retried", decisions(trace).get(0).get("reason"));
    }

    @Test
    void aRetryableToolErrorIsRetriedOnceAndRecorded() {
        int[] n = {0};
        stages.execute = r -> n[0]++ == 0
                ? ExecuteResponse.newBuilder().setDiagnostics(FakeStages.OK)
                        .addToolResults(ToolResult.newBuilder().setTool("sql_executor").setError("timeout").setRetryable(true))
                        .addTriggers(Fixtures.trigger("tool_error_retryable", "execute")).build()
                : FakeStages.page(r.getValidatedPlan().getPlan());

        Conductor.Outcome out = ask(ask("list all vms"));

        assertEquals(2, n[0]);
        Trace trace = sink.only();
        assertEquals(List.of("tool_error_retryable"), triggers(trace));
        assertEquals("retry", decisions(trace).get(0).get("decision"));
        assertEquals(1.0, decisions(trace).get(0).get("attempt"));
        assertEquals("success", trace.getStatus());
        assertEquals("50 CIs shown", out.data().getAnswer());
    }

    /** The guide's rerun: the base plan, a patch (metric), the operator's CI; no ROUTE+PLAN; the parent named. */
    @Test
    void aRerunAppliesThePatchSkipsPlanningAndPointsToItsParent() {
        Plan base = Plan.newBuilder().setIntent(Intent.INTENT_LOOKUP).setView(View.VIEW_SUMMARY).setLanguage("ko")
                .setPrimary(PrimarySpec.newBuilder().setCiCode("SVR001").addMentions("서버A"))
                .setMetric(MetricSpec.newBuilder().setMetricName("cpu_usage")).build();
        stages.replan = r -> ReplanResponse.newBuilder().setPatched(true).setFallback("re-derived from the patch")
                .setPlan(r.getPlan().toBuilder().setMetric(r.getPlan().getMetric().toBuilder().setAgg("latest"))).build();
        AskRequest rerun = AskRequest.newBuilder().setQuestion("서버A의 CPU 사용량은?")
                .setRerun(dev.opsuite.proto.v1.Rerun.newBuilder().setBasePlan(base).setSelectedCiId("SVR002")
                        .setParentTraceId("parent0001")
                        .setPatch(Structs.toStruct(Map.of("metric", Map.of("metric_name", "mem_usage")))))
                .build();

        ask(rerun);

        assertEquals(List.of("resolveAssets", "replan", "validate", "execute", "compose", "present"), stages.calls);
        ReplanRequest replan = stages.requests(ReplanRequest.class).get(0);
        assertEquals("plan_patched", replan.getTrigger().getTriggerType());
        assertEquals("mem_usage", replan.getPlan().getMetric().getMetricName());
        assertEquals("SVR002", replan.getPlan().getPrimary().getCiCode());
        assertEquals(0, replan.getPlan().getPrimary().getMentionsCount());
        Plan validated = stages.requests(ValidateRequest.class).get(0).getPlan();
        assertEquals("latest", validated.getMetric().getAgg(), "the re-derived plan is the one validated");
        Trace trace = sink.only();
        assertEquals("parent0001", trace.getParentTraceId());
        assertEquals("orch", trace.getRoute());
        assertEquals("Rerun of a base plan", trace.getRouteDecision().getReason());
        assertFalse(outputs(trace).contains("route_plan"), outputs(trace).toString());
        assertEquals(List.of("plan_patched"), triggers(trace));
        assertEquals("replan", decisions(trace).get(0).get("decision"));
        assertEquals("success", trace.getStatus());
    }

    @Test
    void aRerunWithAPatchOutsideThePlanContractIsRefusedAndTraced() {
        AskRequest rerun = AskRequest.newBuilder().setQuestion("x").setRerun(dev.opsuite.proto.v1.Rerun.newBuilder()
                .setBasePlan(Plan.newBuilder().setIntent(Intent.INTENT_LOOKUP))
                .setPatch(Structs.toStruct(Map.of("intent", "INTENT_DROP_TABLES")))).build();

        Conductor.TracedFailure f = assertThrows(Conductor.TracedFailure.class, () -> ask(rerun));

        assertEquals(ErrorCode.INVALID_ARGUMENT, f.failure().code());
        assertTrue(f.failure().getMessage().startsWith("rerun.patch does not fit the Plan contract"), f.failure().getMessage());
        assertEquals("error", sink.only().getStatus());
        assertEquals(List.of("resolveAssets"), stages.calls);
    }

    /** A bug (not an OpsException) is INTERNAL, names its trace, and its trace holds the real message. */
    @Test
    void anUnexpectedExceptionIsInternalAndTraced() {
        stages.compose = r -> {
            throw new IllegalStateException("compose fell over");
        };

        Conductor.TracedFailure f = assertThrows(Conductor.TracedFailure.class, () -> ask(ask("list all vms")));

        assertEquals(ErrorCode.INTERNAL, f.failure().code());
        assertEquals("internal error (trace " + f.traceId() + ")", f.failure().getMessage());
        assertEquals("compose fell over", sink.only().getErrorMessage());
        assertEquals("error", sink.only().getStatus());
    }

    @Test
    void draftAssetsNeedTheOperatorRole() {
        stages.assets.set(1, stages.assets.get(1).toBuilder().setStatus("draft").build());

        Conductor.TracedFailure f = assertThrows(Conductor.TracedFailure.class, () -> ask(ask("list all vms")));

        assertEquals(ErrorCode.POLICY_DENIED, f.failure().code());
        assertEquals("ci_queries@2(draft)", sink.only().getAppliedAssetsMap().get("query"));
        assertEquals(List.of("resolveAssets"), stages.calls);
        conductor.ask(ask("list all vms"), List.of("operator"), "/ops/ci/ask");
        assertEquals("success", sink.last().getStatus());
    }
}

package dev.opsuite.conductor;

import static dev.opsuite.conductor.Fixtures.ALICE;
import static dev.opsuite.conductor.Fixtures.CLOCK;
import static dev.opsuite.conductor.Fixtures.outputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.ReplanEvent;
import dev.opsuite.proto.v1.ReplanResponse;
import dev.opsuite.proto.v1.ToolResult;
import dev.opsuite.proto.v1.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** An ask followed stage by stage (AskStream): events in order with their decisions, and a caller that leaves. */
class StageListenerTest {
    private final FakeStages stages = new FakeStages();
    private final RecordingSink sink = new RecordingSink();
    private final Conductor conductor = new Conductor(stages, sink, CLOCK, LlmBudget.unlimited(CLOCK), ALICE);

    /** Records every event; cancelled once {@code leaveWhen} holds for the events so far. */
    private static final class Recorded implements StageListener {
        final List<StageEvent> events = new ArrayList<>();
        Predicate<List<StageEvent>> leaveWhen = e -> false;
        boolean gone;

        @Override
        public void finished(StageEvent event) {
            events.add(event);
        }

        @Override
        public boolean cancelled() {
            return gone || leaveWhen.test(events);
        }

        List<String> stages() {
            return events.stream().map(StageEvent::stage).toList();
        }
    }

    private Conductor.Outcome ask(StageListener listener) {
        return conductor.ask(AskRequest.newBuilder().setQuestion("list all vms").build(), List.of("viewer"),
                "/ops/ci/ask/stream", "ci", listener);
    }

    @Test
    void everyStageIsToldInOrderAndTheAskIsTheSameAsWithoutListener() {
        Recorded r = new Recorded();
        Conductor.Outcome streamed = ask(r);
        Conductor.Outcome plain = conductor.ask(AskRequest.newBuilder().setQuestion("list all vms").build(),
                List.of("viewer"), "/ops/ci/ask");

        assertEquals(List.of("route_plan", "validate", "execute", "compose", "present"), r.stages());
        assertEquals(List.of(1, 2, 3, 4, 5), r.events.stream().map(StageListener.StageEvent::seq).toList());
        assertTrue(r.events.stream().allMatch(e -> e.status().equals("ok") && e.replans().isEmpty()), r.events.toString());
        assertEquals("plan list/summary of vm (rules, confidence 0.90)", r.events.get(0).summary());
        assertEquals("allowed (0 checks)", r.events.get(1).summary());
        assertEquals("1 result, 50 rows", r.events.get(2).summary());
        assertEquals("1 block: 50 CIs shown", r.events.get(3).summary());
        assertEquals("0 components, 0 actions", r.events.get(4).summary());
        Trace s = sink.submitted.get(0);
        Trace p = sink.submitted.get(1);
        assertEquals(outputs(p), outputs(s));
        assertEquals(r.events.stream().map(StageListener.StageEvent::durationMs).toList(),
                s.getStageOutputsList().stream().map(o -> o.getDurationMs()).toList());
        assertEquals("success", s.getStatus());
        assertEquals("/ops/ci/ask/stream", s.getEndpoint());
        assertEquals(plain.data().toBuilder().clearMeta().clearTrace().build(),
                streamed.data().toBuilder().clearMeta().clearTrace().build());
        assertEquals(s.getTraceId(), streamed.data().getMeta().getTraceId());
    }

    @Test
    void aRetryAndAReplanTravelWithTheStageTheyWereDecidedOn() {
        int[] n = {0};
        stages.execute = q -> switch (n[0]++) {
            case 0 -> ExecuteResponse.newBuilder().setDiagnostics(FakeStages.OK)
                    .addToolResults(ToolResult.newBuilder().setTool("sql_executor").setError("timeout").setRetryable(true))
                    .addTriggers(Fixtures.trigger("tool_error_retryable", "execute")).build();
            case 1 -> ExecuteResponse.newBuilder().setResolvedPlan(q.getValidatedPlan().getPlan())
                    .setDiagnostics(FakeStages.OK).addToolResults(ToolResult.newBuilder().setTool("sql_executor"))
                    .addTriggers(Fixtures.trigger("empty_result", "execute")).build();
            default -> FakeStages.page(q.getValidatedPlan().getPlan());
        };
        stages.replan = q -> ReplanResponse.newBuilder().setPatched(true).setFallback("widen the time range")
                .setPlan(q.getPlan()).build();
        Recorded r = new Recorded();
        ask(r);

        assertEquals(List.of("route_plan", "validate", "execute", "execute", "replan", "validate", "execute",
                "compose", "present"), r.stages());
        assertEquals(List.of("retry"), decisions(r.events.get(2).replans()));
        assertEquals("1 result, 0 rows, 1 failed; raised tool_error_retryable", r.events.get(2).summary());
        assertEquals("patched: widen the time range", r.events.get(4).summary());
        // the replan is decided once its plan is validated: it travels with that validate
        assertEquals(List.of("replan"), decisions(r.events.get(5).replans()));
        Trace t = sink.only();
        assertEquals(t.getReplanEventsCount(), r.events.stream().mapToInt(e -> e.replans().size()).sum());
    }

    @Test
    void aCallerWhoLeavesStopsTheAskBeforeTheNextStage() {
        Recorded r = new Recorded();
        r.leaveWhen = e -> e.size() == 2;   // gone once validate is told
        Conductor.TracedFailure f = assertThrows(Conductor.TracedFailure.class, () -> ask(r));

        assertEquals(List.of("resolveAssets", "routePlan", "validate"), stages.calls, "execute never ran");
        Trace t = sink.only();
        assertEquals("cancelled", t.getStatus());
        assertEquals(List.of("route_plan", "validate"), outputs(t));
        assertEquals(2, t.getStageInputsCount(), "execute was not even started");
        assertTrue(t.getErrorMessage().contains("before execute"), t.getErrorMessage());
        assertEquals(t.getTraceId(), f.traceId());
    }

    @Test
    void aStageCallCancelledWithItsCallerMakesTheAskCancelledNotFailed() {
        Recorded r = new Recorded();
        stages.execute = q -> {
            r.gone = true; // the caller leaves while EXECUTE runs; its call is cancelled with it
            throw OpsException.unavailable("executor-service Execute: CANCELLED", null);
        };
        assertThrows(Conductor.TracedFailure.class, () -> ask(r));

        Trace t = sink.only();
        assertEquals("cancelled", t.getStatus());
        assertTrue(t.getErrorMessage().contains("during execute"), t.getErrorMessage());
        assertEquals(List.of("route_plan", "validate"), r.stages());
        assertEquals(List.of("resolveAssets", "routePlan", "validate", "execute"), stages.calls);
    }

    @Test
    void aFailureWhileTheCallerStaysIsAnError() {
        stages.execute = q -> {
            throw OpsException.unavailable("executor-service Execute: down", null);
        };
        assertThrows(Conductor.TracedFailure.class, () -> ask(new Recorded()));
        assertEquals("error", sink.only().getStatus());
    }

    private static List<Object> decisions(List<ReplanEvent> replans) {
        return replans.stream().map(e -> dev.opsuite.kit.json.Structs.toMap(e.getDecisionMetadata()).get("decision"))
                .toList();
    }
}

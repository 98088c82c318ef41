package dev.opsuite.conductor;

import static dev.opsuite.conductor.Fixtures.ALICE;
import static dev.opsuite.conductor.Fixtures.CLOCK;
import static dev.opsuite.conductor.Fixtures.outputs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.StageTestRequest;
import dev.opsuite.proto.v1.StageTestResponse;
import dev.opsuite.proto.v1.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One stage run in isolation, from a question or replayed from a baseline trace. */
class StageTesterTest {
    private final FakeStages stages = new FakeStages();
    private final RecordingSink sink = new RecordingSink();
    private final StageTester tester = new StageTester(stages, sink, CLOCK, LlmBudget.unlimited(CLOCK), ALICE);

    @Test
    void aLiveStageTestRunsTheEarlierStagesAndStopsAtItsOwn() {
        StageTestResponse r = tester.run(StageTestRequest.newBuilder().setStage("validate").setQuestion("list all vms")
                .build(), List.of("operator"));

        assertEquals(List.of("resolveAssets", "routePlan", "validate"), stages.calls, "later stages never run");
        assertEquals("validate", r.getStage());
        assertEquals("question", r.getInputFrom());
        assertEquals(Boolean.TRUE, Structs.toMap(r.getResult()).get("allowed"));
        Trace trace = sink.only();
        assertEquals(trace.getTraceId(), r.getTraceId());
        assertEquals("stage_test", trace.getFeature());
        assertEquals("/ops/stage-test", trace.getEndpoint());
        assertEquals("alice", trace.getCaller());
        assertEquals("success", trace.getStatus());
        assertEquals("", trace.getParentTraceId());
        assertEquals(List.of("route_plan", "validate"), outputs(trace));
    }

    /** Replayed from a baseline: the recorded input, validated again, and a diff against the baseline's output. */
    @Test
    void aReplayedExecuteIsDiffedAgainstItsBaseline() {
        Conductor conductor = new Conductor(stages, sink, CLOCK, LlmBudget.unlimited(CLOCK), ALICE);
        String baseline = conductor.ask(AskRequest.newBuilder().setQuestion("list all vms").build(), List.of("viewer"),
                "/ops/ci/ask").trace().getTraceId();
        stages.calls.clear();

        StageTestResponse same = tester.run(StageTestRequest.newBuilder().setStage("execute")
                .setBaselineTraceId(baseline).build(), List.of("operator"));

        assertEquals(List.of("resolveAssets", "validate", "execute"), stages.calls,
                "the plan is validated again before it runs; no other stage");
        assertEquals("baseline", same.getInputFrom());
        assertEquals(baseline, same.getBaselineTraceId());
        assertTrue(same.getDiff().getIdentical(), same.getDiff().toString());
        assertEquals(50, same.getDiagnostics().getCountsMap().get("rows"));
        Trace child = sink.last();
        assertEquals(baseline, child.getParentTraceId());
        assertEquals("stage_test", child.getFeature());

        // the executor now answers another page: the diff says so
        stages.execute = r -> FakeStages.page(r.getValidatedPlan().getPlan().toBuilder()
                .setPrimary(r.getValidatedPlan().getPlan().getPrimary().toBuilder().setOffset(10)).build());
        StageTestResponse changed = tester.run(StageTestRequest.newBuilder().setStage("execute")
                .setBaselineTraceId(baseline).build(), List.of("operator"));
        assertFalse(changed.getDiff().getIdentical());
        assertTrue(changed.getDiff().getChangeCount() > 0, changed.getDiff().toString());
        assertTrue(changed.getDiff().getChangesList().stream().anyMatch(c -> c.getPath().contains("rows")),
                changed.getDiff().toString());
    }

    @Test
    void aFailingStageLeavesAnErrorTraceUnderItsBaseline() {
        Trace baseline = Trace.newBuilder().setTraceId("b0").setCaller("alice").setQuestion("list all vms")
                .setOpsMode("real").setCreatedAt("2025-02-28T10:00:00+09:00").setRoute("orch")
                .addStageInputs(dev.opsuite.proto.v1.StageInput.newBuilder().setStage("execute")
                        .setPrevOutput(Structs.messageToStruct(dev.opsuite.proto.v1.ValidatedPlan.newBuilder()
                                .setPlan(FakeStages.LIST_VMS).setAllowed(true).build())))
                .build();
        stages.stored.put("b0", baseline);
        stages.execute = r -> {
            throw new IllegalStateException("executor bug");
        };

        Conductor.TracedFailure f = assertThrows(Conductor.TracedFailure.class, () -> tester.run(
                StageTestRequest.newBuilder().setStage("execute").setBaselineTraceId("b0").build(), List.of("operator")));

        assertEquals(ErrorCode.INTERNAL, f.failure().code());
        Trace trace = sink.only();
        assertEquals(f.traceId(), trace.getTraceId());
        assertEquals("b0", trace.getParentTraceId());
        assertEquals("error", trace.getStatus());
        assertEquals("executor bug", trace.getErrorMessage());
        assertEquals("list all vms", trace.getQuestion());
        assertEquals(FakeStages.LIST_VMS, stages.requests(ExecuteRequest.class).get(0).getValidatedPlan().getPlan());
    }

    /** Another caller's baseline is not found (its existence is not revealed), and nothing is traced. */
    @Test
    void aBaselineTheCallerMayNotSeeIsNotFound() {
        stages.stored.put("b1", Trace.newBuilder().setTraceId("b1").setCaller("bob").build());

        OpsException e = assertThrows(OpsException.class, () -> tester.run(
                StageTestRequest.newBuilder().setStage("validate").setBaselineTraceId("b1").build(), List.of("operator")));

        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertTrue(sink.submitted.isEmpty());
    }
}

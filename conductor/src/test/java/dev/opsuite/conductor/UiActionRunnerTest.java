package dev.opsuite.conductor;

import static dev.opsuite.conductor.Fixtures.ALICE;
import static dev.opsuite.conductor.Fixtures.CLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.ResolveAssetsRequest;
import dev.opsuite.proto.v1.RunUiActionRequest;
import dev.opsuite.proto.v1.RunUiActionResponse;
import dev.opsuite.proto.v1.Trace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** load_more_rows on a truncated table: the parent's plan paged, a state patch, and a child trace — always. */
class UiActionRunnerTest {
    private final FakeStages stages = new FakeStages();
    private final RecordingSink sink = new RecordingSink();
    private final UiActionRunner runner = new UiActionRunner(stages, sink, CLOCK, LlmBudget.unlimited(CLOCK), ALICE);
    private String parent;

    /** "list all vms" answered (first page of 50 of 120), its trace stored in trace-service. */
    @BeforeEach
    void askFirst() {
        Trace asked = new Conductor(stages, sink, CLOCK, LlmBudget.unlimited(CLOCK), ALICE)
                .ask(AskRequest.newBuilder().setQuestion("list all vms").build(), List.of("viewer"), "/ops/ci/ask").trace();
        parent = asked.getTraceId();
        stages.stored.put(parent, asked);
        sink.submitted.clear();
        stages.calls.clear();
        stages.requests.clear();
    }

    private RunUiActionRequest loadMore(int offset, int limit) {
        return RunUiActionRequest.newBuilder().setTraceId(parent).setActionId("load_more_rows")
                .setInputs(Structs.toStruct(Map.of("offset", offset, "limit", limit))).build();
    }

    @Test
    void loadMoreRowsPagesThroughTheSamePlan() {
        RunUiActionResponse page = runner.run(loadMore(50, 50), List.of("viewer"));

        assertEquals(List.of("fetchTrace", "resolveAssets", "validate", "execute", "compose"), stages.calls);
        assertEquals("ci_policy@1", stages.requests(ResolveAssetsRequest.class).get(0).getOverridesMap().get("policy"),
                "the parent's asset versions");
        Plan paged = stages.requests(ExecuteRequest.class).get(0).getValidatedPlan().getPlan();
        assertEquals(50, paged.getPrimary().getOffset());
        assertEquals(50, paged.getPrimary().getLimit());
        List<Object> rows = (List<Object>) Structs.toMap(page.getBlocks(0).getData()).get("rows");
        assertEquals(List.of("VM051"), rows.get(0));
        assertEquals(List.of("VM100"), rows.get(49));
        assertEquals(100.0, Structs.toMap(page.getStatePatch()).get("table_offset"));
        assertEquals(Boolean.TRUE, Structs.toMap(page.getStatePatch()).get("has_more"));
        assertTrue(page.getReferences(0).getPayload().contains("OFFSET 50"), page.getReferences(0).getPayload());
        assertEquals("ok", page.getStatus());
        Trace child = sink.only();
        assertEquals(page.getTraceId(), child.getTraceId());
        assertEquals(parent, child.getParentTraceId());
        assertEquals("ui_action", child.getFeature());
        assertEquals("/ops/ui-actions", child.getEndpoint());
        assertEquals("orch", child.getRoute());
        assertEquals("success", child.getStatus());
        assertEquals("alice", child.getCaller());
        assertEquals(1, child.getAnswer().getBlocksCount());
    }

    /** The last page: 20 rows from 100, nothing more. */
    @Test
    void theLastPageSaysThereIsNoMore() {
        RunUiActionResponse page = runner.run(loadMore(100, 50), List.of("viewer"));

        assertEquals(120.0, Structs.toMap(page.getStatePatch()).get("table_offset"));
        assertEquals(Boolean.FALSE, Structs.toMap(page.getStatePatch()).get("has_more"));
    }

    /** A bug in a stage (not an OpsException) still leaves the child trace, and fails as INTERNAL naming it. */
    @Test
    void anUnexpectedExceptionFromThePortStillLeavesATrace() {
        stages.execute = r -> {
            throw new IllegalStateException("executor went away");
        };

        Conductor.TracedFailure f = assertThrows(Conductor.TracedFailure.class,
                () -> runner.run(loadMore(50, 50), List.of("viewer")));

        assertEquals(ErrorCode.INTERNAL, f.failure().code());
        assertEquals("internal error (trace " + f.traceId() + ")", f.failure().getMessage());
        Trace child = sink.only();
        assertEquals(f.traceId(), child.getTraceId());
        assertEquals(parent, child.getParentTraceId());
        assertEquals("ui_action", child.getFeature());
        assertEquals("error", child.getStatus());
        assertEquals("executor went away", child.getErrorMessage());
        assertEquals(List.of("validate", "execute"), Fixtures.inputs(child));
    }

    @Test
    void anUnavailableStageFailsWithItsCodeAndTheTraceId() {
        stages.compose = r -> {
            throw OpsException.unavailable("executor-service Compose: UNAVAILABLE: io exception", null);
        };

        Conductor.TracedFailure f = assertThrows(Conductor.TracedFailure.class,
                () -> runner.run(loadMore(50, 50), List.of("viewer")));

        assertEquals(ErrorCode.UNAVAILABLE, f.failure().code());
        assertEquals("executor-service Compose: UNAVAILABLE: io exception", sink.only().getErrorMessage());
        assertEquals(f.traceId(), sink.only().getTraceId());
    }

    /** Refused before anything runs: no child trace. */
    @Test
    void badActionsAreRefusedWithoutATrace() {
        OpsException unknown = assertThrows(OpsException.class, () -> runner.run(RunUiActionRequest.newBuilder()
                .setTraceId(parent).setActionId("format_disk").build(), List.of("viewer")));
        assertEquals(ErrorCode.INVALID_ARGUMENT, unknown.code());
        assertTrue(unknown.getMessage().contains("not run by the server"), unknown.getMessage());
        OpsException limit = assertThrows(OpsException.class, () -> runner.run(loadMore(0, 100_000), List.of("viewer")));
        assertTrue(limit.getMessage().contains("inputs.limit"), limit.getMessage());
        OpsException missing = assertThrows(OpsException.class, () -> runner.run(RunUiActionRequest.newBuilder()
                .setTraceId("00000000deadbeef").setActionId("load_more_rows").build(), List.of("viewer")));
        assertEquals(ErrorCode.NOT_FOUND, missing.code());
        assertTrue(sink.submitted.isEmpty());
    }
}

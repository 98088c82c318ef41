package dev.opsuite.trace;

import static dev.opsuite.trace.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.proto.v1.Intent;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.RouteOutput;
import dev.opsuite.proto.v1.SearchTracesRequest;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.TraceSummary;
import dev.opsuite.proto.v1.View;
import dev.opsuite.proto.v1.WriteTracesRequest;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each stored trace's plan shape and stage milliseconds are read from the trace when it is written,
 * listed with it, and filter a search: what RCA compares a stage's time with.
 */
class TraceTimingsSearchTest {

    private static Trace trace(String id, String mode, Intent intent, View view, int... ms) {
        Trace.Builder t = Trace.newBuilder().setTraceId(id).setFeature("ci").setOpsMode(mode).setRoute("orch")
                .setStatus("success").setCreatedAt("2026-03-01T00:00:0" + id.charAt(id.length() - 1) + "Z")
                .setRouteOutput(RouteOutput.newBuilder().setPlanRaw(Plan.newBuilder().setIntent(intent).setView(view)
                        .setNormalizedQuestion("q")));
        String[] stages = {"route_plan", "execute", "compose", "execute"};
        for (int i = 0; i < ms.length; i++) {
            t.addStageOutputs(StageOutput.newBuilder().setStage(stages[i]).setDurationMs(ms[i]));
        }
        return t.build();
    }

    @Test
    void theShapeAndStageTimesAreStoredListedAndFilterASearch() throws InterruptedException {
        try (RunningService svc = RunningService.start(TestDatabase.config(TestDatabase.freshDatabaseUrl()))) {
            svc.traces().writeTraces(WriteTracesRequest.newBuilder().addAllTraces(List.of(
                    trace("t1", "real", Intent.INTENT_LOOKUP, View.VIEW_SUMMARY, 5, 40, 3),
                    trace("t2", "real", Intent.INTENT_LOOKUP, View.VIEW_SUMMARY, 6, 50, 2, 70),
                    trace("t3", "mock", Intent.INTENT_LOOKUP, View.VIEW_SUMMARY, 1, 1, 1),
                    trace("t4", "real", Intent.INTENT_EXPAND, View.VIEW_IMPACT, 9, 90, 9),
                    Trace.newBuilder().setTraceId("t5").setFeature("ci").setOpsMode("real").setRoute("direct")
                            .setCreatedAt("2026-03-01T00:00:05Z").build())).build());

            List<TraceSummary> lookups = svc.traces().searchTraces(SearchTracesRequest.newBuilder()
                    .setPlanShape("ci:real:orch:lookup:summary").build()).getTracesList();
            assertEquals(List.of("t2", "t1"), lookups.stream().map(TraceSummary::getTraceId).toList());
            // execute ran twice in t2 (a replan): its time is the sum
            assertEquals(Map.of("route_plan", 6, "execute", 120, "compose", 2), lookups.get(0).getStageMsMap());
            assertEquals("ci:real:orch:lookup:summary", lookups.get(1).getPlanShape());

            assertEquals(List.of("t3"), ids(svc, "ci:mock:orch:lookup:summary"));
            assertEquals(List.of("t4"), ids(svc, "ci:real:orch:expand:impact"));
            assertEquals(List.of("t5"), ids(svc, "ci:real:direct:-:-"));
            assertEquals(5, svc.traces().searchTraces(SearchTracesRequest.getDefaultInstance()).getTracesCount());
            assertStatus(Status.Code.INVALID_ARGUMENT, () -> svc.traces().searchTraces(
                    SearchTracesRequest.newBuilder().setPlanShape("x".repeat(201)).build()));
        }
    }

    private static List<String> ids(RunningService svc, String shape) {
        return svc.traces().searchTraces(SearchTracesRequest.newBuilder().setPlanShape(shape).build()).getTracesList()
                .stream().map(TraceSummary::getTraceId).toList();
    }
}

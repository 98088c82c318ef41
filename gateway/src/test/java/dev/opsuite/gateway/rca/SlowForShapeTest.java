package dev.opsuite.gateway.rca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.RcaHypothesis;
import dev.opsuite.proto.v1.RcaResult;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Single mode's slow stage against the p95 of earlier traces of the same plan shape. */
class SlowForShapeTest {
    private static final String SHAPE = "ci:real:orch:lookup:summary";

    private static Trace trace(int executeMs) {
        return Trace.newBuilder().setTraceId("t").setStatus("success").setRoute("orch").setDurationMs(executeMs + 20)
                .putAppliedAssets("source:postgres_main", "postgres_main@1")
                .addStageOutputs(StageOutput.newBuilder().setStage("route_plan").setDurationMs(10))
                .addStageOutputs(StageOutput.newBuilder().setStage("execute").setDurationMs(executeMs))
                .addStageOutputs(StageOutput.newBuilder().setStage("compose").setDurationMs(5)).build();
    }

    /** n earlier traces: execute 100..(100+n-1) ms, route_plan 10 ms; no compose in the first ones. */
    private static StageHistory history(int n) {
        List<Map<String, Integer>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(i < 3 ? Map.of("route_plan", 10, "execute", 100 + i) : Map.of("route_plan", 10, "execute", 100 + i,
                    "compose", 5));
        }
        return StageHistory.of(SHAPE, out);
    }

    private static RcaResult single(Trace t, StageHistory h) {
        return RcaEngine.single(t, h, RcaRules.DEFAULTS, 5, true, System.nanoTime()).result();
    }

    @Test
    void p95IsTheNearestRank() {
        List<Integer> hundred = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            hundred.add(101 - i);
        }
        assertEquals(95, StageHistory.p95(hundred));
        assertEquals(7, StageHistory.p95(List.of(7)));
        assertEquals(40, StageHistory.p95(List.of(10, 40, 20, 30)));
    }

    @Test
    void aStageFarAboveItsShapesP95IsAHypothesisWithTheFigures() {
        // 20 earlier: execute 100..119 ms, p95 = 118 ms; 1.5 × 118 = 177 ms; 900 ms is far above and 782 ms more
        RcaResult r = single(trace(900), history(20));
        assertEquals(1, r.getHypothesesCount(), r.toString());
        RcaHypothesis h = r.getHypotheses(0);
        assertEquals(SlowForShape.RULE, h.getRule());
        assertEquals("Slow stage for its plan shape: execute (900 ms, p95 118 ms)", h.getTitle());
        assertTrue(h.getDescription().contains("plan shape " + SHAPE + " (feature:mode:route:intent:view"), h.getDescription());
        assertEquals("900 ms; p95 118 ms over n = 20 earlier traces of " + SHAPE, h.getEvidence(0).getObserved());
        assertEquals("$.stage_outputs[1].duration_ms", h.getEvidence(0).getPath());
        assertTrue(h.getEvidence(0).getSnippet().contains("\"p95_ms\":118"), h.getEvidence(0).getSnippet());
        assertEquals(0.65, h.getScore(), 1e-9, "900 / 177 ≥ 4");
        assertEquals("/ops/traces?plan_shape=" + SHAPE + "&limit=50", h.getVerificationSteps(0).getEndpoint());
        assertEquals("source", h.getFixSuggestions(0).getAssetType());
        // compose ran in 17 of 20: judged too (and not slow); nothing is said about it
        assertTrue(r.getNotesList().isEmpty(), r.getNotesList().toString());
    }

    @Test
    void withinTheFactorOrTheFloorItIsNothing() {
        assertEquals(0, single(trace(170), history(20)).getHypothesesCount(), "under 1.5 × p95");
        // a stage of a few ms: 3 × its p95 but only 20 ms more, under rca.history_min_delta_ms
        List<Map<String, Integer>> tiny = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tiny.add(Map.of("execute", 10));
        }
        assertEquals(0, single(trace(30), StageHistory.of(SHAPE, tiny)).getHypothesesCount());
    }

    @Test
    void tooSmallAHistoryAbstainsAndSaysSo() {
        RcaResult r = single(trace(900), history(4));
        assertEquals(0, r.getHypothesesCount(), r.toString());
        assertFalse(r.getAbstained().isEmpty());
        assertEquals(1, r.getNotesCount(), r.toString());
        assertTrue(r.getNotes(0).contains("not judged for route_plan (4), execute (4), compose (1)"), r.getNotes(0));
        assertTrue(r.getNotes(0).contains("rca.history_min = 5"), r.getNotes(0));
        String summary = RcaEngine.single(trace(900), history(4), RcaRules.DEFAULTS, 5, false, System.nanoTime())
                .blocks().get(0).getContent();
        assertTrue(summary.contains("**Not judged:**"), summary);
    }

    @Test
    void anUnreadableHistoryIsSaidNotGuessed() {
        RcaResult r = single(trace(900), StageHistory.unavailable(SHAPE, "trace-service is unavailable"));
        assertEquals(0, r.getHypothesesCount());
        assertEquals(List.of("slow stage against its plan shape: not judged — trace-service is unavailable"),
                r.getNotesList());
    }

    @Test
    void theFixedThresholdStillAppliesAndDoesNotRepeatAFlaggedStage() {
        Trace slow = trace(5000);
        RcaResult withHistory = single(slow, history(20));
        assertEquals(List.of(SlowForShape.RULE), withHistory.getHypothesesList().stream().map(RcaHypothesis::getRule).toList());
        RcaResult without = single(slow, history(2));
        assertEquals(List.of("slow_stage"), without.getHypothesesList().stream().map(RcaHypothesis::getRule).toList());
    }
}

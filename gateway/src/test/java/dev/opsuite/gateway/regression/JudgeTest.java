package dev.opsuite.gateway.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.Answer;
import dev.opsuite.proto.v1.AnswerBlock;
import dev.opsuite.proto.v1.Diagnostics;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.PrimarySpec;
import dev.opsuite.proto.v1.Reference;
import dev.opsuite.proto.v1.RouteOutput;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.ToolCall;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.ValidatedPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JudgeTest {
    private static final Judge.Expectations DEFAULT = new Judge.Expectations(-1, -1, 3.0, false);

    private static Trace.Builder trace(String from, String to, int rows, double value, int ms) {
        return Trace.newBuilder().setTraceId("t").setStatus("success").setRoute("orch").setDurationMs(ms)
                .setRouteOutput(RouteOutput.newBuilder().setPlanValidated(ValidatedPlan.newBuilder()
                        .setPlan(Plan.newBuilder().setPrimary(PrimarySpec.newBuilder().setCiCode("SVR001")))))
                .addReferences(Reference.newBuilder().setKind("sql").setPayload("SELECT v FROM m WHERE ts >= :from")
                        .setParams(Structs.toStruct(Map.of("ci_code", "SVR001", "from", from, "to", to))))
                .addToolCalls(ToolCall.newBuilder().setTool("metric_executor"))
                .addStageOutputs(StageOutput.newBuilder().setStage("execute")
                        .setDiagnostics(Diagnostics.newBuilder().putCounts("rows", rows)))
                .setAnswer(Answer.newBuilder().setText("CPU " + value).addBlocks(AnswerBlock.newBuilder().setType("table")
                        .setData(Structs.toStruct(Map.of("columns", List.of("ci_code", "value"),
                                "rows", List.of(List.of("SVR001", value)))))));
    }

    @Test
    void theSameQuestionOnAnotherDayWithOtherValuesPasses() {
        Trace base = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 1, 25.3, 40).build();
        Trace cand = trace("2026-12-03T17:00:00Z", "2026-12-03T18:00:00Z", 1, 31.0, 45).build();
        Judge.Verdict v = Judge.judge(base, cand, false, DEFAULT);
        assertEquals("pass", v.judgment(), v.reason());
    }

    /** A redis reference: the command carries its cut-off inline, as epoch seconds of the params' time_from. */
    private static Trace redis(String timeFrom, String limit, String key) {
        long epoch = java.time.Instant.parse(timeFrom).getEpochSecond();
        List<String> args = List.of(key, "-inf", Long.toString(epoch), "WITHSCORES", "LIMIT", "0", limit);
        Trace.Builder t = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 3, 0, 40).clearReferences()
                .addReferences(Reference.newBuilder().setKind("redis").setPayload("ZRANGEBYSCORE " + String.join(" ", args))
                        .setParams(Structs.toStruct(Map.of("ci_type", "server", "time_from", timeFrom,
                                "command", "ZRANGEBYSCORE", "args", args))));
        return t.build();
    }

    @Test
    void aRedisCommandsInlineCutOffMovesWithTheRunButItsOwnNumbersAndKeysDoNot() {
        Trace base = redis("2026-12-01T10:00:00Z", "51", "heartbeat:server:last_seen");
        Judge.Verdict later = Judge.judge(base, redis("2026-12-03T17:04:05Z", "51", "heartbeat:server:last_seen"), false,
                DEFAULT);
        assertEquals("pass", later.judgment(), later.reason());
        Judge.Verdict limit = Judge.judge(base, redis("2026-12-03T17:04:05Z", "11", "heartbeat:server:last_seen"), false,
                DEFAULT);
        assertEquals("fail", limit.judgment(), limit.reason());
        assertTrue(limit.reason().contains("LIMIT 0 51") && limit.reason().contains("<time>"), limit.reason());
        Judge.Verdict key = Judge.judge(base, redis("2026-12-01T10:00:00Z", "51", "heartbeat:vm:last_seen"), false,
                DEFAULT);
        assertEquals("fail", key.judgment(), key.reason());
    }

    @Test
    void aRangeOfAnotherLengthIsABehaviourChange() {
        Trace base = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 1, 25.3, 40).build();
        Trace cand = trace("2026-12-02T11:00:00Z", "2026-12-03T11:00:00Z", 1, 25.3, 40).build();
        Judge.Verdict v = Judge.judge(base, cand, false, DEFAULT);
        assertEquals("fail", v.judgment(), v.reason());
        assertTrue(v.reason().contains("references[0].params.range_seconds 3600 → 86400"), v.reason());
    }

    @Test
    void anotherCiOrStatementFailsAndTheReasonNamesIt() {
        Trace base = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 1, 25.3, 40).build();
        Trace.Builder cand = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 1, 25.3, 40);
        cand.getRouteOutputBuilder().getPlanValidatedBuilder().getPlanBuilder().getPrimaryBuilder().setCiCode("SVR002");
        Judge.Verdict v = Judge.judge(base, cand.build(), false, DEFAULT);
        assertEquals("fail", v.judgment());
        assertTrue(v.reason().contains("plan.primary.ci_code SVR001 → SVR002"), v.reason());
        assertEquals("fail", v.changes().get(0).severity());
    }

    @Test
    void rowsAndLatencyAloneAreWarningsWithinTolerancesNothing() {
        Trace base = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 10, 25.3, 40).build();
        Trace empty = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 0, 25.3, 40).build();
        assertEquals("warning", Judge.judge(base, empty, false, DEFAULT).judgment(), "rows to none changes the shape");
        Trace more = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 12, 25.3, 40).build();
        assertEquals("pass", Judge.judge(base, more, false, DEFAULT).judgment(), "shape only by default");
        assertEquals("warning", Judge.judge(base, more, false, new Judge.Expectations(0.1, -1, 3, false)).judgment());
        assertEquals("pass", Judge.judge(base, more, false, new Judge.Expectations(0.25, -1, 3, false)).judgment());
        Trace slow = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 10, 25.3, 900).build();
        assertEquals("pass", Judge.judge(base, slow, false, DEFAULT).judgment(), "860 ms slower: under the 1 s floor");
        Judge.Verdict v = Judge.judge(base, slow, false, new Judge.Expectations(-1, -1, 3, false, 200));
        assertEquals("warning", v.judgment());
        assertTrue(v.reason().contains("latency_ms 40 → 900"), v.reason());
        Trace slower = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 10, 25.3, 1500).build();
        assertEquals("warning", Judge.judge(base, slower, false, DEFAULT).judgment());
    }

    @Test
    void valuesAreExactInMockOrPinnedAndWithinATolerance() {
        Trace base = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 1, 25.3, 40).build();
        Trace other = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 1, 26.0, 40).build();
        assertEquals("fail", Judge.judge(base, other, true, DEFAULT).judgment(), "mock answers are deterministic");
        assertEquals("fail", Judge.judge(base, other, false, new Judge.Expectations(-1, -1, 3, true)).judgment());
        assertEquals("warning", Judge.judge(base, other, false, new Judge.Expectations(-1, 0.01, 3, false)).judgment());
        assertEquals("pass", Judge.judge(base, other, false, new Judge.Expectations(-1, 0.05, 3, false)).judgment());
    }

    @Test
    void aChangedSentenceAroundLiveValuesIsAWarning() {
        Trace base = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 1, 25.3, 40).build();
        Trace otherValue = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 1, 31.7, 40).build();
        assertEquals("pass", Judge.judge(base, otherValue, false, DEFAULT).judgment(), "only the number moved");
        // a draft Mapping (the asset that writes the sentence) rewords it
        Trace reworded = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 1, 25.3, 40)
                .putAppliedAssets("mapping", "ci_mapping@2(draft)")
                .setAnswer(base.getAnswer().toBuilder().setText("SVR001: 25.3")).build();
        Judge.Verdict v = Judge.judge(base, reworded, false, DEFAULT);
        assertEquals("warning", v.judgment(), v.reason());
        assertTrue(v.reason().contains("answer_wording CPU # → SVR#: #"), v.reason());
    }

    /**
     * The console flake: a list question's baseline was taken, then a CI was imported that the list
     * now names first; a ci_queries draft changing only a title is judged. The Mapping, SchemaCatalog,
     * Prompt and Policy are the same versions, so the other sentence is data and the run passes.
     */
    @Test
    void aListThatNamesANewCiWithTheSameWordingAssetsIsData() {
        String before = "조건에 맞는 CI는 3개입니다: srv-seoul-01(SVR001), srv-seoul-02(SVR002), srv-seoul-03(SVR003).";
        String after = "조건에 맞는 CI는 4개입니다: twin-a(TWN001), srv-seoul-01(SVR001), srv-seoul-02(SVR002), "
                + "srv-seoul-03(SVR003).";
        Trace base = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 3, 25.3, 40)
                .putAppliedAssets("query", "ci_queries@1").putAppliedAssets("mapping", "ci_mapping@1")
                .putAppliedAssets("schema", "ci_schema@1").putAppliedAssets("prompt", "ci_planner@1")
                .setAnswer(Answer.newBuilder().setText(before)).build();
        Trace cand = base.toBuilder().putAppliedAssets("query", "ci_queries@2(draft)")
                .setAnswer(Answer.newBuilder().setText(after)).build();
        Judge.Verdict v = Judge.judge(base, cand, false, DEFAULT);
        assertEquals("pass", v.judgment(), v.reason());
        // the same sentences with a draft Mapping: its wording may be what changed
        Trace mappingDraft = cand.toBuilder().putAppliedAssets("mapping", "ci_mapping@2(draft)").build();
        assertEquals("warning", Judge.judge(base, mappingDraft, false, DEFAULT).judgment());
    }

    private static Trace withGap(Trace.Builder t, String warning) {
        return t.addStageOutputs(StageOutput.newBuilder().setStage("compose")
                .setDiagnostics(Diagnostics.newBuilder().addWarnings(warning))).build();
    }

    @Test
    void aPlaceholderNothingFillsIsABrokenTemplateButAMissingColumnValueIsData() {
        Trace base = trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 1, 25.3, 40).build();
        // a misspelt placeholder: no column of the answer is named so; the same plan and columns, so the template
        Trace broken = withGap(trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 1, 25.3, 40),
                "low_evidence: metric_latest has no value for {valeu}");
        Judge.Verdict v = Judge.judge(base, broken, false, DEFAULT);
        assertEquals("fail", v.judgment(), v.reason());
        assertTrue(v.reason().contains("template {valeu} filled → {valeu} filled by nothing"), v.reason());
        // a column the answer has, whose value this time is missing: the data moved
        Trace nulled = withGap(trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 1, 25.3, 40),
                "low_evidence: metric_latest has no value for {value}");
        assertEquals("pass", Judge.judge(base, nulled, false, DEFAULT).judgment());
        // the same gap in the baseline already: not a change
        Trace both = withGap(trace("2026-12-01T10:00:00Z", "2026-12-01T11:00:00Z", 1, 25.3, 40),
                "low_evidence: metric_latest has no value for {valeu}");
        assertEquals("pass", Judge.judge(both, broken, false, DEFAULT).judgment());
    }
}

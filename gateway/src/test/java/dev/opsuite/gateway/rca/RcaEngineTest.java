package dev.opsuite.gateway.rca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.Candidate;
import dev.opsuite.proto.v1.Diagnostics;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.PolicyDecision;
import dev.opsuite.proto.v1.RcaHypothesis;
import dev.opsuite.proto.v1.RcaResult;
import dev.opsuite.proto.v1.Reference;
import dev.opsuite.proto.v1.ReplanEvent;
import dev.opsuite.proto.v1.ReplanTrigger;
import dev.opsuite.proto.v1.RouteOutput;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.ToolCall;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.ValidatedPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class RcaEngineTest {
    private static StageOutput stage(String name, int rows, int ms) {
        Diagnostics.Builder d = Diagnostics.newBuilder().setStatus("ok");
        if (rows >= 0) {
            d.putCounts("rows", rows);
        }
        return StageOutput.newBuilder().setStage(name).setDiagnostics(d).setDurationMs(ms).build();
    }

    /** A plain successful metric answer: five stages, one row, nothing wrong. */
    private static Trace.Builder ok(String id) {
        return Trace.newBuilder().setTraceId(id).setStatus("success").setRoute("orch").setDurationMs(60)
                .setQuestion("서버A의 CPU 사용량은?")
                .putAppliedAssets("query", "ci_queries@1").putAppliedAssets("policy", "ci_policy@1")
                .putAppliedAssets("resolver", "ci_resolver@1").putAppliedAssets("source:postgres_main", "postgres_main@1")
                .setRouteOutput(RouteOutput.newBuilder().setRoute("orch")
                        .setPlanRaw(Plan.newBuilder().setLanguage("ko"))
                        .setPlanValidated(ValidatedPlan.newBuilder().setAllowed(true).addQueries("metric_latest")
                                .addDecisions(PolicyDecision.newBuilder().setRule("rbac").setDecision("allow"))))
                .addStageOutputs(stage("route_plan", -1, 10)).addStageOutputs(stage("validate", -1, 2))
                .addStageOutputs(stage("execute", 1, 30)).addStageOutputs(stage("compose", -1, 5))
                .addStageOutputs(stage("present", -1, 1))
                .addReferences(Reference.newBuilder().setKind("sql").setPayload("SELECT value FROM metrics WHERE ci_code = :c"));
    }

    private static RcaResult single(Trace t) {
        return RcaEngine.single(t, RcaRules.DEFAULTS, 5, true, System.nanoTime()).result();
    }

    @Test
    void aCleanTraceAbstainsInsteadOfInventingACause() {
        RcaResult r = single(ok("t1").build());
        assertEquals(0, r.getHypothesesCount());
        assertTrue(r.getAbstained().startsWith("no hypothesis"), r.getAbstained());
        assertEquals(List.of("t1"), r.getSourceTracesList());
    }

    @Test
    void aPolicyDenyRanksFirstWithTheRuleAndItsPath() {
        Trace t = ok("t2").setStatus("rejected").setRouteOutput(ok("x").getRouteOutput().toBuilder()
                .setPlanValidated(ValidatedPlan.newBuilder().setAllowed(false)
                        .addDecisions(PolicyDecision.newBuilder().setRule("rbac").setDecision("allow"))
                        .addDecisions(PolicyDecision.newBuilder().setPolicy("ci_policy").setRule("security.blocked_tables")
                                .setDecision("deny").setReason("table credentials is blocked")))).build();
        RcaHypothesis top = single(t).getHypotheses(0);
        assertEquals("policy_block", top.getRule());
        assertEquals("HIGH", top.getConfidence());
        assertEquals("$.route_output.plan_validated.decisions[1]", top.getEvidence(0).getPath());
        assertTrue(top.getEvidence(0).getSnippet().contains("credentials"), top.getEvidence(0).getSnippet());
        assertEquals("policy", top.getFixSuggestions(0).getAssetType());
        assertEquals("ci_policy@1", top.getFixSuggestions(0).getAsset());
        assertEquals("security.blocked_tables", top.getFixSuggestions(0).getField());
        assertEquals("/ops/stage-test", top.getVerificationSteps(0).getEndpoint());
        assertEquals("t2", top.getVerificationSteps(0).getRequest().getFieldsOrThrow("baseline_trace_id").getStringValue());
    }

    @Test
    void anEmptyFinalResultNamesTheTemplateAndWhatTheReplansTried() {
        Trace t = ok("t3").setStageOutputs(2, stage("execute", 0, 30))
                .addReplanEvents(ReplanEvent.newBuilder().setStageName("execute")
                        .setTrigger(ReplanTrigger.newBuilder().setTriggerType("empty_result").setReason("no rows over last_1h")))
                .setRouteOutput(ok("x").getRouteOutput().toBuilder().setPlanRaw(Plan.newBuilder()
                        .addAdjustments("widened:last_1h:last_24h"))).build();
        RcaHypothesis top = single(t).getHypotheses(0);
        assertEquals("empty_result", top.getRule());
        assertTrue(top.getDescription().contains("widened:last_1h:last_24h"), top.getDescription());
        assertTrue(top.getDescription().contains("no rows over last_1h"), top.getDescription());
        assertEquals("templates.metric_latest", top.getFixSuggestions(0).getField());
        assertEquals("$.stage_outputs[2].diagnostics.counts.rows", top.getEvidence(0).getPath());
    }

    @Test
    void anAmbiguousCiAndUnexplainedWordsAreSeparateHypothesesInScoreOrder() {
        Trace t = ok("t4").setRouteOutput(ok("x").getRouteOutput().toBuilder().setPlanRaw(Plan.newBuilder()
                .addCandidates(Candidate.newBuilder().setCiCode("A")).addCandidates(Candidate.newBuilder().setCiCode("B"))
                .addUnexplained("쌍둥이"))).build();
        RcaResult r = single(t);
        assertEquals("unresolved_ci", r.getHypotheses(0).getRule());
        assertTrue(r.getHypotheses(0).getTitle().contains("2 candidates"));
        assertEquals("unexplained_words", r.getHypotheses(1).getRule());
        assertEquals("resolver", r.getHypotheses(0).getFixSuggestions(0).getAssetType());
        assertTrue(r.getHypotheses(0).getScore() >= r.getHypotheses(1).getScore());
    }

    @Test
    void aToolErrorThatFailedTheRequestPointsAtTheSource() {
        Trace t = ok("t5").setStatus("error")
                .addToolCalls(ToolCall.newBuilder().setTool("metric_executor").setError("connection refused"))
                .addToolCalls(ToolCall.newBuilder().setTool("metric_executor").setError("connection refused")).build();
        RcaHypothesis top = single(t).getHypotheses(0);
        assertEquals("tool_error", top.getRule());
        assertTrue(top.getTitle().contains("(2 calls)"), top.getTitle());
        assertEquals("source", top.getFixSuggestions(0).getAssetType());
        assertEquals("connection", top.getFixSuggestions(0).getField());
        assertEquals("/ops/assets/source/postgres_main/health", top.getVerificationSteps(0).getEndpoint());
        assertEquals(2, top.getEvidenceCount());
    }

    @Test
    void thresholdsComeFromThePolicy() {
        Trace t = ok("t6").setRouteOutput(ok("x").getRouteOutput().toBuilder().setPlanRaw(Plan.newBuilder()
                .addUnexplained("foo"))).build();
        assertEquals(1, single(t).getHypothesesCount());
        RcaRules strict = RcaRules.of(dev.opsuite.model.asset.PolicyAsset.from(dev.opsuite.kit.json.ModelJson.MAPPER
                .createObjectNode().set("rca", dev.opsuite.kit.json.ModelJson.MAPPER.createObjectNode().put("min_score", 0.9))));
        RcaResult r = RcaEngine.single(t, strict, 5, false, System.nanoTime()).result();
        assertEquals(0, r.getHypothesesCount());
        assertTrue(r.getAbstained().contains("rca.min_score 0.90"), r.getAbstained());
    }

    @Test
    void aDiffRanksTheChangedAssetFirstWhenTheAnswerChanged() {
        Trace base = ok("base").build();
        Trace cand = ok("cand").putAppliedAssets("query", "ci_queries@2").setStageOutputs(2, stage("execute", 0, 30))
                .setReferences(0, Reference.newBuilder().setKind("sql").setPayload("SELECT value FROM metrics WHERE ci = :c"))
                .build();
        RcaResult r = RcaEngine.diff(base, cand, RcaRules.DEFAULTS, 7, false, System.nanoTime()).result();
        assertEquals("asset_changed", r.getHypotheses(0).getRule());
        assertTrue(r.getHypotheses(0).getTitle().contains("ci_queries@1 → ci_queries@2"), r.getHypotheses(0).getTitle());
        assertEquals("/ops/assets/query/ci_queries/diff?from_version=1&to_version=2",
                r.getHypotheses(0).getVerificationSteps(0).getEndpoint());
        assertEquals("execute", r.getHypotheses(0).getVerificationSteps(1).getRequest().getFieldsOrThrow("stage")
                .getStringValue());
        List<String> rules = r.getHypothesesList().stream().map(RcaHypothesis::getRule).toList();
        assertTrue(rules.contains("row_count_changed") && rules.contains("statements_changed"), rules.toString());
        assertEquals(List.of("base", "cand"), r.getSourceTracesList());
    }

    @Test
    void aDiffOfTwoEqualTracesAbstainsAndASignBothShareIsDiscounted() {
        RcaResult same = RcaEngine.diff(ok("a").build(), ok("b").build(), RcaRules.DEFAULTS, 7, false, System.nanoTime())
                .result();
        assertEquals(0, same.getHypothesesCount());
        assertTrue(same.getAbstained().contains("do not differ"), same.getAbstained());

        Plan unexplained = Plan.newBuilder().addUnexplained("foo").addUnexplained("bar").build();
        Trace a = ok("a").setRouteOutput(ok("x").getRouteOutput().toBuilder().setPlanRaw(unexplained)).build();
        Trace b = ok("b").setRouteOutput(ok("x").getRouteOutput().toBuilder().setPlanRaw(unexplained)).build();
        RcaResult shared = RcaEngine.diff(a, b, RcaRules.DEFAULTS, 7, false, System.nanoTime()).result();
        assertFalse(shared.getHypothesesList().stream().anyMatch(h -> h.getRule().equals("unexplained_words")),
                "a sign the baseline shows too is not the difference: " + shared);
    }

    @Test
    void theBlocksFollowTheGuide() {
        Trace t = ok("t7").setStatus("rejected").setRouteOutput(ok("x").getRouteOutput().toBuilder()
                .setPlanValidated(ValidatedPlan.newBuilder().addDecisions(PolicyDecision.newBuilder().setRule("rbac")
                        .setDecision("deny").setReason("role viewer may not ask")))).build();
        RcaEngine.Report report = RcaEngine.single(t, RcaRules.DEFAULTS, 5, false, System.nanoTime());
        assertEquals("RCA Analysis Summary", report.blocks().get(0).getTitle());
        assertTrue(report.blocks().get(0).getContent().startsWith("**Mode:** single\n**Traces Analyzed:** t7\n"
                + "**Hypotheses Found:** 1"), report.blocks().get(0).getContent());
        assertEquals("Hypothesis 1", report.blocks().get(1).getTitle());
        assertTrue(report.blocks().get(1).getContent().startsWith("**Rank 1: Policy blocked the plan: rbac**\n\n"
                + "**Confidence:** HIGH"), report.blocks().get(1).getContent());
    }

    @Test
    void aSignTheChangedAssetExplainsRanksBelowTheChange() {
        Trace base = ok("base").build();
        Trace cand = ok("cand").putAppliedAssets("policy", "ci_policy@2(draft)").setStatus("rejected")
                .setRouteOutput(ok("x").getRouteOutput().toBuilder().setPlanValidated(ValidatedPlan.newBuilder()
                        .addDecisions(PolicyDecision.newBuilder().setRule("security.blocked_tables").setDecision("deny")
                                .setReason("table ci_metric is blocked")))).build();
        RcaResult r = RcaEngine.diff(base, cand, RcaRules.DEFAULTS, 7, false, System.nanoTime()).result();
        assertEquals("asset_changed", r.getHypotheses(0).getRule(), r.toString());
        assertEquals("policy_block", r.getHypotheses(1).getRule(), r.toString());
        assertTrue(r.getHypotheses(1).getDescription().endsWith("It follows from the changed policy asset."));
        // alone, the same trace's deny is the first explanation
        assertEquals("policy_block", single(cand).getHypotheses(0).getRule());
    }

    @Test
    void anAnswerThatDiffersOnlyInItsBlocksIsAChangedOutcome() {
        // same text, same rows; the candidate's Prompt lost a word, so its answer carries a notice
        dev.opsuite.proto.v1.AnswerBlock text = dev.opsuite.proto.v1.AnswerBlock.newBuilder().setType("text")
                .setContent("서버A의 평균 CPU 사용량은 41.2%입니다.").build();
        Trace base = ok("base").setAnswer(dev.opsuite.proto.v1.Answer.newBuilder().setText(text.getContent())
                .addBlocks(text)).build();
        Trace cand = ok("cand").putAppliedAssets("prompt", "ci_planner@2(draft)")
                .setRouteOutput(ok("x").getRouteOutput().toBuilder().setPlanRaw(Plan.newBuilder().setLanguage("ko")
                        .addUnexplained("평균")))
                .setAnswer(base.getAnswer().toBuilder().addBlocks(dev.opsuite.proto.v1.AnswerBlock.newBuilder()
                        .setType("warning").setContent("이해하지 못한 말: 평균"))).build();
        RcaResult r = RcaEngine.diff(base, cand, RcaRules.DEFAULTS, 7, false, System.nanoTime()).result();
        assertEquals("asset_changed", r.getHypotheses(0).getRule(), r.toString());
        assertTrue(r.getHypotheses(0).getDescription().endsWith("its answer differs from the baseline's."),
                r.getHypotheses(0).getDescription());
        assertTrue(r.getHypothesesList().stream().anyMatch(h -> h.getRule().equals("unexplained_words")), r.toString());
    }

    @Test
    void anEmptyResultOfAnUnresolvedCiRanksBelowTheUnresolvedCi() {
        Trace t = ok("t8").setStageOutputs(2, stage("execute", 0, 30))
                .setRouteOutput(ok("x").getRouteOutput().toBuilder().setPlanRaw(Plan.newBuilder()
                        .addCandidates(Candidate.newBuilder().setCiCode("A")).addCandidates(Candidate.newBuilder().setCiCode("B"))))
                .build();
        RcaResult r = single(t);
        assertEquals("unresolved_ci", r.getHypotheses(0).getRule(), r.toString());
        assertEquals("empty_result", r.getHypotheses(1).getRule());
        assertTrue(r.getHypotheses(1).getDescription().endsWith("follows from that."));
    }
}

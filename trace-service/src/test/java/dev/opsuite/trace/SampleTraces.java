package dev.opsuite.trace;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.opsuite.proto.v1.Answer;
import dev.opsuite.proto.v1.AnswerBlock;
import dev.opsuite.proto.v1.AnswerMeta;
import dev.opsuite.proto.v1.Diagnostics;
import dev.opsuite.proto.v1.Intent;
import dev.opsuite.proto.v1.MetricSpec;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.PlanOutput;
import dev.opsuite.proto.v1.PolicyDecision;
import dev.opsuite.proto.v1.Reference;
import dev.opsuite.proto.v1.ReplanEvent;
import dev.opsuite.proto.v1.ReplanPatch;
import dev.opsuite.proto.v1.ReplanTrigger;
import dev.opsuite.proto.v1.RouteDecision;
import dev.opsuite.proto.v1.RouteOutput;
import dev.opsuite.proto.v1.ScreenModel;
import dev.opsuite.proto.v1.StageInput;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.ToolCall;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.ValidatedPlan;
import dev.opsuite.proto.v1.View;
import java.time.Instant;

/** Fully populated traces: every field, nested messages, maps, repeated fields and Struct kinds. */
final class SampleTraces {
    private SampleTraces() {}

    static Value str(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    static Value num(double d) {
        return Value.newBuilder().setNumberValue(d).build();
    }

    static Struct richStruct(int i) {
        return Struct.newBuilder()
                .putFields("ci_code", str("SVR" + String.format("%03d", i)))
                .putFields("value", num(45.2 + i))
                .putFields("tiny", num(1e-9))
                .putFields("big", num(9.007199254740991E15))
                .putFields("ok", Value.newBuilder().setBoolValue(i % 2 == 0).build())
                .putFields("nothing", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())
                .putFields("rows", Value.newBuilder().setListValue(ListValue.newBuilder()
                        .addValues(str("서버A")).addValues(num(-3)).addValues(Value.newBuilder()
                                .setStructValue(Struct.newBuilder().putFields("nested", str("a\"b\\c\n")))))
                        .build())
                .build();
    }

    /** A complete trace; created_at is {@code createdAt}. */
    static Trace full(String id, Instant createdAt, int i) {
        Struct s = richStruct(i);
        Plan plan = Plan.newBuilder().setIntent(Intent.INTENT_AGGREGATE).setView(View.VIEW_SUMMARY)
                .setMetric(MetricSpec.newBuilder().setMetricName("cpu_usage").setAgg("avg").setTimeRange("last_24h"))
                .setLanguage("ko").addMissingSlots("time_range").setNormalizedQuestion("서버A cpu 사용량")
                .build();
        Reference ref = Reference.newBuilder().setKind("sql").setTitle("cpu avg")
                .setPayload("SELECT avg(value) FROM metrics WHERE ci_code = $1").setParams(s).setSource("postgres_main")
                .build();
        return Trace.newBuilder()
                .setTraceId(id)
                .setParentTraceId(i % 10 == 0 ? "" : "parent-" + (i % 3))
                .setFeature(i % 2 == 0 ? "ci" : "rca")
                .setEndpoint("/ops/ci/ask")
                .setMethod("POST")
                .setOpsMode(i % 4 == 0 ? "mock" : "real")
                .setQuestion("서버A의 CPU 사용량은? #" + i)
                .setStatus(i % 5 == 0 ? "error" : "success")
                .setDurationMs(100 + i)
                .setRoute(i % 3 == 0 ? "direct" : "orch")
                .setRouteOutput(RouteOutput.newBuilder().setRoute("orch").setPlanRaw(plan)
                        .setPlanValidated(ValidatedPlan.newBuilder().setPlan(plan).setAllowed(true)
                                .addDecisions(PolicyDecision.newBuilder().setPolicy("ci_policy").setRule("max_steps")
                                        .setDecision("allow").setDetails(s))
                                .addQueries("ci_lookup"))
                        .setPlanOutput(PlanOutput.newBuilder().setKind("plan").setPlan(plan).setConfidence(0.87)
                                .setPlanner("rules")))
                .setRouteDecision(RouteDecision.newBuilder().setRoute("orch").setReason("metric question")
                        .setConfidence(0.9).setMetadata(s))
                .putAppliedAssets("query", "ci_lookup@3")
                .putAppliedAssets("policy", "ci_policy@1")
                .addStageInputs(StageInput.newBuilder().setStage("execute").putAppliedAssets("source", "postgres_main@1")
                        .setParams(s).setPrevOutput(Struct.newBuilder().putFields("k", num(i))))
                .addStageOutputs(StageOutput.newBuilder().setStage("execute").setResult(s)
                        .setDiagnostics(Diagnostics.newBuilder().setStatus("ok").addWarnings("w1")
                                .putCounts("rows", 15).putCounts("references", 3))
                        .addReferences(ref).setDurationMs(150))
                .addReplanEvents(ReplanEvent.newBuilder().setEventType("replan").setStageName("execute")
                        .setTrigger(ReplanTrigger.newBuilder().setTriggerType("empty_result").setStageName("execute")
                                .setSeverity("warn").setReason("no rows").setTimestamp("2026-01-25T10:30:00Z"))
                        .setPatch(ReplanPatch.newBuilder().setBefore(s).setAfter(Struct.getDefaultInstance()))
                        .setTimestamp("2026-01-25T10:30:01Z").setDecisionMetadata(s))
                .addToolCalls(ToolCall.newBuilder().setTool("metric").setElapsedMs(12).setInputParams(s)
                        .setOutputSummary("15 rows"))
                .addReferences(ref)
                .setAnswer(Answer.newBuilder()
                        .setMeta(AnswerMeta.newBuilder().setTraceId(id).setRoute("orch").setTimingMs(300)
                                .addUsedTools("metric").setLanguage("ko"))
                        .addBlocks(AnswerBlock.newBuilder().setType("table").setTitle("CPU").setData(s))
                        .addBlocks(AnswerBlock.newBuilder().setType("text").setContent("45.2%입니다."))
                        .setText("서버A(SVR001)의 현재 CPU 사용량은 45.2%입니다.")
                        .setScreen(ScreenModel.newBuilder().setScreenId("ci_answer").setLayout("stack")))
                .setCreatedAt(createdAt.toString())
                .setErrorMessage(i % 5 == 0 ? "tool failed" : "")
                .addRoles("operator")
                .addRoles("viewer")
                .build();
    }
}

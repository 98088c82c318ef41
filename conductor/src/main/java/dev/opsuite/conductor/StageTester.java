package dev.opsuite.conductor;

import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.ComposeRequest;
import dev.opsuite.proto.v1.ComposeResponse;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.PlanOutput;
import dev.opsuite.proto.v1.PresentRequest;
import dev.opsuite.proto.v1.ResolveAssetsRequest;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.RoutePlanRequest;
import dev.opsuite.proto.v1.StageInput;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.StageTestResponse;
import dev.opsuite.proto.v1.StageTestRequest;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.ValidateRequest;
import dev.opsuite.proto.v1.ValidatedPlan;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Isolated Stage Test: runs one stage with the request's asset overrides and reports its output,
 * diagnostics and a structured diff against the same stage of a baseline trace. The stage's input
 * is built live from a question (earlier stages run first, a test_plan is merged over the plan) or
 * replayed from the baseline trace's recorded input. Later stages never run; the execute stage is
 * always preceded by a validate of the plan it gets, so a test can not bypass policy. Every stage
 * test leaves a trace (feature stage_test, parent = the baseline).
 */
public final class StageTester {
    public static final List<String> STAGES = List.of("route_plan", "validate", "execute", "compose", "present");

    private final Stages stages;
    private final Caller caller;
    private final TracedOperation traced;
    private final TraceLookup lookup;
    private final java.time.Clock clock;
    private final ZoneId zone;

    private final LlmBudget llm;

    public StageTester(Stages stages, TraceSink traces, java.time.Clock clock, LlmBudget llm, Caller caller) {
        this(stages, traces, clock, llm, caller, DistributedTrace.NONE);
    }

    public StageTester(Stages stages, TraceSink traces, java.time.Clock clock, LlmBudget llm, Caller caller,
            DistributedTrace distributed) {
        this.llm = llm;
        this.stages = stages;
        this.caller = caller;
        this.traced = new TracedOperation(traces, caller, distributed);
        this.lookup = new TraceLookup(stages, traces);
        this.clock = clock;
        this.zone = clock.getZone();
    }

    public StageTestResponse run(StageTestRequest req, List<String> roles) {
        String stage = stage(req.getStage());
        boolean live = !req.getQuestion().isBlank();
        if (!live && req.getBaselineTraceId().isBlank()) {
            throw OpsException.invalid("stage-test needs a question or a baseline_trace_id");
        }
        Trace baseline = req.getBaselineTraceId().isBlank() ? null : lookup.find(req.getBaselineTraceId().trim());
        if (baseline != null) {
            caller.mustSee(baseline.getTraceId(), baseline.getCaller());
        }
        StageInput replayed = baseline == null ? null : lastInput(baseline, stage);
        if (!live && replayed == null) {
            throw OpsException.invalid("baseline trace " + baseline.getTraceId() + " has no input recorded for stage "
                    + stage + " (its route was " + baseline.getRoute() + "); pass a question instead");
        }
        OffsetDateTime now = baseline == null ? OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS)
                : baselineNow(baseline, zone);
        String mode = !req.getMode().isBlank() ? req.getMode() : baseline != null ? baseline.getOpsMode() : "real";
        Trace.Builder trace = traced.open("stage_test", "/ops/stage-test",
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS), mode,
                live ? req.getQuestion() : baseline.getQuestion(), roles);
        if (baseline != null) {
            trace.setParentTraceId(baseline.getTraceId());
        }
        return traced.run(trace, t -> {
            List<ResolvedAsset> assets = stages.resolveAssets(
                    ResolveAssetsRequest.newBuilder().putAllOverrides(req.getAssetOverridesMap()).build())
                    .getAssetsList();
            TraceRecorder.recordApplied(t, assets);
            TraceRecorder recorder = new TraceRecorder(t, assets);
            Pipeline pipeline = new Pipeline(stages, recorder, assets, roles, now, zone, llm);
            if (live) {
                fromQuestion(pipeline, stage, req.getQuestion(), mode, req.hasTestPlan() ? req.getTestPlan() : null);
            } else {
                fromBaseline(pipeline, stage, replayed, req.hasTestPlan() ? req.getTestPlan() : null);
            }
            StageOutput out = lastOutput(t, stage);
            t.setStatus("error".equals(out.getDiagnostics().getStatus()) ? "partial" : "success");
            return stage;
        }, (ran, done) -> StageReport.of(req, done, stage, baseline, live ? "question" : "baseline"));
    }

    /** Earlier stages run live from the question; the test_plan is merged over the routed plan. */
    private static void fromQuestion(Pipeline p, String stage, String question, String mode,
                                     com.google.protobuf.Struct testPlan) {
        PlanOutput out = p.routePlan(AskRequest.newBuilder().setQuestion(question).setMode(mode).build());
        if ("route_plan".equals(stage)) {
            return;
        }
        if (!out.hasPlan() || "direct".equals(out.getKind()) || "reject".equals(out.getKind())) {
            throw OpsException.invalid("the question routes to " + out.getKind() + " (" + out.getReason()
                    + "): stage " + stage + " needs an orchestration plan");
        }
        Plan plan = Rerun.patched(out.getPlan(), testPlan, "test_plan");
        ValidatedPlan validated = p.validate(plan);
        if ("validate".equals(stage)) {
            return;
        }
        ExecuteResponse executed = execute(p, validated, stage);
        if ("execute".equals(stage)) {
            return;
        }
        Plan resolved = executed.hasResolvedPlan() ? executed.getResolvedPlan() : validated.getPlan();
        ComposeResponse composed = p.compose(resolved, executed);
        if ("present".equals(stage)) {
            p.present(resolved, composed.getBlocksList());
        }
    }

    /**
     * The stage's recorded request, replayed with today's assets (and overrides): the test's roles,
     * mode and assets, and its test_plan merged over the recorded plan. A trace stored before
     * requests were recorded gives the request rebuilt from its Struct snapshot.
     */
    private static void fromBaseline(Pipeline p, String stage, StageInput in, com.google.protobuf.Struct testPlan) {
        switch (stage) {
            case "route_plan" -> p.routePlan(replayed(in, RoutePlanRequest.class));
            case "validate" -> p.validate(Rerun.patched(replayed(in, ValidateRequest.class).getPlan(), testPlan,
                    "test_plan"));
            case "execute" -> {
                ValidatedPlan recorded = replayed(in, ExecuteRequest.class).getValidatedPlan();
                execute(p, p.validate(Rerun.patched(recorded.getPlan(), testPlan, "test_plan")), stage);
            }
            case "compose" -> {
                ComposeRequest c = replayed(in, ComposeRequest.class);
                p.compose(Rerun.patched(c.getPlan(), testPlan, "test_plan"), c.getToolResultsList());
            }
            default -> {
                PresentRequest r = replayed(in, PresentRequest.class);
                p.present(Rerun.patched(r.getPlan(), testPlan, "test_plan"), r.getBlocksList());
            }
        }
    }

    /** Today's assets replace the recorded ones: the legacy rebuild needs none. */
    private static <Q extends com.google.protobuf.Message> Q replayed(StageInput in, Class<Q> type) {
        return StageRequests.replayed(in, type, List::of);
    }

    private static ExecuteResponse execute(Pipeline p, ValidatedPlan validated, String stage) {
        if (!validated.getAllowed()) {
            String reasons = String.join("; ", validated.getDecisionsList().stream()
                    .filter(d -> "deny".equals(d.getDecision())).map(d -> d.getRule() + ": " + d.getReason()).toList());
            throw new OpsException(ErrorCode.POLICY_DENIED, "the plan is denied by policy (" + reasons + "); stage "
                    + stage + " did not run", null);
        }
        return p.execute(validated);
    }

    public static String stage(String raw) {
        String s = raw == null ? "" : raw.trim();
        if (s.isEmpty()) {
            throw OpsException.invalid("stage is required: one of " + STAGES);
        }
        if (!STAGES.contains(s)) {
            throw OpsException.invalid("unknown stage '" + abbreviate(s) + "': one of " + STAGES);
        }
        return s;
    }

    static StageInput lastInput(Trace t, String stage) {
        StageInput found = null;
        for (StageInput in : t.getStageInputsList()) {
            if (stage.equals(in.getStage())) {
                found = in;
            }
        }
        return found;
    }

    static StageOutput lastOutput(Trace.Builder t, String stage) {
        StageOutput found = lastOutput(t.getStageOutputsList(), stage);
        if (found == null) {
            throw new IllegalStateException("stage " + stage + " left no output");
        }
        return found;
    }

    /** The last output of the stage (the control loop may run one twice), or null. */
    static StageOutput lastOutput(List<StageOutput> outputs, String stage) {
        StageOutput found = null;
        for (StageOutput out : outputs) {
            if (stage.equals(out.getStage())) {
                found = out;
            }
        }
        return found;
    }

    /** The baseline's clock, so relative time ranges resolve as they did then. */
    private OffsetDateTime baselineNow(Trace baseline, ZoneId zone) {
        StageInput route = lastInput(baseline, "route_plan");
        Object now = route == null ? null : Structs.toMap(route.getParams()).get("now");
        try {
            return OffsetDateTime.parse(now != null ? now.toString() : baseline.getCreatedAt());
        } catch (DateTimeParseException | NullPointerException e) {
            return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

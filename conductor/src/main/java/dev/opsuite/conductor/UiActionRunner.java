package dev.opsuite.conductor;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AnswerBlock;
import dev.opsuite.proto.v1.ComposeResponse;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.ResolveAssetsRequest;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.RunUiActionRequest;
import dev.opsuite.proto.v1.StageInput;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.RunUiActionResponse;
import dev.opsuite.proto.v1.ValidatedPlan;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UI actions of an earlier trace, run deterministically: the parent's executed plan and the same
 * asset versions, with the action's inputs applied (load_more_rows: offset/limit). Each run is a
 * child trace.
 */
public final class UiActionRunner {
    private static final int MAX_LIMIT = 500;
    private static final int MAX_OFFSET = 1_000_000;

    private final Stages stages;
    private final Caller caller;
    private final TracedOperation traced;
    private final TraceLookup lookup;
    private final java.time.Clock clock;
    private final ZoneId zone;

    private final LlmBudget llm;

    public UiActionRunner(Stages stages, TraceSink traces, java.time.Clock clock, LlmBudget llm, Caller caller) {
        this(stages, traces, clock, llm, caller, DistributedTrace.NONE);
    }

    public UiActionRunner(Stages stages, TraceSink traces, java.time.Clock clock, LlmBudget llm, Caller caller,
            DistributedTrace distributed) {
        this.llm = llm;
        this.stages = stages;
        this.caller = caller;
        this.traced = new TracedOperation(traces, caller, distributed);
        this.lookup = new TraceLookup(stages, traces);
        this.clock = clock;
        this.zone = clock.getZone();
    }

    public RunUiActionResponse run(RunUiActionRequest request, List<String> roles) {
        if (!"load_more_rows".equals(request.getActionId())) {
            throw OpsException.invalid("action_id '" + request.getActionId()
                    + "' is not run by the server; supported: load_more_rows");
        }
        Trace parent = lookup.find(request.getTraceId());
        caller.mustSee(parent.getTraceId(), parent.getCaller());
        int offset = intInput(request.getInputs(), "offset", 0, 0, MAX_OFFSET);
        int limit = intInput(request.getInputs(), "limit", 50, 1, MAX_LIMIT);
        ValidatedPlan executed = lastExecutedPlan(parent);
        Plan plan = lastResolvedPlan(parent, executed.getPlan());
        Plan.Builder paged = plan.toBuilder();
        paged.getPrimaryBuilder().setOffset(offset).setLimit(limit);

        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Trace.Builder trace = traced.open("ui_action", "/ops/ui-actions", now, parent.getOpsMode(),
                parent.getQuestion(), roles).setParentTraceId(parent.getTraceId()).setRoute("orch");
        return traced.run(trace, t -> {
            List<ResolvedAsset> assets = sameAssets(parent);
            TraceRecorder.recordApplied(t, assets);
            UnpublishedAssets.check(assets, roles);
            TraceRecorder recorder = new TraceRecorder(t, assets);
            Pipeline pipeline = new Pipeline(stages, recorder, assets, roles, now, zone, llm);
            ValidatedPlan validated = pipeline.validate(paged.build());
            if (!validated.getAllowed()) {
                throw new OpsException(dev.opsuite.model.errors.ErrorCode.POLICY_DENIED, "the action's plan is not allowed");
            }
            ExecuteResponse r = pipeline.execute(validated);
            ComposeResponse composed = pipeline.compose(r.getResolvedPlan(), r);
            Pipeline.requireAnswered(r, composed);
            List<AnswerBlock> tables = composed.getBlocksList().stream().filter(b -> b.getType().equals("table")).toList();
            int rows = tables.isEmpty() ? 0 : tables.get(0).getData().getFieldsOrDefault("rows", Value.getDefaultInstance())
                    .getListValue().getValuesCount();
            boolean more = !tables.isEmpty() && tables.get(0).getData().getFieldsOrDefault("truncated",
                    Value.getDefaultInstance()).getBoolValue();
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("table_offset", offset + rows);
            state.put("has_more", more);
            t.setStatus("success");
            t.getAnswerBuilder().addAllBlocks(tables);
            return RunUiActionResponse.newBuilder().setTraceId(t.getTraceId()).setStatus("ok").addAllBlocks(tables)
                    .addAllReferences(r.getReferencesList()).setStatePatch(Structs.toStruct(state)).build();
        }, (response, done) -> response);
    }

    private static int intInput(Struct inputs, String key, int fallback, int min, int max) {
        Value v = inputs.getFieldsOrDefault(key, null);
        if (v == null) {
            return fallback;
        }
        if (v.getKindCase() != Value.KindCase.NUMBER_VALUE || v.getNumberValue() != Math.rint(v.getNumberValue())) {
            throw OpsException.invalid("inputs." + key + " must be an integer");
        }
        double d = v.getNumberValue();
        if (d < min || d > max) {
            throw OpsException.invalid("inputs." + key + " must be between " + min + " and " + max);
        }
        return (int) d;
    }

    /** The plan the parent last executed: its recorded ExecuteRequest (a trace stored before that: its Struct view). */
    private static ValidatedPlan lastExecutedPlan(Trace parent) {
        for (int i = parent.getStageInputsCount() - 1; i >= 0; i--) {
            StageInput in = parent.getStageInputs(i);
            if (in.getStage().equals("execute")) {
                return StageRequests.replayed(in, ExecuteRequest.class, List::of).getValidatedPlan();
            }
        }
        throw OpsException.invalid("trace " + parent.getTraceId() + " executed no plan; it has no rows to page");
    }

    /**
     * The plan the parent's last execute resolved: its recorded ExecuteResponse; for a trace stored
     * before responses were recorded (or one over the size cap), read from the result Struct.
     */
    private static Plan lastResolvedPlan(Trace parent, Plan fallback) {
        for (int i = parent.getStageOutputsCount() - 1; i >= 0; i--) {
            StageOutput out = parent.getStageOutputs(i);
            if (!out.getStage().equals("execute")) {
                continue;
            }
            ExecuteResponse recorded = StageRequests.recorded(out, ExecuteResponse.class).orElse(null);
            if (recorded != null) {
                if (recorded.hasResolvedPlan()) {
                    return recorded.getResolvedPlan();
                }
            } else if (out.getResult().containsFields("resolved_plan")) {
                return Structs.structToMessage(out.getResult().getFieldsOrThrow("resolved_plan").getStructValue(),
                        Plan.newBuilder()).build();
            }
        }
        return fallback;
    }

    /** The asset versions the parent ran with, so the action replays under the same behaviour. */
    private List<ResolvedAsset> sameAssets(Trace parent) {
        Map<String, String> overrides = new LinkedHashMap<>();
        parent.getAppliedAssetsMap().forEach((type, ref) -> {
            if (!type.startsWith("source:")) {
                overrides.put(type, ref.endsWith("(draft)") ? ref.substring(0, ref.indexOf('@')) + "(draft)" : ref);
            }
        });
        return stages.resolveAssets(ResolveAssetsRequest.newBuilder().putAllOverrides(overrides).build()).getAssetsList();
    }
}

package dev.opsuite.conductor;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AnswerBlock;
import dev.opsuite.proto.v1.ComposeRequest;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.PresentRequest;
import dev.opsuite.proto.v1.ReplanRequest;
import dev.opsuite.proto.v1.ReplanTrigger;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.RoutePlanRequest;
import dev.opsuite.proto.v1.StageInput;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.ToolResult;
import dev.opsuite.proto.v1.ValidateRequest;
import dev.opsuite.proto.v1.ValidatedPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The one place a stage request is built. The {@link Pipeline} builds every call it sends here and
 * the trace records that message (StageInput.request); replay (GetStageCall, stage test, UI
 * actions) unpacks the recorded message ({@link #recorded}) and changes only what it overrides.
 * {@link #fromSnapshot} rebuilds a request from the guide's params / prev_output view, for traces
 * stored before requests were recorded and for a request the trace's size cap left out.
 */
final class StageRequests {
    private StageRequests() {}

    static RoutePlanRequest routePlan(String question, String now, String timeZone, long estateGeneration,
                                      List<String> roles, String mode, String strategy, List<ResolvedAsset> assets) {
        return RoutePlanRequest.newBuilder().setQuestion(question).setNow(now).setTimeZone(timeZone)
                .setEstateGeneration(estateGeneration).addAllRoles(roles).setMode(mode).setPlannerStrategy(strategy)
                .addAllAssets(assets).build();
    }

    static ReplanRequest replan(Plan plan, ReplanTrigger trigger, String now, List<ResolvedAsset> assets) {
        return ReplanRequest.newBuilder().setPlan(plan).setTrigger(trigger).setNow(now).addAllAssets(assets).build();
    }

    static ValidateRequest validate(Plan plan, List<String> roles, List<ResolvedAsset> assets) {
        return ValidateRequest.newBuilder().setPlan(plan).addAllRoles(roles).addAllAssets(assets).build();
    }

    static ExecuteRequest execute(ValidatedPlan validated, String mode, List<String> roles,
                                  List<ResolvedAsset> assets) {
        return ExecuteRequest.newBuilder().setValidatedPlan(validated).setMode(mode).addAllRoles(roles)
                .addAllAssets(assets).build();
    }

    static ComposeRequest compose(Plan plan, List<ToolResult> toolResults, String mode, boolean noLlm,
                                  List<ResolvedAsset> assets) {
        return ComposeRequest.newBuilder().setPlan(plan).addAllToolResults(toolResults).setMode(mode)
                .setNoLlm(noLlm).addAllAssets(assets).build();
    }

    static PresentRequest present(Plan plan, List<AnswerBlock> blocks, List<ResolvedAsset> assets) {
        return PresentRequest.newBuilder().setPlan(plan).addAllBlocks(blocks).addAllAssets(assets).build();
    }

    /** The request message type of a stage (route_plan … present, replan). */
    static Class<? extends Message> type(String stage) {
        return switch (stage) {
            case "route_plan" -> RoutePlanRequest.class;
            case "replan" -> ReplanRequest.class;
            case "validate" -> ValidateRequest.class;
            case "execute" -> ExecuteRequest.class;
            case "compose" -> ComposeRequest.class;
            case "present" -> PresentRequest.class;
            default -> throw new IllegalArgumentException("no stage " + stage);
        };
    }

    /** The request this stage input recorded, unpacked; empty for a trace that has none (see the class comment). */
    static <Q extends Message> Optional<Q> recorded(StageInput in, Class<Q> type) {
        return in.hasRequest() ? Optional.of(unpack(in.getRequest(), type, "stage " + in.getStage() + " request"))
                : Optional.empty();
    }

    /** The response this stage output recorded, unpacked, or empty. */
    static <A extends Message> Optional<A> recorded(StageOutput out, Class<A> type) {
        return out.hasResponse() ? Optional.of(unpack(out.getResponse(), type, "stage " + out.getStage() + " response"))
                : Optional.empty();
    }

    /**
     * The request the stage got: the recorded one, or for a trace without it the rebuild from the
     * Struct snapshot, with {@code legacyAssets} (asked for only then).
     */
    static <Q extends Message> Q replayed(StageInput in, Class<Q> type, Supplier<List<ResolvedAsset>> legacyAssets) {
        return recorded(in, type).orElseGet(() -> type.cast(fromSnapshot(in.getStage(), in, legacyAssets.get())));
    }

    private static <M extends Message> M unpack(Any any, Class<M> type, String what) {
        try {
            return any.unpack(type);
        } catch (InvalidProtocolBufferException e) {
            // a type other than the stage's: the trace was not written by this conductor
            throw OpsException.invalid(what + " is not a " + type.getSimpleName() + ": " + any.getTypeUrl());
        }
    }

    /** The request with each asset replaced (every stage request has {@code repeated ResolvedAsset assets}). */
    @SuppressWarnings("unchecked")
    static <Q extends Message> Q mapAssets(Q request, UnaryOperator<ResolvedAsset> f) {
        FieldDescriptor assets = request.getDescriptorForType().findFieldByName("assets");
        Message.Builder b = request.toBuilder();
        for (int i = 0; i < request.getRepeatedFieldCount(assets); i++) {
            b.setRepeatedField(assets, i, f.apply((ResolvedAsset) request.getRepeatedField(assets, i)));
        }
        return (Q) b.build();
    }

    /** The assets a stage request carries. */
    @SuppressWarnings("unchecked")
    static List<ResolvedAsset> assets(Message request) {
        return (List<ResolvedAsset>) request.getField(request.getDescriptorForType().findFieldByName("assets"));
    }

    /**
     * The request rebuilt from the guide's view (params and prev_output Structs) with these assets:
     * how replay read a trace stored before StageInput.request existed. Loses what the view does
     * not keep (route_plan's time_zone and estate generation).
     */
    static Message fromSnapshot(String stage, StageInput in, List<ResolvedAsset> assets) {
        Map<String, Object> params = Structs.toMap(in.getParams());
        return switch (stage) {
            case "route_plan" -> RoutePlanRequest.newBuilder().setQuestion(text(params, "question"))
                    .setNow(text(params, "now")).addAllRoles(roles(params)).setMode(text(params, "mode"))
                    .setPlannerStrategy(text(params, "planner_strategy"))
                    .addAllAssets(assets).build();
            case "validate" -> ValidateRequest.newBuilder().setPlan(prev(in, Plan.newBuilder()).build())
                    .addAllRoles(roles(params)).addAllAssets(assets).build();
            case "execute" -> ExecuteRequest.newBuilder().setValidatedPlan(prev(in, ValidatedPlan.newBuilder()).build())
                    .setMode(text(params, "mode")).addAllRoles(roles(params)).addAllAssets(assets).build();
            case "compose" -> prev(in, ComposeRequest.newBuilder()).addAllAssets(assets).build();
            case "present" -> prev(in, PresentRequest.newBuilder()).addAllAssets(assets).build();
            default -> throw OpsException.invalid("stage " + stage + " is not replayed");
        };
    }

    private static <B extends Message.Builder> B prev(StageInput in, B builder) {
        return Structs.structToMessage(in.getPrevOutput(), builder);
    }

    private static String text(Map<String, Object> params, String key) {
        Object v = params.get(key);
        return v == null ? "" : v.toString();
    }

    private static List<String> roles(Map<String, Object> params) {
        return params.get("roles") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}

package dev.opsuite.conductor;

import com.google.protobuf.Message;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.ComposeRequest;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.GetAssetRequest;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.PresentRequest;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.RoutePlanRequest;
import dev.opsuite.proto.v1.GetStageCallResponse;
import dev.opsuite.proto.v1.StageInput;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.ValidateRequest;
import dev.opsuite.proto.v1.ValidatedPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds the request one stage service got in a stored trace: the recorded params and previous
 * output, with the content of every applied asset fetched by its recorded name@version. Sent to
 * the stage service directly (buf curl / grpcurl), it reproduces the recorded stage output.
 */
public final class StageCalls {
    private final Stages stages;
    private final TraceLookup lookup;

    public StageCalls(Stages stages, TraceSink traces) {
        this.stages = stages;
        this.lookup = new TraceLookup(stages, traces);
    }

    public GetStageCallResponse of(String traceId, String rawStage) {
        String stage = StageTester.stage(rawStage);
        Trace trace = lookup.find(traceId);
        StageInput in = StageTester.lastInput(trace, stage);
        if (in == null) {
            throw OpsException.notFound("trace " + traceId + " has no input recorded for stage " + stage
                    + " (its route was " + trace.getRoute() + ")");
        }
        List<ResolvedAsset> assets = assets(in);
        Map<String, Object> params = Structs.toMap(in.getParams());
        Message request;
        String method;
        String service;
        switch (stage) {
            case "route_plan" -> {
                method = "ops.v1.PlannerService/RoutePlan";
                service = "planner";
                request = RoutePlanRequest.newBuilder().setQuestion(text(params, "question"))
                        .setNow(text(params, "now")).addAllRoles(roles(params)).setMode(text(params, "mode"))
                        .setPlannerStrategy(text(params, "planner_strategy"))
                        .addAllAssets(assets).build();
            }
            case "validate" -> {
                method = "ops.v1.PlannerService/Validate";
                service = "planner";
                request = ValidateRequest.newBuilder().setPlan(prev(in, Plan.newBuilder()).build())
                        .addAllRoles(roles(params)).addAllAssets(assets).build();
            }
            case "execute" -> {
                method = "ops.v1.ExecutorService/Execute";
                service = "executor";
                request = ExecuteRequest.newBuilder().setValidatedPlan(prev(in, ValidatedPlan.newBuilder()).build())
                        .setMode(text(params, "mode")).addAllRoles(roles(params)).addAllAssets(assets).build();
            }
            case "compose" -> {
                method = "ops.v1.ExecutorService/Compose";
                service = "executor";
                request = prev(in, ComposeRequest.newBuilder()).addAllAssets(assets).build();
            }
            default -> {
                method = "ops.v1.ExecutorService/Present";
                service = "executor";
                request = prev(in, PresentRequest.newBuilder()).addAllAssets(assets).build();
            }
        }
        return GetStageCallResponse.newBuilder().setMethod(method).setTarget(stages.target(service))
                .setRequest(Structs.messageToStruct(request)).putAllAppliedAssets(in.getAppliedAssetsMap()).build();
    }

    /** Each applied asset's content at its recorded version ("query" -> "ci_queries@2(draft)"). */
    private List<ResolvedAsset> assets(StageInput in) {
        List<ResolvedAsset> out = new ArrayList<>();
        in.getAppliedAssetsMap().forEach((key, ref) -> {
            String type = key.startsWith("source:") ? "source" : key;
            String bare = ref.endsWith("(draft)") ? ref.substring(0, ref.length() - "(draft)".length()) : ref;
            int at = bare.lastIndexOf('@');
            if (at <= 0) {
                throw OpsException.invalid("applied asset " + key + "=" + ref + " is not name@version");
            }
            String name = bare.substring(0, at);
            int version;
            try {
                version = Integer.parseInt(bare.substring(at + 1));
            } catch (NumberFormatException e) {
                throw OpsException.invalid("applied asset " + key + "=" + ref + " is not name@version");
            }
            out.add(stages.getAsset(
                    GetAssetRequest.newBuilder().setAssetType(type).setName(name).setVersion(version).build())
                    .getAsset());
        });
        out.sort(java.util.Comparator.comparing(ResolvedAsset::getAssetType).thenComparing(ResolvedAsset::getName));
        return out;
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

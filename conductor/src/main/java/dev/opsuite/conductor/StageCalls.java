package dev.opsuite.conductor;

import com.google.protobuf.Message;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.GetAssetRequest;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.GetStageCallResponse;
import dev.opsuite.proto.v1.StageInput;
import dev.opsuite.proto.v1.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The request one stage service got in a stored trace: the recorded message (StageInput.request),
 * with the content of every asset fetched by its recorded name@version. Sent to the stage service
 * directly (buf curl / grpcurl), it reproduces the recorded stage output.
 */
public final class StageCalls {
    private static final Map<String, String> METHODS = Map.of("route_plan", "ops.v1.PlannerService/RoutePlan",
            "validate", "ops.v1.PlannerService/Validate", "execute", "ops.v1.ExecutorService/Execute",
            "compose", "ops.v1.ExecutorService/Compose", "present", "ops.v1.ExecutorService/Present");

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
        String method = METHODS.get(stage);
        String service = method.startsWith("ops.v1.PlannerService/") ? "planner" : "executor";
        // the recorded request, its asset references filled with their contents; a trace stored before
        // requests were recorded (or whose request was over the size cap) is rebuilt from its Structs
        Message request = StageRequests.recorded(in, StageRequests.type(stage))
                .<Message>map(r -> StageRequests.mapAssets(r, this::withContent))
                .orElseGet(() -> StageRequests.fromSnapshot(stage, in, assets(in)));
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

    /** A recorded asset reference with the content of that version (a registry version never changes). */
    private ResolvedAsset withContent(ResolvedAsset a) {
        return stages.getAsset(GetAssetRequest.newBuilder().setAssetType(a.getAssetType()).setName(a.getName())
                .setVersion(a.getVersion()).build()).getAsset();
    }
}

package dev.opsuite.gateway.stages;

import dev.opsuite.conductor.Stages;
import dev.opsuite.proto.v1.ComposeRequest;
import dev.opsuite.proto.v1.ComposeResponse;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.FetchTraceRequest;
import dev.opsuite.proto.v1.FetchTraceResponse;
import dev.opsuite.proto.v1.GetAssetRequest;
import dev.opsuite.proto.v1.GetAssetResponse;
import dev.opsuite.proto.v1.PresentRequest;
import dev.opsuite.proto.v1.PresentResponse;
import dev.opsuite.proto.v1.ReplanRequest;
import dev.opsuite.proto.v1.ReplanResponse;
import dev.opsuite.proto.v1.ResolveAssetsRequest;
import dev.opsuite.proto.v1.ResolveAssetsResponse;
import dev.opsuite.proto.v1.RoutePlanRequest;
import dev.opsuite.proto.v1.RoutePlanResponse;
import dev.opsuite.proto.v1.ValidateRequest;
import dev.opsuite.proto.v1.ValidateResponse;

/**
 * The conductor's stage port over gRPC: each call goes through {@link StageClients} (a fresh stub with
 * the deadline per attempt, one retry on UNAVAILABLE, the service's breaker), and a failed call
 * reaches the conductor as the OpsException {@code GrpcErrors.fromStatus} makes of it, named as before.
 */
public final class GrpcStages implements Stages {
    private final StageClients clients;

    public GrpcStages(StageClients clients) {
        this.clients = clients;
    }

    @Override
    public RoutePlanResponse routePlan(RoutePlanRequest request) {
        return clients.callPlanner("planner-service RoutePlan", () -> clients.planner().routePlan(request));
    }

    @Override
    public ValidateResponse validate(ValidateRequest request) {
        return clients.callPlanner("planner-service Validate", () -> clients.planner().validate(request));
    }

    @Override
    public ReplanResponse replan(ReplanRequest request) {
        return clients.callPlanner("planner-service Replan", () -> clients.planner().replan(request));
    }

    @Override
    public ExecuteResponse execute(ExecuteRequest request) {
        return clients.callExecutor("executor-service Execute", () -> clients.executor().execute(request));
    }

    @Override
    public ComposeResponse compose(ComposeRequest request) {
        return clients.callExecutor("executor-service Compose", () -> clients.executor().compose(request));
    }

    @Override
    public PresentResponse present(PresentRequest request) {
        return clients.callExecutor("executor-service Present", () -> clients.executor().present(request));
    }

    @Override
    public ResolveAssetsResponse resolveAssets(ResolveAssetsRequest request) {
        return clients.callTrace("asset registry (trace-service)", () -> clients.assets().resolveAssets(request));
    }

    @Override
    public GetAssetResponse getAsset(GetAssetRequest request) {
        String key = request.getAssetType() + "/" + request.getName() + "@" + request.getVersion();
        return clients.callTrace("asset registry GetAsset " + key, () -> clients.assets().getAsset(request));
    }

    @Override
    public FetchTraceResponse fetchTrace(FetchTraceRequest request) {
        return clients.callTrace("trace-service FetchTrace", () -> clients.trace().fetchTrace(request));
    }

    @Override
    public boolean assetsByReference() {
        return clients.assetsByReference();
    }

    @Override
    public long estateGeneration() {
        return clients.estateGeneration().get();
    }

    @Override
    public String target(String service) {
        return clients.target(service);
    }
}

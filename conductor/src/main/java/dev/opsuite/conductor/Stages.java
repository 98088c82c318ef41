package dev.opsuite.conductor;

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
 * The stage port: everything the conductor asks of the stage services, as the ops.v1 messages they
 * exchange. The gateway's adapter ({@code gateway.stages.GrpcStages}) carries each call over gRPC
 * (deadline, one retry on UNAVAILABLE, breaker) and turns a failed call into an {@link
 * dev.opsuite.model.errors.OpsException} naming the service; the conductor sees nothing else. The
 * unit tests use an in-memory fake.
 */
public interface Stages {
    /** planner-service PlannerService/RoutePlan. */
    RoutePlanResponse routePlan(RoutePlanRequest request);

    /** planner-service PlannerService/Validate. */
    ValidateResponse validate(ValidateRequest request);

    /** planner-service PlannerService/Replan. */
    ReplanResponse replan(ReplanRequest request);

    /** executor-service ExecutorService/Execute. */
    ExecuteResponse execute(ExecuteRequest request);

    /** executor-service ExecutorService/Compose. */
    ComposeResponse compose(ComposeRequest request);

    /** executor-service ExecutorService/Present. */
    PresentResponse present(PresentRequest request);

    /** trace-service AssetService/ResolveAssets: the asset set of a request. */
    ResolveAssetsResponse resolveAssets(ResolveAssetsRequest request);

    /** trace-service AssetService/GetAsset: one asset version with its content. */
    GetAssetResponse getAsset(GetAssetRequest request);

    /** trace-service TraceService/FetchTrace: a stored trace. */
    FetchTraceResponse fetchTrace(FetchTraceRequest request);

    /** Stage calls name assets by type, name, version and status; the services fetch each version once. */
    boolean assetsByReference();

    /**
     * Bumped after every import or removal this gateway carried out; sent with each RoutePlan so the
     * planner reloads its estate dictionary at once.
     */
    long estateGeneration();

    /** host:port of "planner", "executor" or "trace", as configured (for GetStageCall). */
    String target(String service);
}

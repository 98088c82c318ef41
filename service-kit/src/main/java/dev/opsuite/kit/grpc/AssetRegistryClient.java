package dev.opsuite.kit.grpc;

import dev.opsuite.kit.json.AssetContents;
import dev.opsuite.proto.v1.AssetServiceGrpc;
import dev.opsuite.proto.v1.GetAssetRequest;
import dev.opsuite.proto.v1.ResolvedAsset;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.TimeUnit;

/** AssetService.GetAsset on trace-service, for stage services that get assets by reference. */
public final class AssetRegistryClient implements AssetContents.Registry, AutoCloseable {
    private static final long DEADLINE_MS = 5_000;
    private final ManagedChannel channel;

    /** @param identity the stage identity of the service that fetches (planner, executor) */
    public AssetRegistryClient(String target, String identity) {
        this.channel = Channels.to(target, 16 * 1024 * 1024, Channels.Transport.AUTO, identity,
                AssetServiceGrpc.SERVICE_NAME);
    }

    @Override
    public ResolvedAsset get(String type, String name, int version) {
        try {
            return AssetServiceGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE_MS, TimeUnit.MILLISECONDS)
                    .getAsset(GetAssetRequest.newBuilder().setAssetType(type).setName(name).setVersion(version).build())
                    .getAsset();
        } catch (StatusRuntimeException e) {
            channel.resetConnectBackoff();
            throw GrpcErrors.fromStatus("asset registry GetAsset", e);
        }
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}

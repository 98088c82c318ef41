package dev.opsuite.gateway.grpc;

import dev.opsuite.gateway.stages.StageClients;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.ArchiveAssetRequest;
import dev.opsuite.proto.v1.ArchiveAssetVersionRequest;
import dev.opsuite.proto.v1.DiffAssetVersionsResponse;
import dev.opsuite.proto.v1.ListAssetVersionsResponse;
import dev.opsuite.proto.v1.AssetSummary;
import dev.opsuite.proto.v1.CheckSourceHealthRequest;
import dev.opsuite.proto.v1.CheckSourceRequest;
import dev.opsuite.proto.v1.CheckSourceResponse;
import dev.opsuite.proto.v1.CreateAssetVersionRequest;
import dev.opsuite.proto.v1.DiffAssetVersionsRequest;
import dev.opsuite.proto.v1.DiffAssetsRequest;
import dev.opsuite.proto.v1.GetAssetRequest;
import dev.opsuite.proto.v1.GetAssetVersionRequest;
import dev.opsuite.proto.v1.ListAssetVersionsRequest;
import dev.opsuite.proto.v1.ListAssetsRequest;
import dev.opsuite.proto.v1.PublishAssetRequest;
import dev.opsuite.proto.v1.PublishAssetResponse;
import dev.opsuite.proto.v1.PublishAssetVersionRequest;
import dev.opsuite.proto.v1.PublishAssetVersionResponse;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.SaveAssetRequest;
import dev.opsuite.proto.v1.CheckSourceHealthResponse;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The asset registry's REST face: checks names and versions, then hands over to trace-service's
 * AssetService. Who may call is the access table's: reads need the operator role, writes asset_admin.
 */
final class AssetApi {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final StageClients clients;
    private final SourceAssetApi sources;

    AssetApi(StageClients clients, SourceAssetApi sources) {
        this.clients = clients;
        this.sources = sources;
    }

    AssetSummary create(CreateAssetVersionRequest r) {
        checkName(r.getName());
        return clients.callTrace("asset registry SaveAsset", () -> clients.assets().saveAsset(SaveAssetRequest
                .newBuilder().setAssetType(r.getAssetType()).setName(r.getName()).setContent(r.getContent())
                .setCreatedBy(dev.opsuite.gateway.auth.Authenticator.currentId()).build()))
                .getAsset();
    }

    PublishAssetVersionResponse publish(PublishAssetVersionRequest r) {
        checkName(r.getName());
        PublishAssetResponse p = clients.callTrace("asset registry PublishAsset", () -> clients.assets().publishAsset(
                PublishAssetRequest.newBuilder().setAssetType(r.getAssetType()).setName(r.getName())
                        .setVersion(positive(r.getVersion())).build()));
        if ("source".equals(r.getAssetType())) {
            sources.retired(r.getName(), p.getArchivedVersion());
        }
        return PublishAssetVersionResponse.newBuilder().setAsset(p.getAsset()).setArchivedVersion(p.getArchivedVersion()).build();
    }

    AssetSummary archive(ArchiveAssetVersionRequest r) {
        checkName(r.getName());
        AssetSummary archived = clients.callTrace("asset registry ArchiveAsset", () -> clients.assets().archiveAsset(
                ArchiveAssetRequest.newBuilder().setAssetType(r.getAssetType()).setName(r.getName())
                        .setVersion(positive(r.getVersion())).build())).getAsset();
        if ("source".equals(r.getAssetType())) {
            sources.retired(r.getName(), archived.getVersion());
        }
        return archived;
    }

    ListAssetVersionsResponse list(ListAssetVersionsRequest r) {
        return ListAssetVersionsResponse.newBuilder().addAllAssets(clients.callTrace("asset registry ListAssets", () -> clients.assets()
                .listAssets(ListAssetsRequest.newBuilder().setAssetType(r.getAssetType()).setStatus(r.getStatus())
                        .setName(r.getName()).build())).getAssetsList()).build();
    }

    ResolvedAsset get(GetAssetVersionRequest r) {
        checkName(r.getName());
        return clients.callTrace("asset registry GetAsset", () -> clients.assets().getAsset(GetAssetRequest.newBuilder()
                .setAssetType(r.getAssetType()).setName(r.getName()).setVersion(r.getVersion()).build())).getAsset();
    }

    DiffAssetVersionsResponse diff(DiffAssetVersionsRequest r) {
        checkName(r.getName());
        return DiffAssetVersionsResponse.newBuilder().addAllChanges(clients.callTrace("asset registry DiffAssets", () -> clients.assets()
                .diffAssets(DiffAssetsRequest.newBuilder().setAssetType(r.getAssetType()).setName(r.getName())
                        .setFromVersion(positive(r.getFromVersion())).setToVersion(positive(r.getToVersion())).build()))
                .getChangesList()).build();
    }

    CheckSourceHealthResponse sourceHealth(CheckSourceHealthRequest r) {
        checkName(r.getName());
        ResolvedAsset source = clients.callTrace("asset registry GetAsset", () -> clients.assets().getAsset(
                GetAssetRequest.newBuilder().setAssetType("source").setName(r.getName()).setVersion(r.getVersion())
                        .build())).getAsset();
        CheckSourceResponse c = clients.callExecutor("executor-service CheckSource", () -> clients.executor()
                .checkSource(CheckSourceRequest.newBuilder().setSource(source).build()));
        return CheckSourceHealthResponse.newBuilder().setSource(c.getSource()).setReachable(c.getReachable())
                .setReadOnly(c.getReadOnly()).setLatencyMs(c.getLatencyMs()).setDetail(c.getDetail()).build();
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw OpsException.invalid("asset name must be 1-100 characters of [A-Za-z0-9_.-]");
        }
    }

    private static int positive(int version) {
        if (version < 1) {
            throw OpsException.invalid("version must be a positive integer");
        }
        return version;
    }
}

package dev.opsuite.trace.grpc;

import com.google.protobuf.Struct;
import dev.opsuite.kit.cache.Lru;
import dev.opsuite.kit.grpc.Unary;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.ArchiveAssetRequest;
import dev.opsuite.proto.v1.ArchiveAssetResponse;
import dev.opsuite.proto.v1.AssetChange;
import dev.opsuite.proto.v1.AssetServiceGrpc;
import dev.opsuite.proto.v1.AssetSummary;
import dev.opsuite.proto.v1.DiffAssetsRequest;
import dev.opsuite.proto.v1.DiffAssetsResponse;
import dev.opsuite.proto.v1.FetchAssetReviewsRequest;
import dev.opsuite.proto.v1.FetchAssetReviewsResponse;
import dev.opsuite.proto.v1.RecordAssetReviewRequest;
import dev.opsuite.proto.v1.RecordAssetReviewResponse;
import dev.opsuite.proto.v1.RecordGateReportRequest;
import dev.opsuite.proto.v1.RecordGateReportResponse;
import dev.opsuite.proto.v1.GetAssetRequest;
import dev.opsuite.proto.v1.GetAssetResponse;
import dev.opsuite.proto.v1.ListAssetsRequest;
import dev.opsuite.proto.v1.ListAssetsResponse;
import dev.opsuite.proto.v1.PublishAssetRequest;
import dev.opsuite.proto.v1.PublishAssetResponse;
import dev.opsuite.proto.v1.ResolveAssetsRequest;
import dev.opsuite.proto.v1.ResolveAssetsResponse;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.SaveAssetRequest;
import dev.opsuite.proto.v1.SaveAssetResponse;
import dev.opsuite.trace.domain.Asset;
import dev.opsuite.trace.domain.AssetRegistry;
import dev.opsuite.trace.domain.AssetStore;
import dev.opsuite.trace.domain.AssetVersion;
import dev.opsuite.trace.review.AssetReviews;
import io.grpc.stub.StreamObserver;
import java.util.Map;

/** ops.v1.AssetService over {@link AssetRegistry}: map, call, map back. */
public final class AssetGrpcService extends AssetServiceGrpc.AssetServiceImplBase {
    private final AssetRegistry registry;
    private final AssetReviews reviews;

    private final TraceServiceMeters meters;

    public AssetGrpcService(AssetRegistry registry, AssetReviews reviews) {
        this(registry, reviews, TraceServiceMeters.off());
    }

    public AssetGrpcService(AssetRegistry registry, AssetReviews reviews, TraceServiceMeters meters) {
        this.registry = registry;
        this.reviews = reviews;
        this.meters = meters;
    }

    @Override
    public void resolveAssets(ResolveAssetsRequest request, StreamObserver<ResolveAssetsResponse> out) {
        Unary.respond(out, () -> {
            ResolveAssetsResponse.Builder b = ResolveAssetsResponse.newBuilder();
            boolean refs = request.getReferencesOnly();
            registry.resolve(request.getOverridesMap(), !refs).forEach(a -> b.addAssets(refs
                    ? reference(a).build() : toProto(a)));
            return b.build();
        });
    }

    @Override
    public void listAssets(ListAssetsRequest request, StreamObserver<ListAssetsResponse> out) {
        Unary.respond(out, () -> {
            ListAssetsResponse.Builder b = ListAssetsResponse.newBuilder();
            registry.list(request.getAssetType(), request.getStatus(), request.getName()).forEach(v -> b.addAssets(toProto(v)));
            return b.build();
        });
    }

    @Override
    public void getAsset(GetAssetRequest request, StreamObserver<GetAssetResponse> out) {
        Unary.respond(out, () -> GetAssetResponse.newBuilder()
                .setAsset(toProto(registry.get(request.getAssetType(), request.getName(), request.getVersion())))
                .build());
    }

    @Override
    public void saveAsset(SaveAssetRequest request, StreamObserver<SaveAssetResponse> out) {
        Unary.respond(out, () -> {
            var saved = registry.save(request.getAssetType(), request.getName(), Structs.toMap(request.getContent()),
                    request.getCreatedBy());
            meters.assetChanged(saved.type().wireName(), "save");
            return SaveAssetResponse.newBuilder().setAsset(toProto(saved)).build();
        });
    }

    @Override
    public void publishAsset(PublishAssetRequest request, StreamObserver<PublishAssetResponse> out) {
        Unary.respond(out, () -> {
            AssetStore.Published p = registry.publish(request.getAssetType(), request.getName(), request.getVersion());
            meters.assetChanged(p.asset().type().wireName(), "publish");
            return PublishAssetResponse.newBuilder()
                    .setAsset(toProto(p.asset()))
                    .setArchivedVersion(p.archivedVersion())
                    .build();
        });
    }

    @Override
    public void archiveAsset(ArchiveAssetRequest request, StreamObserver<ArchiveAssetResponse> out) {
        Unary.respond(out, () -> {
            var archived = registry.archive(request.getAssetType(), request.getName(), request.getVersion());
            meters.assetChanged(archived.type().wireName(), "archive");
            return ArchiveAssetResponse.newBuilder().setAsset(toProto(archived)).build();
        });
    }

    @Override
    public void diffAssets(DiffAssetsRequest request, StreamObserver<DiffAssetsResponse> out) {
        Unary.respond(out, () -> {
            DiffAssetsResponse.Builder b = DiffAssetsResponse.newBuilder();
            registry.diff(request.getAssetType(), request.getName(), request.getFromVersion(), request.getToVersion())
                    .forEach(c -> b.addChanges(toProto(c)));
            return b.build();
        });
    }

    @Override
    public void recordAssetReview(RecordAssetReviewRequest request, StreamObserver<RecordAssetReviewResponse> out) {
        Unary.respond(out, () -> RecordAssetReviewResponse.newBuilder().setReview(reviews.record(request.getReview()))
                .build());
    }

    @Override
    public void recordGateReport(RecordGateReportRequest request, StreamObserver<RecordGateReportResponse> out) {
        Unary.respond(out, () -> {
            reviews.saveGate(request.getReport());
            return RecordGateReportResponse.getDefaultInstance();
        });
    }

    @Override
    public void fetchAssetReviews(FetchAssetReviewsRequest request, StreamObserver<FetchAssetReviewsResponse> out) {
        Unary.respond(out, () -> {
            AssetReviews.Reviewed r = reviews.fetch(request.getAssetType(), request.getName(), request.getVersion());
            FetchAssetReviewsResponse.Builder b = FetchAssetReviewsResponse.newBuilder()
                    .setCreatedBy(r.version().createdBy()).setStatus(r.version().status()).addAllReviews(r.reviews());
            if (r.gate() != null) {
                b.setGate(r.gate());
            }
            return b.build();
        });
    }

    static AssetChange toProto(dev.opsuite.trace.domain.AssetChange c) {
        AssetChange.Builder b = AssetChange.newBuilder().setPath(c.path()).setOp(c.op().wireName());
        if (c.op() != dev.opsuite.trace.domain.AssetChange.Op.ADDED) {
            b.setBefore(Structs.toValue(c.before()));
        }
        if (c.op() != dev.opsuite.trace.domain.AssetChange.Op.REMOVED) {
            b.setAfter(Structs.toValue(c.after()));
        }
        return b.build();
    }

    static ResolvedAsset toProto(Asset a) {
        return reference(a).setContent(content(a.contentJson())).build();
    }

    private static ResolvedAsset.Builder reference(Asset a) {
        return ResolvedAsset.newBuilder()
                .setAssetType(a.type().wireName())
                .setName(a.name())
                .setVersion(a.info().version())
                .setStatus(a.info().status().wireName());
    }

    /**
     * Contents as Structs, kept by their JSON text: the same few asset versions are answered on
     * every request, and parsing their JSON was most of ResolveAssets' CPU (README, Performance).
     * Keyed by the text itself, a hit can never be stale.
     */
    private static final Map<String, Struct> CONTENTS = Lru.bounded(256);

    private static Struct content(String json) {
        Struct s = CONTENTS.get(json);
        if (s == null) {
            s = Structs.fromJson(json, Struct.newBuilder()).build();
            CONTENTS.put(json, s);
        }
        return s;
    }

    static AssetSummary toProto(AssetVersion v) {
        return AssetSummary.newBuilder()
                .setAssetType(v.type().wireName())
                .setName(v.name())
                .setVersion(v.version())
                .setStatus(v.status().wireName())
                .setCreatedAt(v.createdAt().toString())
                .build();
    }
}

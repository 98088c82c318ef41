package dev.opsuite.gateway.grpc;

import dev.opsuite.gateway.auth.Authenticator;
import dev.opsuite.gateway.stages.StageClients;
import dev.opsuite.model.ReviewDecision;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AssetReview;
import dev.opsuite.proto.v1.FetchAssetReviewsRequest;
import dev.opsuite.proto.v1.FetchAssetReviewsResponse;
import dev.opsuite.proto.v1.GateReport;
import dev.opsuite.proto.v1.RecordAssetReviewRequest;
import dev.opsuite.proto.v1.RecordGateReportRequest;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.ReviewAssetVersionRequest;
import java.util.regex.Pattern;

/**
 * Reviews of asset versions (role reviewer) and the gate report kept with each version, over
 * trace-service's AssetService. The request is checked here; the registry holds the rules on the
 * stored version (drafts only, never the author's own approve) and answers with their errors.
 */
final class ReviewApi {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final StageClients clients;

    ReviewApi(StageClients clients) {
        this.clients = clients;
    }

    /** Records the current caller's review of a draft; the review as stored comes back. */
    AssetReview review(ReviewAssetVersionRequest r) {
        key(r.getAssetType(), r.getName());
        if (r.getVersion() <= 0) {
            throw OpsException.invalidField("version", "version is required: the positive number of a draft");
        }
        ReviewDecision decision = ReviewDecision.parse(r.getDecision());
        String comment = ReviewDecision.comment(r.getComment());
        String reviewer = Authenticator.currentId();
        if (reviewer.isEmpty()) {
            throw OpsException.unauthenticated("a review needs an authenticated reviewer");
        }
        AssetReview review = AssetReview.newBuilder().setAssetType(r.getAssetType()).setName(r.getName())
                .setVersion(r.getVersion()).setReviewer(reviewer).setDecision(decision.wireName()).setComment(comment)
                .build();
        return clients.callTrace("asset registry RecordAssetReview", () -> clients.assets().recordAssetReview(
                RecordAssetReviewRequest.newBuilder().setReview(review).build())).getReview();
    }

    /** A version's author, status, stored gate report and reviews (oldest first). */
    FetchAssetReviewsResponse state(String type, String name, int version) {
        return clients.callTrace("asset registry FetchAssetReviews", () -> clients.assets().fetchAssetReviews(
                FetchAssetReviewsRequest.newBuilder().setAssetType(type).setName(name).setVersion(version).build()));
    }

    /** Keeps the gate's report with its version (the last one run replaces an earlier one). */
    void recordGate(GateReport report) {
        clients.callTrace("asset registry RecordGateReport", () -> clients.assets().recordGateReport(
                RecordGateReportRequest.newBuilder().setReport(report).build()));
    }

    /** The version as GetAssetVersion answers it: with its author, its gate report and its reviews. */
    ResolvedAsset detail(ResolvedAsset asset) {
        FetchAssetReviewsResponse s = state(asset.getAssetType(), asset.getName(), asset.getVersion());
        ResolvedAsset.Builder b = asset.toBuilder().setCreatedBy(s.getCreatedBy()).addAllReviews(s.getReviewsList());
        if (s.hasGate()) {
            b.setGate(s.getGate());
        }
        return b.build();
    }

    private static void key(String type, String name) {
        if (dev.opsuite.model.AssetType.parse(type).isEmpty()) {
            throw OpsException.invalidField("asset_type", "asset_type must be one of "
                    + dev.opsuite.model.AssetType.ALL_NAMES);
        }
        if (!NAME.matcher(name).matches()) {
            throw OpsException.invalidField("name", "asset name must be 1-100 characters of [A-Za-z0-9_.-]");
        }
    }
}

package dev.opsuite.gateway.grpc;

import dev.opsuite.gateway.auth.Authenticator;
import dev.opsuite.model.ReviewDecision;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AssetReview;
import dev.opsuite.proto.v1.FetchAssetReviewsResponse;
import dev.opsuite.proto.v1.GateReport;
import dev.opsuite.proto.v1.GetAssetVersionRequest;
import dev.opsuite.proto.v1.PublishAssetVersionRequest;
import dev.opsuite.proto.v1.PublishAssetVersionResponse;
import java.util.List;
import java.util.Optional;

/**
 * A publish through the gate: the golden queries bound to the asset run with the version
 * ({@link GoldenApi#gate}), the report is stored with the version, and {@link #decide} lets it out or
 * refuses it — fail needs an admin's override_reason; warning needs an approve review by a principal
 * other than the version's author with no reject after it, or an admin's override_reason.
 */
final class PublishGate {
    static final int MAX_REASON = 500;

    private final GoldenApi golden;
    private final AssetApi assets;
    private final ReviewApi reviews;

    PublishGate(GoldenApi golden, AssetApi assets, ReviewApi reviews) {
        this.golden = golden;
        this.assets = assets;
        this.reviews = reviews;
    }

    PublishAssetVersionResponse publish(PublishAssetVersionRequest r, List<String> roles) {
        String reason = r.getOverrideReason().strip();
        if (reason.length() > MAX_REASON) {
            throw OpsException.invalidField("override_reason", "override_reason is longer than " + MAX_REASON
                    + " characters");
        }
        if (!reason.isEmpty() && !roles.contains("admin")) {
            throw OpsException.denied("override_reason needs the admin role");
        }
        if (r.getVersion() <= 0) {
            throw OpsException.invalidField("version", "version must be a positive integer");
        }
        // the version must exist before the gate asks anything with it
        assets.get(GetAssetVersionRequest.newBuilder().setAssetType(r.getAssetType()).setName(r.getName())
                .setVersion(r.getVersion()).build());
        GateReport ran = golden.gate(r.getAssetType(), r.getName(), r.getVersion(), roles).toBuilder()
                .setBy(Authenticator.currentId()).build();
        // read after the runs: a review recorded while they ran counts
        FetchAssetReviewsResponse state = reviews.state(r.getAssetType(), r.getName(), r.getVersion());
        GateReport gate;
        try {
            gate = decide(ran, reason, state.getCreatedBy(), state.getReviewsList());
        } catch (GateRefused refused) {
            reviews.recordGate(refused.report());
            throw refused;
        }
        reviews.recordGate(gate);
        return assets.publish(r).toBuilder().setGate(gate).build();
    }

    /**
     * The gate's verdict on a report: the report to publish with (carrying the override reason or
     * the approving review that let it through), or {@link GateRefused}.
     *
     * @param author the version's author ("" when not recorded: then no approve counts)
     * @param reviewsOldestFirst the version's reviews in the order they were recorded
     */
    static GateReport decide(GateReport gate, String overrideReason, String author, List<AssetReview> reviewsOldestFirst) {
        switch (gate.getJudgment()) {
            case "fail" -> {
                if (overrideReason.isEmpty()) {
                    throw new GateRefused(gate, "publish refused by the gate: " + gate.getSummary()
                            + "; only an admin's override_reason publishes over a fail");
                }
                return gate.toBuilder().setOverrideReason(overrideReason).build();
            }
            case "warning" -> {
                Optional<AssetReview> approval = approval(author, reviewsOldestFirst);
                if (approval.isPresent()) {
                    return gate.toBuilder().setApproval(approval.get()).build();
                }
                if (!overrideReason.isEmpty()) {
                    return gate.toBuilder().setOverrideReason(overrideReason).build();
                }
                throw new GateRefused(gate, "publish refused by the gate: " + gate.getSummary() + "; a warning "
                        + "needs an approving review by a reviewer other than the author (POST /ops/assets/"
                        + gate.getAssetType() + "/" + gate.getName() + "/reviews {version: " + gate.getVersion()
                        + ", decision: approve})" + lastReject(reviewsOldestFirst) + ", or an admin's override_reason");
            }
            default -> {
                return gate;
            }
        }
    }

    /** The last approve by someone other than the author, unless a reject came after it. */
    static Optional<AssetReview> approval(String author, List<AssetReview> reviewsOldestFirst) {
        AssetReview approval = null;
        for (AssetReview r : reviewsOldestFirst) {
            if (ReviewDecision.REJECT.wireName().equals(r.getDecision())) {
                approval = null;
            } else if (ReviewDecision.APPROVE.wireName().equals(r.getDecision()) && !author.isEmpty()
                    && !author.equals(r.getReviewer())) {
                approval = r;
            }
        }
        return Optional.ofNullable(approval);
    }

    private static String lastReject(List<AssetReview> reviews) {
        for (int i = reviews.size() - 1; i >= 0; i--) {
            AssetReview r = reviews.get(i);
            if (ReviewDecision.REJECT.wireName().equals(r.getDecision())) {
                return "; last rejected by " + r.getReviewer() + " at " + r.getAt();
            }
        }
        return "";
    }
}

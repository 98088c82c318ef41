package dev.opsuite.trace.review;

import dev.opsuite.model.ReviewDecision;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AssetReview;
import dev.opsuite.proto.v1.GateReport;
import dev.opsuite.model.AssetType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reviews of asset versions and the publish gate's report per version, as the registry keeps them:
 * the record checks that hold whoever writes — only drafts are reviewed, an author never approves
 * their own version, closed words and sizes — then the store. The gateway checks the request itself
 * and decides with them whether a publish may go out.
 */
public final class AssetReviews {
    /** A version as the review rules see it: who saved it ("" unknown) and its status. */
    public record Version(String createdBy, String status) {}

    /** What is kept for a version: its author and status, the gate's last report (null: none), its reviews. */
    public record Reviewed(Version version, GateReport gate, List<AssetReview> reviews) {}

    /** Where they are kept. */
    public interface Store {
        /**
         * In one transaction holding the version's row against a concurrent publish: {@code check}
         * sees the version (and may throw), then the review is stored with {@code at} assigned.
         * Empty when the version does not exist.
         */
        Optional<AssetReview> record(AssetReview review, Consumer<Version> check);

        /** Stores the report with its version, replacing an earlier one; false when the version does not exist. */
        boolean saveGate(GateReport report);

        /** The version's author, status, report and reviews (oldest first); empty when it does not exist. */
        Optional<Reviewed> fetch(String type, String name, int version);
    }

    private static final Set<String> JUDGMENTS = Set.of("pass", "warning", "fail", "none");
    private static final int MAX_REPORT = 2 * 1024 * 1024;
    private static final int MAX_PRINCIPAL = 200;

    private final Store store;

    public AssetReviews(Store store) {
        this.store = store;
    }

    public AssetReview record(AssetReview review) {
        String what = key(review.getAssetType(), review.getName(), review.getVersion());
        String reviewer = review.getReviewer().strip();
        if (reviewer.isEmpty() || reviewer.length() > MAX_PRINCIPAL) {
            throw OpsException.invalidField("reviewer", "reviewer is required: 1-" + MAX_PRINCIPAL + " characters");
        }
        ReviewDecision decision = ReviewDecision.parse(review.getDecision());
        AssetReview r = review.toBuilder().setReviewer(reviewer).setComment(ReviewDecision.comment(review.getComment()))
                .setDecision(decision.wireName()).build();
        return store.record(r, v -> allowed(what, v, reviewer, decision))
                .orElseThrow(() -> OpsException.notFound(what + " does not exist"));
    }

    /** The rules of a review on a stored version: drafts only; an author never approves their own. */
    static void allowed(String what, Version v, String reviewer, ReviewDecision decision) {
        if (!"draft".equals(v.status())) {
            throw OpsException.failedPrecondition(what + " is " + v.status() + "; only drafts are reviewed");
        }
        if (decision == ReviewDecision.APPROVE && v.createdBy().isEmpty()) {
            throw OpsException.failedPrecondition(what + " has no recorded author (saved before authors were "
                    + "recorded), so no one can approve it as someone else; save its content again as a new draft");
        }
        if (decision == ReviewDecision.APPROVE && v.createdBy().equals(reviewer)) {
            throw OpsException.denied("a reviewer cannot approve a version they authored: " + what + " was saved by "
                    + reviewer + "; another principal with the reviewer role must approve it");
        }
    }

    public void saveGate(GateReport report) {
        String what = key(report.getAssetType(), report.getName(), report.getVersion());
        if (!JUDGMENTS.contains(report.getJudgment())) {
            throw OpsException.invalid("judgment must be pass, warning, fail or none");
        }
        if (report.getSerializedSize() > MAX_REPORT) {
            throw OpsException.invalid("a gate report is larger than " + MAX_REPORT + " bytes");
        }
        if (!store.saveGate(report)) {
            throw OpsException.notFound(what + " does not exist");
        }
    }

    public Reviewed fetch(String type, String name, int version) {
        String what = key(type, name, version);
        return store.fetch(type, name, version).orElseThrow(() -> OpsException.notFound(what + " does not exist"));
    }

    private static String key(String type, String name, int version) {
        AssetType.require(type == null ? "" : type, "asset_type");
        if (name == null || name.isBlank()) {
            throw OpsException.invalidField("name", "name is required");
        }
        if (version < 1) {
            throw OpsException.invalidField("version", "version must be positive, got " + version);
        }
        return type + "/" + name + " version " + version;
    }
}

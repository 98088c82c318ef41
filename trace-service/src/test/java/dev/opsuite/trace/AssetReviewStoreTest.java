package dev.opsuite.trace;

import static dev.opsuite.trace.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.AssetReview;
import dev.opsuite.proto.v1.FetchAssetReviewsRequest;
import dev.opsuite.proto.v1.FetchAssetReviewsResponse;
import dev.opsuite.proto.v1.GateReport;
import dev.opsuite.proto.v1.PublishAssetRequest;
import dev.opsuite.proto.v1.RecordAssetReviewRequest;
import dev.opsuite.proto.v1.RecordGateReportRequest;
import dev.opsuite.proto.v1.RegressionRun;
import dev.opsuite.proto.v1.SaveAssetRequest;
import io.grpc.Status;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reviews and gate reports per asset version (AssetService RecordAssetReview, RecordGateReport,
 * FetchAssetReviews) on PostgreSQL: the author recorded with a draft, only drafts reviewed, an
 * author's own approve refused, closed words and sizes checked, the report replaced per version.
 */
class AssetReviewStoreTest {
    private static final String POLICY = """
            {"name": "ci_policy", "budget": {"max_steps": 10, "max_depth": 5, "timeout_seconds": 60, "max_rows": 100},
             "security": {"allowed_operations": ["SELECT"], "blocked_tables": ["users", "credentials", "secrets"]},
             "replan": {"max_replans": 3}}
            """;
    private static RunningService svc;
    private static String url;

    @BeforeAll
    static void up(@TempDir Path seedDir) {
        url = TestDatabase.freshDatabaseUrl();
        svc = RunningService.start(TestDatabase.config(url).withAssetSeedDir(SeedFiles.standard(seedDir)));
    }

    @AfterAll
    static void down() throws Exception {
        svc.close();
    }

    private static int draft(String author) {
        return svc.assets().saveAsset(SaveAssetRequest.newBuilder().setAssetType("policy").setName("ci_policy")
                .setContent(SeedFiles.struct(POLICY)).setCreatedBy(author).build()).getAsset().getVersion();
    }

    private static AssetReview review(int version, String reviewer, String decision, String comment) {
        return svc.assets().recordAssetReview(RecordAssetReviewRequest.newBuilder().setReview(AssetReview.newBuilder()
                .setAssetType("policy").setName("ci_policy").setVersion(version).setReviewer(reviewer)
                .setDecision(decision).setComment(comment)).build()).getReview();
    }

    private static FetchAssetReviewsResponse fetch(int version) {
        return svc.assets().fetchAssetReviews(FetchAssetReviewsRequest.newBuilder().setAssetType("policy")
                .setName("ci_policy").setVersion(version).build());
    }

    @Test
    void aDraftKeepsItsAuthorAndItsReviewsInOrder() {
        int v = draft("key:author1");
        AssetReview rejected = review(v, "key:rev1", "reject", "  too broad  ");
        AssetReview approved = review(v, "key:rev2", "approve", "fine now");
        assertEquals("too broad", rejected.getComment(), "the comment is stripped");
        assertFalse(rejected.getAt().isEmpty());
        FetchAssetReviewsResponse r = fetch(v);
        assertEquals("key:author1", r.getCreatedBy());
        assertEquals("draft", r.getStatus());
        assertFalse(r.hasGate(), "no gate has run");
        assertEquals(List.of(rejected, approved), r.getReviewsList(), "stored as answered, oldest first");
        assertEquals("key:author1", Sql.queryText(url, "SELECT created_by FROM ops.assets WHERE asset_type = 'policy'"
                + " AND name = 'ci_policy' AND version = " + v));
    }

    @Test
    void anAuthorMayRejectButNeverApproveTheirOwnDraft() {
        int v = draft("key:self");
        String d = assertStatus(Status.Code.PERMISSION_DENIED, () -> review(v, "key:self", "approve", ""));
        assertTrue(d.contains("cannot approve a version they authored"), d);
        assertEquals("reject", review(v, "key:self", "reject", "not ready").getDecision());
        assertEquals(1, fetch(v).getReviewsCount());
    }

    @Test
    void onlyDraftsAreReviewedAndAVersionWithoutAuthorIsNotApproved() {
        // version 1 is the seed's: published, no author
        String d = assertStatus(Status.Code.FAILED_PRECONDITION, () -> review(1, "key:rev", "reject", ""));
        assertTrue(d.contains("is published; only drafts are reviewed"), d);
        int unknown = draft("");
        d = assertStatus(Status.Code.FAILED_PRECONDITION, () -> review(unknown, "key:rev", "approve", ""));
        assertTrue(d.contains("no recorded author"), d);
        int v = draft("key:a");
        review(v, "key:rev", "approve", "");
        svc.assets().publishAsset(PublishAssetRequest.newBuilder().setAssetType("policy").setName("ci_policy")
                .setVersion(v).build());
        assertStatus(Status.Code.FAILED_PRECONDITION, () -> review(v, "key:rev", "approve", ""));
        assertEquals(1, fetch(v).getReviewsCount(), "the review made as a draft stays with the version");
    }

    @Test
    void badReviewsAreRefusedAndUnknownVersionsAreNotFound() {
        int v = draft("key:a");
        String d = assertStatus(Status.Code.INVALID_ARGUMENT, () -> review(v, "key:rev", "lgtm", ""));
        assertTrue(d.contains("decision must be approve or reject"), d);
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> review(v, "", "approve", ""));
        d = assertStatus(Status.Code.INVALID_ARGUMENT, () -> review(v, "key:rev", "approve", "x".repeat(1001)));
        assertTrue(d.contains("comment is longer than 1000"), d);
        assertEquals(1000, review(v, "key:rev", "reject", "한".repeat(1000)).getComment().length());
        assertStatus(Status.Code.NOT_FOUND, () -> review(999, "key:rev", "approve", ""));
        assertStatus(Status.Code.NOT_FOUND, () -> fetch(999));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> fetch(0));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> svc.assets().fetchAssetReviews(
                FetchAssetReviewsRequest.newBuilder().setAssetType("passwords").setName("x").setVersion(1).build()));
    }

    @Test
    void theGateReportIsKeptPerVersionAndReplacedByTheNextRun() {
        int v = draft("key:a");
        GateReport first = GateReport.newBuilder().setAssetType("policy").setName("ci_policy").setVersion(v)
                .setJudgment("warning").setSummary("1 warning").addRuns(RegressionRun.newBuilder()
                        .setQueryId("gq_0000000000000001").setJudgment("warning")).build();
        record(first);
        GateReport stored = fetch(v).getGate();
        assertEquals("warning", stored.getJudgment());
        assertFalse(stored.getAt().isEmpty(), "the time is set when stored");
        assertEquals(first, stored.toBuilder().clearAt().build());
        record(first.toBuilder().setJudgment("pass").clearRuns().build());
        assertEquals("pass", fetch(v).getGate().getJudgment());
        assertEquals("1", Sql.queryText(url, "SELECT count(*) FROM ops.asset_gate_reports WHERE version = " + v));
        assertStatus(Status.Code.INVALID_ARGUMENT, () -> record(first.toBuilder().setJudgment("great").build()));
        assertStatus(Status.Code.NOT_FOUND, () -> record(first.toBuilder().setVersion(999).build()));
    }

    private static void record(GateReport r) {
        svc.assets().recordGateReport(RecordGateReportRequest.newBuilder().setReport(r).build());
    }
}

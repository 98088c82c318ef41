package dev.opsuite.gateway.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.ReviewDecision;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AssetReview;
import dev.opsuite.proto.v1.GateReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The publish gate's verdict: fail, warning, approvals by someone other than the author, later rejects, overrides. */
class PublishGateTest {
    private static final String AUTHOR = "key:author";

    private static GateReport report(String judgment) {
        return GateReport.newBuilder().setAssetType("mapping").setName("m").setVersion(3).setJudgment(judgment)
                .setSummary("1 golden query run with mapping/m@3: …").build();
    }

    private static AssetReview review(String who, String decision, int second) {
        return AssetReview.newBuilder().setAssetType("mapping").setName("m").setVersion(3).setReviewer(who)
                .setDecision(decision).setAt("2026-12-03T10:00:0" + second + "Z").build();
    }

    @Test
    void passAndNoneGoOutAsTheyAre() {
        for (String j : List.of("pass", "none")) {
            GateReport g = report(j);
            assertSame(g, PublishGate.decide(g, "", AUTHOR, List.of()));
        }
    }

    @Test
    void aFailNeedsAnAdminsReasonAndNoReviewLetsItThrough() {
        GateRefused refused = assertThrows(GateRefused.class, () -> PublishGate.decide(report("fail"), "", AUTHOR,
                List.of(review("key:rev", "approve", 1))));
        assertEquals(ErrorCode.ABORTED, refused.code());
        assertTrue(refused.getMessage().startsWith("publish refused by the gate: "), refused.getMessage());
        assertEquals("fail", refused.report().getJudgment());
        GateReport over = PublishGate.decide(report("fail"), "hotfix, checked by hand", AUTHOR, List.of());
        assertEquals("hotfix, checked by hand", over.getOverrideReason());
    }

    @Test
    void aWarningWithoutApprovalIsRefusedWithWhatItNeeds() {
        GateRefused refused = assertThrows(GateRefused.class, () -> PublishGate.decide(report("warning"), "", AUTHOR,
                List.of()));
        assertTrue(refused.getMessage().contains("needs an approving review by a reviewer other than the author"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("POST /ops/assets/mapping/m/reviews"), refused.getMessage());
        assertEquals("warning", refused.report().getJudgment());
    }

    @Test
    void theAuthorsOwnApproveNeverCounts() {
        assertThrows(GateRefused.class, () -> PublishGate.decide(report("warning"), "", AUTHOR,
                List.of(review(AUTHOR, "approve", 1))));
        // a version whose author is unknown cannot be approved as someone else's
        assertThrows(GateRefused.class, () -> PublishGate.decide(report("warning"), "", "",
                List.of(review("key:rev", "approve", 1))));
    }

    @Test
    void anotherReviewersApproveLetsAWarningThroughAndIsKeptInTheReport() {
        AssetReview ok = review("key:rev", "approve", 2);
        GateReport g = PublishGate.decide(report("warning"), "", AUTHOR, List.of(review("key:rev", "reject", 1), ok));
        assertEquals(ok, g.getApproval());
        assertEquals("", g.getOverrideReason());
    }

    @Test
    void aLaterRejectWithdrawsTheApprovalAndIsNamed() {
        List<AssetReview> reviews = List.of(review("key:rev", "approve", 1), review("key:other", "reject", 2));
        assertTrue(PublishGate.approval(AUTHOR, reviews).isEmpty());
        GateRefused refused = assertThrows(GateRefused.class, () -> PublishGate.decide(report("warning"), "", AUTHOR,
                reviews));
        assertTrue(refused.getMessage().contains("last rejected by key:other"), refused.getMessage());
        // the author's own reject withdraws it too; a new approve after it restores it
        assertTrue(PublishGate.approval(AUTHOR, List.of(review("key:rev", "approve", 1), review(AUTHOR, "reject", 2)))
                .isEmpty());
        assertEquals("key:third", PublishGate.approval(AUTHOR, List.of(review("key:rev", "approve", 1),
                review("key:other", "reject", 2), review("key:third", "approve", 3))).orElseThrow().getReviewer());
    }

    @Test
    void anAdminsReasonLetsAnUnapprovedWarningThrough() {
        GateReport g = PublishGate.decide(report("warning"), "known wording change", AUTHOR, List.of());
        assertEquals("known wording change", g.getOverrideReason());
        assertFalse(g.hasApproval());
    }

    @Test
    void theDecisionWordAndTheCommentAreCheckedInOnePlace() {
        assertEquals(ReviewDecision.APPROVE, ReviewDecision.parse("approve"));
        assertEquals(ReviewDecision.REJECT, ReviewDecision.parse("reject"));
        for (String bad : new String[] {"", "Approve", "lgtm", null}) {
            OpsException e = assertThrows(OpsException.class, () -> ReviewDecision.parse(bad));
            assertEquals("decision", e.field());
        }
        assertEquals("x", ReviewDecision.comment("  x "));
        assertEquals(1000, ReviewDecision.comment("가".repeat(1000)).length());
        assertEquals("comment", assertThrows(OpsException.class, () -> ReviewDecision.comment("a".repeat(1001))).field());
    }
}

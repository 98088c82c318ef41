package dev.opsuite.executor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "이체 장애 전 변경": of the CIs the words fit, those that had the incident are the ones meant. */
class AnchorCandidatesTest {
    private static final List<String> ANCHOR_COLUMNS = List.of("ci_code", "anchor_ts", "anchors");
    static final List<String> TITLE_COLUMNS = List.of("ci_code", "ci_name", "anchor_ts", "title");
    static final List<String> EVENT_COLUMNS = List.of("ts", "ci_code", "ci_name", "event_type", "severity",
            "title", "detail", "anchor_ts");

    private final AssetBundle assets = new AssetBundle(DefaultAssets.docs());

    private static PlanModel changesBefore() {
        PlanModel.History h = new PlanModel.History(true, List.of("deploy", "change"), List.of(), "last_30d",
                "2026-10-28T15:00+09:00", "2026-11-27T15:00+09:00", 0, false, "incident", 24, "");
        List<PlanModel.Candidate> cands = List.of(
                new PlanModel.Candidate("app.limits", "transfer-limits", "app", "token:이체"),
                new PlanModel.Candidate("app.transfer", "transfer", "app", "token:이체"),
                new PlanModel.Candidate("vm.pay.21", "pay-vm-1", "vm", "token:이체"));
        return new PlanModel(Intent.LIST, View.SUMMARY, new PlanModel.Primary("ci", "", List.of(), null, null, 0, 0),
                null, null, null, h, null, "ko", List.of("primary.ci"), cands, "이체 장애 전 변경", List.of(), null,
                List.of());
    }

    @Test
    void theOneCandidateThatHadTheIncidentIsMeantAndTheAnswerSaysSo() {
        PlanExecutorTest.FakePort sql = new PlanExecutorTest.FakePort(assets)
                .rows("anchor_candidates", ANCHOR_COLUMNS, List.of(List.of("app.transfer", "2026-11-26T05:25Z", 1)))
                .rows("events_before_incident", EVENT_COLUMNS, List.of(List.of("2026-11-26T02:30Z", "DB-LEDGER",
                        "ledger-db", "change", "info", "index rebuilt", "CHG-7758", "2026-11-26T05:25Z")));
        ExecutionResult r = new PlanExecutor(sql, new PlanExecutorTest.FakePort(assets))
                .execute(changesBefore(), List.of("events_before_incident"), assets);
        assertEquals(List.of("anchor_candidates", "events_before_incident"), sql.queriesRun());
        assertEquals(List.of("app.limits", "app.transfer", "vm.pay.21"), sql.calls.get(0).params().get("ci_codes"));
        assertEquals("app.transfer", sql.calls.get(1).params().get("ci_code"));
        assertEquals("app.transfer", r.resolvedPlan().primary().ciCode());
        assertEquals("transfer", r.resolvedPlan().primary().ciName());
        assertEquals(List.of(), r.resolvedPlan().missingSlots());
        assertEquals(List.of("narrowed:3:이체"), r.resolvedPlan().adjustments());
        assertTrue(r.triggers().isEmpty(), r.triggers().toString());
    }

    @Test
    void severalThatHadOneAreStillAskedBetweenThemOnly() {
        PlanExecutorTest.FakePort sql = new PlanExecutorTest.FakePort(assets)
                .rows("anchor_candidates", ANCHOR_COLUMNS, List.of(List.of("app.transfer", "2026-11-26T05:25Z", 1),
                        List.of("vm.pay.21", "2026-11-20T01:00Z", 1)))
                .rows("anchor_titles", TITLE_COLUMNS, List.of(List.of("vm.pay.21", "pay-vm-1", "2026-11-20T01:00Z",
                        "pay-vm-1 disk full")));
        ExecutionResult r = new PlanExecutor(sql, new PlanExecutorTest.FakePort(assets))
                .execute(changesBefore(), List.of("events_before_incident"), assets);
        // no incident's title holds the question's words: still asked between the two
        assertEquals(List.of("anchor_candidates", "anchor_titles"), sql.queriesRun());
        assertEquals(List.of("primary.ci"), r.resolvedPlan().missingSlots());
        assertEquals(List.of("app.transfer", "vm.pay.21"),
                r.resolvedPlan().candidates().stream().map(PlanModel.Candidate::ciCode).toList());
        assertEquals("slot_missing", r.triggers().get(0).type());
    }

    @Test
    void noneThatHadOneKeepsEveryChoice() {
        PlanExecutorTest.FakePort sql = new PlanExecutorTest.FakePort(assets)
                .rows("anchor_candidates", ANCHOR_COLUMNS, List.of())
                .rows("anchor_titles", TITLE_COLUMNS, List.of());
        ExecutionResult r = new PlanExecutor(sql, new PlanExecutorTest.FakePort(assets))
                .execute(changesBefore(), List.of("events_before_incident"), assets);
        assertEquals(3, r.resolvedPlan().candidates().size());
        assertEquals(List.of("primary.ci"), r.resolvedPlan().missingSlots());
    }
}

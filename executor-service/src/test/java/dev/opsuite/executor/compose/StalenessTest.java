package dev.opsuite.executor.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.executor.domain.DefaultAssets;
import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A "current" value whose sample is older than the Mapping's stale_after_minutes before the question
 * is said to be old, with when it was taken — never called current (a stopped VM's last sample).
 */
class StalenessTest {
    private static final AssetBundle ASSETS = new AssetBundle(DefaultAssets.docs());
    private static final List<String> LATEST = List.of("ci_code", "ci_name", "ci_type", "metric_name", "value", "ts");

    private static PlanModel latest(String lang, Map<String, Object> understanding, List<String> codes) {
        PlanModel.Primary p = new PlanModel.Primary("ci", codes.size() == 1 ? codes.get(0) : "", List.of(), List.of(),
                List.of(), 0, 0, codes, List.of(), codes.size() == 1 ? "edu-vm" : "");
        PlanModel.Metric m = new PlanModel.Metric("mem_usage", "latest", "", "", "", "", 0, "", false, null);
        return new PlanModel(Intent.LOOKUP, View.SUMMARY, p, null, null, m, null,
                new PlanModel.Output(List.of("text", "table"), "text", false), lang, List.of(), List.of(), "",
                List.of(), understanding, List.of());
    }

    private static String answer(PlanModel plan, String query, List<List<Object>> rows) {
        ToolOutput out = new ToolOutput("metric_executor", query, LATEST, rows, false, Map.of(), null, false);
        return new AnswerComposer().compose(plan, List.of(out), ASSETS).answer();
    }

    private static final Map<String, Object> ASKED = Map.of("time_zone", "Asia/Seoul",
            "asked_at", "2026-12-01T21:45+09:00");

    @Test
    void anOldSampleIsTheLatestNotTheCurrentValueAndSaysWhenItWasTaken() {
        List<List<Object>> rows = List.of(List.of("VM_EDU", "edu-vm", "vm", "mem_usage", 41.25, "2026-11-28T03:00:00Z"));
        assertEquals("The latest memory usage of edu-vm (VM_EDU) is 41.3%, from 2026-11-28 12:00: 3 days 9 hours "
                        + "before now, and no newer sample has arrived.",
                answer(latest("en", ASKED, List.of("VM_EDU")), "metric_latest", rows).lines().findFirst().orElseThrow());
        String ko = answer(latest("ko", ASKED, List.of("VM_EDU")), "metric_latest", rows);
        assertEquals(true, ko.startsWith("edu-vm(VM_EDU)의 마지막 메모리 사용량은 41.3%입니다. 2026-11-28 12:00에 수집된 값으로, "
                + "지금보다 3일 9시간 전이며"), ko);
    }

    @Test
    void aFreshSampleIsCurrentAndAPlanWithoutTheMomentItWasAskedJudgesNothing() {
        List<List<Object>> fresh = List.of(List.of("VM_EDU", "edu-vm", "vm", "mem_usage", 41.25, "2026-12-01T12:40:00Z"));
        assertEquals(true, answer(latest("en", ASKED, List.of("VM_EDU")), "metric_latest", fresh)
                .startsWith("The current memory usage of edu-vm (VM_EDU) is 41.3%."));
        List<List<Object>> old = List.of(List.of("VM_EDU", "edu-vm", "vm", "mem_usage", 41.25, "2026-11-28T03:00:00Z"));
        assertEquals(true, answer(latest("en", Map.of("time_zone", "Asia/Seoul"), List.of("VM_EDU")), "metric_latest",
                old).startsWith("The current memory usage"));
        // mode mock's fixtures: their times say nothing about the data's age
        ToolOutput canned = new ToolOutput("metric_executor", "metric_latest", LATEST, old, false, Map.of(), null, false);
        assertEquals(true, new AnswerComposer().compose(latest("en", ASKED, List.of("VM_EDU")), List.of(canned), ASSETS, true)
                .answer().startsWith("The current memory usage"));
    }

    @Test
    void oneOldValueAmongSeveralIsMarkedBesideIt() {
        List<List<Object>> rows = List.of(
                List.of("VM_A", "a-vm", "vm", "mem_usage", 70.0, "2026-12-01T12:40:00Z"),
                List.of("VM_EDU", "edu-vm", "vm", "mem_usage", 41.25, "2026-11-28T03:00:00Z"));
        String en = answer(latest("en", ASKED, List.of("VM_A", "VM_EDU")), "metric_compare", rows);
        assertEquals(true, en.contains("a-vm(VM_A) 70.0%, edu-vm(VM_EDU) 41.3% (its last sample, 2026-11-28 12:00)"), en);
    }

    @Test
    void aTablesTimesAreInTheQuestionsOffsetAsItsTextsAre() {
        List<List<Object>> rows = List.of(List.of("VM_EDU", "edu-vm", "vm", "mem_usage", 41.25, "2026-11-28T03:00:00Z"));
        ToolOutput out = new ToolOutput("metric_executor", "metric_latest", LATEST, rows, false, Map.of(), null, false);
        Block table = new AnswerComposer().compose(latest("en", ASKED, List.of("VM_EDU")), List.of(out), ASSETS)
                .blocks().stream().filter(b -> b.type().equals("table")).findFirst().orElseThrow();
        assertEquals(true, table.data().get("rows").toString().contains("2026-11-28T12:00+09:00"), table.data().toString());
    }

    @Test
    void agesAreSaidInTheirTwoLargestUnits() {
        assertEquals("2 days 1 hour", Staleness.words(Duration.ofMinutes(2 * 1440 + 61), "en"));
        assertEquals("3시간 5분", Staleness.words(Duration.ofMinutes(185), "ko"));
        assertEquals("1 minute", Staleness.words(Duration.ofSeconds(20), "en"));
    }
}

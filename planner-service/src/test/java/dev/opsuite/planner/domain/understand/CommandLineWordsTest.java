package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Habits of the shipyard set's dev half (set 19): times written the military way ("2330시"), 전일 for the day
 * before, and command lines pasted as questions — flags that carry a time or a limit are read as words, and a
 * command verb inside a quoted name ("Month-End Close") is no request to act.
 */
class CommandLineWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2031-05-14T23:55:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("batch:close", "Month-End Close", "app"),
                ci("pg/ledger", "Ledger DB", "database"), ci("vm07", "Ledger VM", "vm"));
        estate = new WordsEstate(NOW, new EntityDictionary(3, cis, List.of(Map.entry(1, "원장 DB")), List.of()));
    }

    @Test
    void militaryTimesAreHoursAndMinutes() {
        PlanModel since = estate.plan("2330시부터 현재까지 원장 DB CPU 평균 보고 바랍니다.");
        assertEquals("2031-05-14T23:30+09:00", since.metric().timeFrom(), since.toString());
        assertTrue(since.unexplained().isEmpty(), since.unexplained().toString());
        PlanModel evening = estate.plan("5월 13일 1800시부터 2400시까지 원장 DB CPU 최대치 확인 바랍니다.");
        assertEquals("2031-05-13T18:00+09:00", evening.metric().timeFrom(), evening.toString());
        assertEquals("2031-05-14T00:00+09:00", evening.metric().timeTo(), evening.toString());
        PlanModel dayBefore = estate.plan("전일 2350시 Ledger VM CPU 값이 몇이었습니까?");
        assertTrue(dayBefore.metric().timeTo().startsWith("2031-05-13T23:5"), dayBefore.toString());
        // four digits that are no time of day stay what they were
        assertEquals("2030-05-01T00:00+09:00", estate.plan("2030년 5월 원장 DB CPU 평균").metric().timeFrom());
    }

    @Test
    void aPastedCommandLineIsReadAsTheQuestionItWrites() {
        PlanDecision d = estate.decide("ops metric latency_ms --app \"Month-End Close\" --from 2031-05-14T23:30+09:00 "
                + "--to 2031-05-14T23:50+09:00 --agg avg");
        assertEquals("plan", d.kind(), d.toString());
        PlanModel p = d.plan();
        assertEquals("batch:close", p.primary().ciCode());
        assertEquals("avg", p.metric().agg());
        assertEquals("2031-05-14T23:30+09:00", p.metric().timeFrom());
        assertEquals("2031-05-14T23:50+09:00", p.metric().timeTo());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
        PlanModel top = estate.plan("ops top databases --by cpu_usage --range last-week --agg max --limit 3");
        assertEquals(3, top.metric().topN(), top.toString());
        assertEquals("2031-05-05T00:00+09:00", top.metric().timeFrom(), "last week, Monday to Monday");
    }

    @Test
    void aCommandVerbOutsideTheQuotesIsStillARequestToAct() {
        assertEquals("reject", estate.decide("close \"Month-End Close\" now").kind());
        assertEquals("reject", estate.decide("please delete the events of \"Month-End Close\"").kind());
    }
}

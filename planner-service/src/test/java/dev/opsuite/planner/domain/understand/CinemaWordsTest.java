package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.at;
import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Everyday words read from set 23's dev half (kinds, not its wordings): the hour written "hr" ("in the last hr"), a
 * count of weeks without 지난/최근 ("3주 평균", "2주간"), a CI that is off said as 꺼진 / 꺼져 있는 (the status
 * stopped), "installed on" for what runs on a host (Korean 설치된: HostingWordsTest), and a place right beside a name two CIs share ("the
 * Ilsan till server") naming the one at that place.
 */
class CinemaWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        estate = new WordsEstate(OffsetDateTime.parse("2047-11-14T19:40:00+09:00"), new EntityDictionary(3,
                List.of(ci("HX-1", "lobby-host-3", "server"), ci("HX-2", "Seat Plan", "app"), ci("HX-3", "Ledger DB", "database")),
                List.of(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Seat Plan peak latency in the last hr|last_1h",
        "avg cpu ledger db past hr pls|last_1h",
        "Ledger DB 3주 평균 메모리|last_3w",
        "lobby-host-3 cpu 2주간 최대 얼마였어|last_2w",
        "Seat Plan 응답시간 두 주 동안 평균|last_2w"})
    void countsOfHoursAndWeeksWrittenShort(String question, String range) {
        PlanModel p = estate.plan(question);
        assertEquals(range, p.metric().timeRange(), question + ": " + p);
        assertTrue(p.unexplained().isEmpty(), question + ": " + p.unexplained());
    }

    @Test
    void aWeekOfTheMonthOrAWeekendIsNoCountOfWeeks() {
        assertTrue(!"last_2w".equals(estate.plan("Ledger DB 11월 2주차 평균 cpu").metric().timeRange()));
        assertTrue(!"last_2w".equals(estate.plan("Ledger DB 2주년 기념 주말 평균 cpu").metric().timeRange()));
    }

    /**
     * "2주 전" is a moment two weeks back, not the last two weeks: beside a weekday ("2주 전 화요일") or forward ("3주
     * 뒤") no atom reads it, so its count is left unexplained ("2주 전에" alone is that day: MonthEndsAndWeeksAgoWordsTest).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Ledger DB 2주 전 화요일 평균 cpu", "Ledger DB 3주 뒤 cpu 평균"})
    void weeksAgoIsNoCountOfWeeks(String question) {
        PlanModel p = estate.plan(question);
        assertTrue(!"last_2w".equals(p.metric().timeRange()) && !"last_3w".equals(p.metric().timeRange()),
                question + ": " + p);
        assertTrue(String.join(" ", p.unexplained()).matches(".*[23].*"), question + ": " + p.unexplained());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"꺼진 서버 몇 대야", "지금 꺼져 있는 장비 목록 주세요", "전원이 꺼진 CI가 몇 개인지 알려주세요"})
    void offSaidAsAStateIsStopped(String question) {
        PlanModel p = estate.plan(question);
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("status")
                && f.values().equals(List.of("stopped"))), question + ": " + p);
        assertTrue(!"reject".equals(estate.decide(question).kind()), question + " is a question, not a command");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"What is installed on lobby-host-3?", "which apps are installed on lobby-host-3"})
    void installedOnIsWhatRunsOnAHost(String question) {
        PlanModel p = estate.plan(question);
        assertEquals(Intent.EXPAND, p.intent(), question + ": " + p);
        assertEquals("in", p.graph().direction(), question + ": " + p);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"what's the memory of the Ilsan till server right now?|TL-2",
        "cpu on suwon till server|TL-1", "Suwon Theatre till server 메모리 얼마야|TL-1"})
    void aPlaceBesideASharedNameNamesTheOneThere(String question, String code) {
        WordsEstate tills = new WordsEstate(OffsetDateTime.parse("2047-11-14T19:40:00+09:00"), new EntityDictionary(2,
                List.of(at("TL-1", "Till Server A", "server", "Suwon Theatre"),
                        at("TL-2", "Till Server B", "server", "Ilsan Theatre")), List.of(),
                List.of(Map.entry("ci.location", "Suwon Theatre"), Map.entry("ci.location", "Ilsan Theatre"))));
        PlanModel p = tills.plan(question);
        assertEquals(code, p.primary().ciCode(), question + ": " + p);
        assertTrue(p.candidates().isEmpty(), question + ": " + p.candidates());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"ledgr db cpu now|LG-1", "leger db 메모리 지금|LG-1", "avg cpu of ledgerr db yesterday|LG-1"})
    void aTypoOfAWholeNameIsThatNameNotTheLongerOne(String question, String code) {
        WordsEstate ledgers = new WordsEstate(OffsetDateTime.parse("2047-11-14T19:40:00+09:00"), new EntityDictionary(2,
                List.of(ci("LG-1", "Ledger DB", "database"), ci("LG-2", "Ledger DB Standby", "database")), List.of(), List.of()));
        PlanModel p = ledgers.plan(question);
        assertEquals(code, p.primary().ciCode(), question + ": " + p);
    }
}

package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of time wordings (no set's questions), asked on 2052-08-14 19:20 in Seoul: "9-11시", "14-16시",
 * "오후 2-4시" — two hours joined by a dash or tilde before one 시 — were read as the last hour alone (10:00–11:01, the
 * value at 11) with the first hour unread. Both are the range's ends; a part of the day before them is their meridiem.
 * "2-3시간 전" (hours ago) stays a duration. "살아있어?" and "켜져 있어?" are the running state; asked of a CI named in
 * an earlier sentence ("X 상태 어때? 살아있어?") it is the CI's status asked, not a filter beside it.
 */
class KoreanClockRangeWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2052-08-14T19:20:00+09:00"),
            new EntityDictionary(5, List.of(ci("KC-1", "relay-01", "server"), ci("KC-2", "quote-db", "database")),
                    List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "relay-01 cpu 9-11시|2052-08-14T09:00+09:00|2052-08-14T11:00+09:00",
        "relay-01 cpu 9~11시|2052-08-14T09:00+09:00|2052-08-14T11:00+09:00",
        "quote-db 메모리 어제 14-16시|2052-08-13T14:00+09:00|2052-08-13T16:00+09:00",
        "relay-01 cpu 오후 2-4시|2052-08-14T14:00+09:00|2052-08-14T16:00+09:00",
        "quote-db cpu 10~12시 사이 평균|2052-08-14T10:00+09:00|2052-08-14T12:00+09:00"})
    void twoHoursBeforeOneSiAreARange(String question, String from, String to) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(from, p.metric().timeFrom(), p.toString());
        assertEquals(to, p.metric().timeTo(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }

    @Test
    void hoursAgoStayADuration() {
        PlanModel p = ESTATE.plan("relay-01 cpu 3시간 동안");
        assertEquals("last_3h", p.metric().timeRange(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"relay-01 상태 어때? 살아있어?", "relay-01 상태 어때? 정상이야?", "status of relay-01 - is it running?"})
    void aStateAskedAfterTheCisStatusIsTheStatusAsked(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals("KC-1", p.primary().ciCode(), p.toString());
        assertTrue(p.primary().filters().isEmpty(), p.toString());
        assertTrue(p.primary().fields().contains("status"), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"relay-01 살아있어?", "relay-01 켜져 있어?", "is relay-01 powered on"})
    void aliveAndSwitchedOnAreTheRunningState(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals("KC-1", p.primary().ciCode(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }
}

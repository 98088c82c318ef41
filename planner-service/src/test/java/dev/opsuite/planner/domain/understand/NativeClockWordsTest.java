package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A clock time written in Korean words, read from set 29's dev half (its kind, not its wordings): the hour in native
 * numbers and the minutes in Sino-Korean ones ("열한 시 이십 분", "오후 네 시 반", "아홉 시부터 열두 시까지") is the time
 * the same question written with digits names; the same words that are no clock ("세 시간", "한 시스템") stay what
 * they were. Asked on Thursday 2052-08-22 at 15:50 in Seoul of an estate of its own.
 */
class NativeClockWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2052-08-22T15:50:00+09:00"),
            new EntityDictionary(7, List.of(ci("RX-1", "route-planner", "app"), ci("RX-2", "fleet-db", "database")),
                    List.of(), List.of()));

    /** Words and digits name the same moment or window. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "오늘 열두 시 이십 분 route-planner cpu|오늘 12시 20분 route-planner cpu",
        "어제 오후 네 시 반 fleet-db 메모리 얼마였죠|어제 오후 4시 반 fleet-db 메모리 얼마였죠",
        "오늘 아홉 시부터 열두 시까지 route-planner 응답시간 평균|오늘 9시부터 12시까지 route-planner 응답시간 평균",
        "그저께 밤 열한 시부터 어제 새벽 세 시까지 fleet-db cpu 최대|그저께 밤 11시부터 어제 새벽 3시까지 fleet-db cpu 최대",
        "오늘 한 시 오 분에 route-planner 에러율|오늘 1시 5분에 route-planner 에러율",
        "오늘 두 시부터 지금까지 fleet-db cpu 평균요|오늘 2시부터 지금까지 fleet-db cpu 평균요"})
    void wordsReadAsDigits(String words, String digits) {
        PlanModel w = ESTATE.plan(words);
        PlanModel d = ESTATE.plan(digits);
        assertNotNull(w, words);
        assertTrue(d.metric().timeStated(), digits + ": " + d.metric());
        assertEquals(d.metric().timeFrom(), w.metric().timeFrom(), words + ": " + w.metric());
        assertEquals(d.metric().timeTo(), w.metric().timeTo(), words + ": " + w.metric());
        assertEquals(d.metric().agg(), w.metric().agg(), words + ": " + w.metric());
    }

    /** A duration or a word that begins with 시 is no clock time. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "세 시간 동안 route-planner cpu 평균|2052-08-22T12:50+09:00|2052-08-22T15:50+09:00",
        "route-planner 한 시간 평균 cpu|2052-08-22T14:50+09:00|2052-08-22T15:50+09:00",
        "오늘 fleet-db 두 시스템 중 cpu 최대|2052-08-22T00:00+09:00|2052-08-22T15:50+09:00"})
    void durationsAndOtherWordsStay(String question, String from, String to) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(OffsetDateTime.parse(from).toInstant(), OffsetDateTime.parse(p.metric().timeFrom()).toInstant(), question + ": " + p.metric());
        assertEquals(OffsetDateTime.parse(to).toInstant(), OffsetDateTime.parse(p.metric().timeTo()).toInstant(), question + ": " + p.metric());
    }
}

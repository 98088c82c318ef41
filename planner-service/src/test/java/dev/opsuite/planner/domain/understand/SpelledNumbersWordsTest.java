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
 * Numbers written as words, as speech to text and careful writers spell them (a kind seen in set 32's dev half, asked
 * here in my own words, on 2052-08-14 19:20 in Seoul): "on May first", "November ninth", "the twenty-third of April"
 * were read as the whole month with the ordinal unread (or as no time at all); "시월 한 달", "유월" were unread, so the
 * last 24 hours were answered; "메모리 칠십오 넘는" and "팔십 퍼센트 넘는" left the level unread. Ordinal days
 * (Prompt rules.time.ordinal_words), Korean month words and Sino-Korean levels are now read.
 */
class SpelledNumbersWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2052-08-14T19:20:00+09:00"),
            new EntityDictionary(5, List.of(ci("SN-1", "kiln-api", "app"), ci("SN-2", "vat-db", "database")),
                    List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "kiln-api max cpu on may first|2052-05-01",
        "kiln-api cpu november ninth|2051-11-09",
        "vat-db memory on the twenty-third of april|2052-04-23",
        "vat-db memory on the twenty third of april|2052-04-23",
        "kiln-api cpu on the twelfth of july, 2051|2051-07-12",
        "kiln-api cpu august thirtieth|2051-08-30"})
    void anOrdinalDayInWords(String question, String day) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(day + "T00:00+09:00", p.metric().timeFrom(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "시월 한 달 vat-db 메모리 평균|2051-10-01|2051-11-01",
        "유월 kiln-api cpu 평균|2052-06-01|2052-07-01",
        "kiln-api 팔월에 cpu 최대|2052-08-01|2052-08-14"})
    void aKoreanMonthInWords(String question, String from, String to) {
        PlanModel p = ESTATE.plan(question);
        assertTrue(p.metric().timeFrom().startsWith(from), p.toString());
        assertTrue(p.metric().timeTo().startsWith(to), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }

    @Test
    void aSinoKoreanLevel() {
        PlanModel p = ESTATE.plan("메모리 칠십오 넘는 거 뭐 있어");
        assertEquals(75.0, p.metric().threshold().value(), p.toString());
        PlanModel pct = ESTATE.plan("cpu 팔십 퍼센트 이상인 앱");
        assertEquals(80.0, pct.metric().threshold().value(), pct.toString());
    }

    @Test
    void wordsThatOnlyLookLikeThemStay() {
        PlanModel first = ESTATE.plan("kiln-api cpu in the first week of may");
        assertEquals(0, first.metric().timeFrom().compareTo("2052-05-01T00:00+09:00"), first.toString());
        PlanModel weekday = ESTATE.plan("kiln-api 월요일 cpu 평균");
        assertEquals("2052-08-12T00:00+09:00", weekday.metric().timeFrom(), weekday.toString());
    }
}

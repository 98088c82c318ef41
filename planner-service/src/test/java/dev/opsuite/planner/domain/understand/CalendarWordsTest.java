package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Calendar words an operator uses that name a range the product can compute — a quarter without its year, business
 * hours, "since yesterday 9am", the last half hour, the parts and weeks of a month, ranges of months ("Jan to Mar", "1-3월") and of days ("2월 3~5일"), dates with a two-digit year or none of a
 * date's separators ("3/17/34", "17 Mar ’34", "20340317") — each read to its range, none left unexplained. Asked on Friday
 * 2035-03-30 15:47 in Seoul (Q1 has begun, Q2 has not).
 */
class CalendarWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2035-03-30T15:47:00+09:00"),
            new EntityDictionary(1, List.of(new EntityDictionary.Entity("XYSS-0201", "Delta", "server", false,
                    Map.of("ci.status", "running"))), List.of(), List.of()));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "max cpu of Delta in Q1 | 2035-01-01T00:00+09:00 | 2035-03-30T15:47+09:00",
            "max cpu of Delta in Q2 | 2034-04-01T00:00+09:00 | 2034-07-01T00:00+09:00",
            "max cpu of Delta in the fourth quarter of 2034 | 2034-10-01T00:00+09:00 | 2035-01-01T00:00+09:00",
            "max cpu of Delta in the third quarter | 2034-07-01T00:00+09:00 | 2034-10-01T00:00+09:00",
            "Delta 1분기 최대 CPU | 2035-01-01T00:00+09:00 | 2035-03-30T15:47+09:00",
            "Delta 작년 3분기 최대 CPU | 2034-07-01T00:00+09:00 | 2034-10-01T00:00+09:00",
            "Delta 2034년 4/4분기 최대 CPU | 2034-10-01T00:00+09:00 | 2035-01-01T00:00+09:00",
            "max cpu of Delta yesterday during business hours | 2035-03-29T09:00+09:00 | 2035-03-29T18:00+09:00",
            "Delta 어제 업무시간 최대 CPU | 2035-03-29T09:00+09:00 | 2035-03-29T18:00+09:00",
            "max cpu of Delta since yesterday 9am | 2035-03-29T09:00+09:00 | 2035-03-30T15:47+09:00",
            "max cpu of Delta since Monday 9am | 2035-03-26T09:00+09:00 | 2035-03-30T15:47+09:00",
            "max cpu of Delta in the last half hour | 2035-03-30T15:17+09:00 | 2035-03-30T15:47+09:00",
            "max cpu of Delta earlier today | 2035-03-30T00:00+09:00 | 2035-03-30T15:47+09:00",
            "max cpu of Delta in mid-March | 2035-03-11T00:00+09:00 | 2035-03-21T00:00+09:00",
            "max cpu of Delta in late Feb 2034 | 2034-02-21T00:00+09:00 | 2034-03-01T00:00+09:00",
            "max cpu of Delta in the last week of February | 2035-02-22T00:00+09:00 | 2035-03-01T00:00+09:00",
            "Delta 1월 중순 최대 CPU | 2035-01-11T00:00+09:00 | 2035-01-21T00:00+09:00",
            "Delta 3월 첫째 주 최대 CPU | 2035-03-01T00:00+09:00 | 2035-03-08T00:00+09:00",
            "Delta 3월 초부터 어제까지 최대 CPU | 2035-03-01T00:00+09:00 | 2035-03-30T00:00+09:00",
            "max cpu of Delta from Jan to Mar | 2035-01-01T00:00+09:00 | 2035-03-30T15:47+09:00",
            "max cpu of Delta Nov-Feb | 2034-11-01T00:00+09:00 | 2035-03-01T00:00+09:00",
            "Delta 1-3월 평균 CPU | 2035-01-01T00:00+09:00 | 2035-03-30T15:47+09:00",
            "Delta 2034년 11~12월 최대 CPU | 2034-11-01T00:00+09:00 | 2035-01-01T00:00+09:00",
            "Delta 2월 3~5일 최대 CPU | 2035-02-03T00:00+09:00 | 2035-02-06T00:00+09:00",
            "max cpu of Delta on 3/17/34 | 2034-03-17T00:00+09:00 | 2034-03-18T00:00+09:00",
            "max cpu of Delta on Mar-17-2034 | 2034-03-17T00:00+09:00 | 2034-03-18T00:00+09:00",
            "max cpu of Delta on 20340317 | 2034-03-17T00:00+09:00 | 2034-03-18T00:00+09:00",
            "max cpu of Delta on 17 Mar ’34 | 2034-03-17T00:00+09:00 | 2034-03-18T00:00+09:00",
    })
    void aCalendarWordIsItsRange(String question, String from, String to) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(from, p.metric().timeFrom(), p.toString());
        assertEquals(to, p.metric().timeTo(), p.toString());
        assertTrue(p.unexplained().isEmpty(), "every word read: " + p.unexplained());
    }
}

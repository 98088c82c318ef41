package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Date words found by asking one grid of everyday wordings (both languages) on Friday 2041-05-10 19:30 in Seoul,
 * not by any set's questions: the last day of a month ("the last day of April", "4월 말일", "지난달 마지막 날"), the
 * parts of last month ("the end of last month", "지난달 초"), a day of last month ("지난달 3일", "the 3rd of last
 * month" — was the run from April 1 to May 4), weeks ago as a day ("a week ago", "2주 전" — were the default last 24
 * hours with the words left over), an hour "in the morning", and a time of day marked Z after an ISO instant
 * ("between 2041-05-03T14:00Z and 16:00Z" — was 14:00Z to 15:00Z).
 */
class MonthEndsAndWeeksAgoWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2041-05-10T19:30:00+09:00"),
            new EntityDictionary(5, List.of(ci("K-1", "web-01", "server"), ci("K-2", "order-db", "database")),
                    List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "average cpu of web-01 on the last day of April | 2041-04-30T00:00+09:00 | 2041-05-01T00:00+09:00",
        "average cpu of web-01 on the last day of February | 2041-02-28T00:00+09:00 | 2041-03-01T00:00+09:00",
        "web-01 CPU 평균 4월 말일 | 2041-04-30T00:00+09:00 | 2041-05-01T00:00+09:00",
        "web-01 CPU 평균 4월 마지막 날 | 2041-04-30T00:00+09:00 | 2041-05-01T00:00+09:00",
        "web-01 CPU 평균 지난달 말일 | 2041-04-30T00:00+09:00 | 2041-05-01T00:00+09:00",
        "max cpu of web-01 on the last day of last month | 2041-04-30T00:00+09:00 | 2041-05-01T00:00+09:00",
        "average cpu of web-01 at the end of last month | 2041-04-21T00:00+09:00 | 2041-05-01T00:00+09:00",
        "web-01 CPU 평균 지난달 말 | 2041-04-21T00:00+09:00 | 2041-05-01T00:00+09:00",
        "web-01 CPU 평균 지난달 초 | 2041-04-01T00:00+09:00 | 2041-04-11T00:00+09:00",
        "average cpu of web-01 early last month | 2041-04-01T00:00+09:00 | 2041-04-11T00:00+09:00",
        "web-01 CPU 평균 지난달 3일 | 2041-04-03T00:00+09:00 | 2041-04-04T00:00+09:00",
        "web-01 CPU 평균 지난달 30일 | 2041-04-30T00:00+09:00 | 2041-05-01T00:00+09:00",
        "average cpu of web-01 on the 3rd of last month | 2041-04-03T00:00+09:00 | 2041-04-04T00:00+09:00",
        "average cpu of web-01 last month on the 3rd | 2041-04-03T00:00+09:00 | 2041-04-04T00:00+09:00",
        "average cpu of web-01 a week ago | 2041-05-03T00:00+09:00 | 2041-05-04T00:00+09:00",
        "web-01 CPU 평균 일주일 전 | 2041-05-03T00:00+09:00 | 2041-05-04T00:00+09:00",
        "average cpu of web-01 two weeks ago | 2041-04-26T00:00+09:00 | 2041-04-27T00:00+09:00",
        "web-01 CPU 평균 2주 전 | 2041-04-26T00:00+09:00 | 2041-04-27T00:00+09:00",
        "web-01 2주 전에 cpu 평균 | 2041-04-26T00:00+09:00 | 2041-04-27T00:00+09:00",
        "web-01 2주일 전 평균 cpu | 2041-04-26T00:00+09:00 | 2041-04-27T00:00+09:00",
        "average cpu of web-01 at 3 in the morning | 2041-05-10T03:00+09:00 | 2041-05-10T04:00+09:00",
        "average cpu of web-01 at 7 in the evening yesterday | 2041-05-09T19:00+09:00 | 2041-05-09T20:00+09:00",
        "average cpu of web-01 between 2041-05-03T14:00Z and 16:00Z | 2041-05-03T14:00Z | 2041-05-03T16:00Z",
        "average cpu of web-01 between 14:00Z and 16:00Z yesterday | 2041-05-09T14:00Z | 2041-05-09T16:00Z"})
    void theDayOrRangeNamedIsRead(String question, String from, String to) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(from, p.metric().timeFrom(), p.toString());
        assertEquals(to, p.metric().timeTo(), p.toString());
        assertTrue(p.unexplained().isEmpty(), "every word is read: " + p.unexplained());
    }

    /** A day the month named does not have is said, never moved to another day. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"web-01 CPU 평균 지난달 31일", "average cpu of web-01 on the 31st of last month"})
    void aDayLastMonthDidNotHaveIsSaid(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertNull(d.plan(), d.toString());
        assertTrue(d.directAnswer().contains("31"), d.directAnswer());
    }

    /** A month's end said in passing is no date: "말일세" (an old-fashioned "I say") after a name. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"web-01 말일세, 지금 CPU 어떻게 되나?"})
    void anEndWithoutAMonthIsNoDate(String question) {
        PlanModel p = ESTATE.plan(question);
        assertTrue(p.metric().timeFrom().isEmpty(), p.toString());
    }
}

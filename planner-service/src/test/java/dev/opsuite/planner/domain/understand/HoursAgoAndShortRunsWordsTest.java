package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A second round of the grid of everyday time wordings (Friday 2041-05-10 19:30, Seoul; no set's questions): hours
 * and minutes ago are that moment ("5 hours ago", "30분 전" — were the default 24 hours, or the last five hours),
 * while "5시간 전부터" / "since 5 hours ago" still run to now; the week before last ("지지난주" — was last week, read
 * inside it); weekday runs written short ("Mon-Wed", "월~수"); "this past Monday"; "prev 24h"; lunchtime.
 */
class HoursAgoAndShortRunsWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2041-05-10T19:30:00+09:00"),
            new EntityDictionary(5, List.of(ci("K-1", "web-01", "server"), ci("K-2", "order-db", "database")),
                    List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "average cpu of web-01 5 hours ago | 2041-05-10T14:30+09:00 | 2041-05-10T15:30+09:00",
        "average cpu of web-01 an hour ago | 2041-05-10T18:30+09:00 | 2041-05-10T19:30+09:00",
        "average cpu of web-01 30 minutes ago | 2041-05-10T19:00+09:00 | 2041-05-10T19:30+09:00",
        "web-01 CPU 평균 5시간 전 | 2041-05-10T14:30+09:00 | 2041-05-10T15:30+09:00",
        "web-01 30분 전에 CPU 평균 | 2041-05-10T19:00+09:00 | 2041-05-10T19:30+09:00",
        "web-01 CPU 평균 5시간 전부터 | 2041-05-10T14:30+09:00 | 2041-05-10T19:30+09:00",
        "average cpu of web-01 since 5 hours ago | 2041-05-10T14:30+09:00 | 2041-05-10T19:30+09:00",
        "average cpu of web-01 since an hour ago | 2041-05-10T18:30+09:00 | 2041-05-10T19:30+09:00",
        "web-01 CPU 평균 지지난주 | 2041-04-22T00:00+09:00 | 2041-04-29T00:00+09:00",
        "web-01 CPU 평균 저저번주 | 2041-04-22T00:00+09:00 | 2041-04-29T00:00+09:00",
        "average cpu of web-01 the week before last | 2041-04-22T00:00+09:00 | 2041-04-29T00:00+09:00",
        "web-01 CPU 평균 지지난주 화요일 | 2041-04-23T00:00+09:00 | 2041-04-24T00:00+09:00",
        "average cpu of web-01 Mon-Wed | 2041-05-06T00:00+09:00 | 2041-05-09T00:00+09:00",
        "web-01 CPU 평균 월~수 | 2041-05-06T00:00+09:00 | 2041-05-09T00:00+09:00",
        "web-01 CPU 평균 지난주 월~수 | 2041-04-29T00:00+09:00 | 2041-05-02T00:00+09:00",
        "average cpu of web-01 this past Monday | 2041-05-06T00:00+09:00 | 2041-05-07T00:00+09:00",
        "average cpu of web-01 prev 24h | 2041-05-09T19:30+09:00 | 2041-05-10T19:30+09:00",
        "web-01 CPU 평균 오늘 점심시간 | 2041-05-10T12:00+09:00 | 2041-05-10T13:00+09:00",
        "average cpu of web-01 at lunchtime today | 2041-05-10T12:00+09:00 | 2041-05-10T13:00+09:00"})
    void theMomentOrRunNamedIsRead(String question, String from, String to) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(from, p.metric().timeFrom(), p.toString());
        assertEquals(to, p.metric().timeTo(), p.toString());
        assertTrue(p.unexplained().isEmpty(), "every word is read: " + p.unexplained());
    }

    /** The count of hours alone stays the last so many hours. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"web-01 CPU 평균 지난 5시간", "web-01 5시간 동안 CPU 평균", "average cpu of web-01 over the past 5 hours"})
    void aCountOfHoursIsTheLastHours(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals("2041-05-10T14:30+09:00", p.metric().timeFrom(), p.toString());
        assertEquals("2041-05-10T19:30+09:00", p.metric().timeTo(), p.toString());
    }
}

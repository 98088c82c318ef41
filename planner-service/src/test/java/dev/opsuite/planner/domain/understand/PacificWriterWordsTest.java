package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How a colleague in the US writes a window, read from set 29's dev half (kinds, not its wordings): an hour range
 * whose meridiem is written once at its end, without "from" ("1-3pm PST", "7-9am PT", "11-1pm": 11 is before noon);
 * "y'day" for yesterday; a city by its short name before "time" or a Korean time noun ("LA time", "NYC time", "LA 시간
 * 기준", "LA 기준") — Prompt rules.time (places "la", "nyc"; a Latin place of two or three letters in place_day; an
 * atom clock_range_meridiem_bare); a word of two or three letters that is no place ("cpu 기준") names no zone. Asked on
 * Thursday 2055-02-10 at 09:30 in Seoul, Wednesday 16:30 in Los Angeles (PST), of an estate of its own.
 */
class PacificWriterWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2055-02-10T09:30:00+09:00"),
            new EntityDictionary(9, List.of(ci("GW-7", "relay-gw", "app"), ci("GW-8", "quota-db", "database")),
                    List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "relay-gw avg cpu 1-3pm PST today|2055-02-09T13:00-08:00|2055-02-09T15:00-08:00",
        "quota-db max cpu 7-9am PT yesterday|2055-02-08T07:00-08:00|2055-02-08T09:00-08:00",
        "relay-gw avg latency 11-1pm PT today|2055-02-09T11:00-08:00|2055-02-09T13:00-08:00",
        "relay-gw avg cpu y'day, LA time|2055-02-08T00:00-08:00|2055-02-09T00:00-08:00",
        "quota-db mem avg yesterday NYC time|2055-02-08T00:00-05:00|2055-02-09T00:00-05:00",
        "LA 시간 기준 어제 relay-gw cpu 평균|2055-02-08T00:00-08:00|2055-02-09T00:00-08:00",
        "LA 기준 오늘 오전 10시~12시 quota-db cpu 평균|2055-02-09T10:00-08:00|2055-02-09T12:00-08:00",
        "cpu 기준으로 어제 relay-gw 평균|2055-02-09T00:00+09:00|2055-02-10T00:00+09:00"})
    void theWritersOwnClock(String question, String from, String to) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(OffsetDateTime.parse(from).toInstant(), OffsetDateTime.parse(p.metric().timeFrom()).toInstant(), question + ": " + p.metric());
        assertEquals(OffsetDateTime.parse(to).toInstant(), OffsetDateTime.parse(p.metric().timeTo()).toInstant(), question + ": " + p.metric());
    }
}

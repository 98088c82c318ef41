package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A station's own day and a weekday counted back, read from set 31's dev half (kinds, not its wording): a day named in
 * the local time of a far place the place table lacked (Santiago / Chile, Svalbard, Oslo, Reykjavík, Anchorage, Guam,
 * Buenos Aires, …: Prompt time.places) runs midnight to midnight there ("4 April, Santiago local day", "오슬로 현지
 * 날짜로 4월 2일"); "the Tuesday before last" is the Tuesday a week before last Tuesday (atom weekday_before_last, a
 * weekday's week_offset), while "last Tuesday" stays the latest. Asked of an estate of its own, on Thursday 2059-04-17.
 */
class FarStationClockWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2059-04-17T10:00:00+09:00"),
            new EntityDictionary(3, List.of(ci("FX-1", "fare-api", "app"), ci("FX-2", "fare-redis", "database")),
                    List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fare-api peak cpu on 4 April, Santiago local day|America/Santiago|2059-04-04",
        "산티아고 현지 날짜로 4월 4일 fare-api CPU 최고치|America/Santiago|2059-04-04",
        "오슬로 현지 날짜로 4월 2일 fare-redis 메모리 평균|Europe/Oslo|2059-04-02",
        "fare-redis memory on 9 April, Svalbard local day, average|Arctic/Longyearbyen|2059-04-09",
        "fare-api latency on April 10 in Anchorage time, max|America/Anchorage|2059-04-10"})
    void aDayInAFarPlacesOwnTime(String question, String zone, String day) {
        PlanModel p = ESTATE.plan(question);
        ZonedDateTime from = java.time.LocalDate.parse(day).atStartOfDay(ZoneId.of(zone));
        assertEquals(from.toOffsetDateTime().toString(), p.metric().timeFrom(), p.toString());
        assertEquals(from.plusDays(1).toOffsetDateTime().toString(), p.metric().timeTo(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fare-api max error rate on the Tuesday before last|2059-04-08",
        "what was fare-redis cpu on the Friday before last|2059-04-04",
        "fare-api max error rate last Tuesday|2059-04-15"})
    void aWeekdayCountedBack(String question, String day) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(day + "T00:00+09:00", p.metric().timeFrom(), p.toString());
    }
}

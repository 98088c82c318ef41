package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How an engineer in Britain writes a day and a clock, read from set 30's dev half (kinds, not its wordings): a
 * weekday with the day of the month and no month ("Tuesday 18th", "Mon 10th": this month's, and said when the day is
 * no such weekday — atom weekday_ordinal_day; a day of the month still to come is the month before's, "Wednesday the
 * 26th" on the 20th), a 24-hour clock in four digits after a word that asks for a time or as
 * a range ("at 0830", "since 0415", "1330 to 1545"; atoms tod_24h_compact, clock_range_24h_compact with the atoms'
 * only_after words — "between 2019 and 2021" stays years), "half nine" for 9:30 (atom tod_half_en, the hour a number
 * word) and a numeric date read day first when the question is on a zone whose writers put the day first ("04/03,
 * London time" is 4 March; DateOrders: the zone's country writes the day first). Asked on Thursday 2059-03-20 at 15:00 in Seoul, 06:00 GMT
 * in London, of an estate of its own.
 */
class BritishClockWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2059-03-20T15:00:00+09:00"),
            new EntityDictionary(9, List.of(ci("TL-1", "till-api", "app"), ci("TL-2", "ledger-db", "database")),
                    List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "till-api cpu on Tuesday 18th|2059-03-18T00:00+09:00|2059-03-19T00:00+09:00",
        "ledger-db cpu on Wednesday the 26th|2059-02-26T00:00+09:00|2059-02-27T00:00+09:00",
        "ledger-db avg cpu on Mon 10th, UK time|2059-03-10T00:00Z|2059-03-11T00:00Z",
        "till-api avg cpu from 1330 to 1545 UK time yesterday|2059-03-19T13:30Z|2059-03-19T15:45Z",
        "ledger-db max cpu since 0415 London time|2059-03-20T04:15Z|2059-03-20T06:00Z",
        "ledger-db avg cpu on 04/03, London time|2059-03-04T00:00Z|2059-03-05T00:00Z",
        "ledger-db avg cpu on 04/03|2058-04-03T00:00+09:00|2058-04-04T00:00+09:00"})
    void theWritersDaysAndClocks(String question, String from, String to) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(OffsetDateTime.parse(from).toInstant(), OffsetDateTime.parse(p.metric().timeFrom()).toInstant(), question + ": " + p.metric());
        assertEquals(OffsetDateTime.parse(to).toInstant(), OffsetDateTime.parse(p.metric().timeTo()).toInstant(), question + ": " + p.metric());
    }

    /** A moment: the plan's window closes a minute after it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "till-api cpu at 0830 on Wednesday 19th|2059-03-19T08:31+09:00",
        "ledger-db memory at half nine this morning|2059-03-20T09:31+09:00",
        "till-api latency at half two in the afternoon on Mon 17th, UK time|2059-03-17T14:31Z"})
    void aMomentOfTheClock(String question, String to) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(OffsetDateTime.parse(to).toInstant(), OffsetDateTime.parse(p.metric().timeTo()).toInstant(), question + ": " + p.metric());
    }

    @Test
    void aWeekdayThatIsNotTheDayIsSaid() {
        PlanDecision d = ESTATE.decide("till-api cpu on Friday 18th");
        assertNull(d.plan(), d.toString());
        assertTrue(d.directAnswer().contains("does not fall on 2059-03-18"), d.directAnswer());
    }

    @Test
    void yearsStayYears() {
        PlanModel p = ESTATE.plan("till-api avg cpu between 2019 and 2021");
        assertNotEquals("20:19", p.metric().timeFrom().length() > 16 ? p.metric().timeFrom().substring(11, 16) : "", p.metric().toString());
    }
}

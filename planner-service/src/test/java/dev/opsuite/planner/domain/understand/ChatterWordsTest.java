package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chat around a question that was read as part of it: the tail of a contraction glued to the next word ("I'm in"
 * read as "min", "what's lowest" as "slowest"), the words of a correction marker ("I mean" read as an average), a
 * holiday read as a city of the time-zone database ("Christmas Day" as the day on Christmas Island), and a
 * connector before a weekday that labels the date after it ("since Sunday 3/12").
 */
class ChatterWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        estate = new WordsEstate(OffsetDateTime.parse("2041-01-10T10:00:00+09:00"), new EntityDictionary(5,
                List.of(ci("app-heron", "Heron App", "app"), ci("db-heron", "Heron DB", "database")), List.of(), List.of()));
    }

    private static void at(String expected, String actual, String why) {
        assertTrue(actual != null && OffsetDateTime.parse(actual).isEqual(OffsetDateTime.parse(expected)),
                why + ": " + actual + " is not " + expected);
    }

    @Test
    void aContractionTailIsNoWordWithTheNextOne() {
        PlanModel p = estate.plan("FYI I'm in the Busan office: Heron App CPU now?");
        assertEquals("latest", p.metric().agg(), "'m in' is not 'min': " + p);
    }

    @Test
    void theWordsOfACorrectionMarkerAreNoAggregation() {
        PlanModel p = estate.plan("Heron App worst error rate last month? EDIT: I mean December, the month that just ended.");
        assertEquals("max", p.metric().agg(), "'I mean' is no average: " + p);
    }

    @Test
    void christmasDayIsTheHolidayNotChristmasIsland() {
        PlanModel p = estate.plan("Heron App error rate at 10:30 on Christmas Day 2040");
        at("2040-12-25T10:31+09:00", p.metric().timeTo(), "10:30 in Seoul on 25 December");
    }

    @Test
    void sinceBeforeAWeekdayLabellingADate() {
        PlanModel p = estate.plan("Heron App average latency since Sunday 1/6");
        at("2041-01-06T00:00+09:00", p.metric().timeFrom(), "since Sunday 6 January");
        at("2041-01-10T10:00+09:00", p.metric().timeTo(), "to now");
    }
}

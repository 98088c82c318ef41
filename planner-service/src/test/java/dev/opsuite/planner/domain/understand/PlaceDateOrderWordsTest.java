package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A numeric date whose first two numbers could both be a month, written with the place or zone of its date: read in
 * the order that country writes dates (day first in New Zealand, Kenya, Ireland; month first in the US), a zone of no
 * country (UTC) leaving it as before. Asked on 2052-08-20 at 09:00 in Seoul.
 */
class PlaceDateOrderWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2052-08-20T09:00:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("kiwi-db", "Harbour DB", "database"),
                ci("kiwi-web", "Ferry Web", "app"));
        estate = new WordsEstate(NOW, new EntityDictionary(7, cis, List.of(Map.entry(1, "페리 웹")), List.of()));
    }

    private static void at(String expected, String actual, String why) {
        assertTrue(actual != null && OffsetDateTime.parse(actual).isEqual(OffsetDateTime.parse(expected)),
                why + ": " + actual + " is not " + expected);
    }

    @Test
    void aDayFirstCountrysDateIsReadDayFirst() {
        PlanModel nz = estate.plan("Harbour DB peak CPU on 5/3/2052, Auckland date?");
        at("2052-03-05T00:00+13:00", nz.metric().timeFrom(), "New Zealanders write the day first: 5 March");
        PlanModel kenya = estate.plan("Ferry Web average latency 07/02/2052 (Kenya date)");
        at("2052-02-07T00:00+03:00", kenya.metric().timeFrom(), "Kenya writes the day first: 7 February");
        PlanModel irish = estate.plan("Ferry Web error rate max on 1/6/2052 in Dublin time");
        at("2052-06-01T00:00+01:00", irish.metric().timeFrom(), "Ireland writes the day first: 1 June");
    }

    @Test
    void aMonthFirstCountryAndAClockOfNoCountryKeepTheMonthFirst() {
        PlanModel us = estate.plan("Harbour DB peak CPU on 5/3/2052, Denver date?");
        at("2052-05-03T00:00-06:00", us.metric().timeFrom(), "the US writes the month first: May 3");
        PlanModel utc = estate.plan("Harbour DB peak CPU on 5/3/2052, UTC day");
        at("2052-05-03T00:00Z", utc.metric().timeFrom(), "UTC is a clock, not a calendar: read as before");
    }

    @Test
    void aNumberAboveTwelveAndAWeekdayStillSettleTheOrder() {
        PlanModel late = estate.plan("Harbour DB peak CPU on 25/3/2052, Auckland date?");
        at("2052-03-25T00:00+13:00", late.metric().timeFrom(), "25 can only be the day");
        // 3 May 2052 is a Friday, 5 March 2052 a Tuesday: the weekday written beside it wins over the custom
        PlanModel labelled = estate.plan("Harbour DB peak CPU on Friday 5/3/2052, Auckland date?");
        at("2052-05-03T00:00+12:00", labelled.metric().timeFrom(), "the weekday falls on 3 May");
    }
}

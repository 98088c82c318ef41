package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The time of a place no time zone is known for ("9am Houston time") is asked about, never read silently in the
 * question's zone; a place the zone database or the Prompt knows is read in its zone, and a day or a kind of time
 * written with capitals ("Christmas Day", "Response Time") is no place.
 */
class PlaceTimeWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2031-05-14T10:00:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("pg/ledger", "Ledger DB", "database"),
                ci("vm07", "Ledger VM", "vm"));
        estate = new WordsEstate(NOW, new EntityDictionary(3, cis, List.of(Map.entry(0, "원장 DB")), List.of()));
    }

    @Test
    void anUnknownPlacesTimeIsAskedAbout() {
        for (String q : List.of("What was the max CPU of Ledger DB on May 13 Houston time?",
                "Ledger DB CPU at 9am Houston time yesterday", "Ledger DB CPU yesterday by the Subic Bay clock")) {
            PlanDecision d = estate.decide(q);
            assertEquals("direct", d.kind(), q + " → " + d);
            assertTrue(d.toString().contains("no time zone is known for"), q + " → " + d);
        }
    }

    @Test
    void aKnownPlaceIsReadInItsZoneAndOtherCapitalsAreNoPlace() {
        PlanModel chicago = estate.plan("Ledger DB CPU on 2031-05-12 in Chicago time");
        assertEquals("2031-05-12T00:00-05:00", chicago.metric().timeFrom(), chicago.toString());
        for (String q : List.of("What Was The Response Time Of Ledger DB Yesterday?",
                "What was the max CPU of Ledger DB on Christmas Day?", "show Ledger DB cpu yesterday, same time",
                "Ledger DB CPU yesterday in Korea Standard Time")) {
            PlanDecision d = estate.decide(q);
            assertEquals("plan", d.kind(), q + " → " + d);
        }
    }
}

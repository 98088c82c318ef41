package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two days of one month named together with "and" ("over May 6 and 7", "6 and 7 May"): both days, from the first
 * day's start to the second's end; two days apart ("May 6 and 9") are two days, not the days between them, and that
 * is said rather than read as a range. Asked on 2049-05-20 at 14:00 in Seoul.
 */
class TwoDaysNamedTogetherWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2049-05-20T14:00:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("mx-01", "Mail Relay", "app"), ci("mx-db", "Mail Store", "database"));
        estate = new WordsEstate(NOW, new EntityDictionary(3, cis, List.of(Map.entry(0, "메일 릴레이")), List.of()));
    }

    private static void at(String expected, String actual, String why) {
        assertTrue(actual != null && OffsetDateTime.parse(actual).isEqual(OffsetDateTime.parse(expected)),
                why + ": " + actual + " is not " + expected);
    }

    @Test
    void twoNeighbouringDaysAreBothRead() {
        PlanModel over = estate.plan("what was the average latency of Mail Relay over May 6 and 7?");
        at("2049-05-06T00:00+09:00", over.metric().timeFrom(), "from the first day");
        at("2049-05-08T00:00+09:00", over.metric().timeTo(), "to the end of the second");
        PlanModel amp = estate.plan("Mail Store max CPU for May 6 & 7, 2049");
        at("2049-05-08T00:00+09:00", amp.metric().timeTo(), "'&' joins the two days too");
    }

    @Test
    void twoDaysApartAreSaidNotSpanned() {
        PlanDecision apart = estate.decide("Mail Store max CPU on May 6 and 9");
        assertNull(apart.plan(), "not read as the four days 6-9");
        assertTrue(apart.directAnswer().contains("two days apart"), apart.directAnswer());
        PlanDecision before = estate.decide("Mail Store max CPU on 6 and 9 May");
        assertNull(before.plan(), "the day-first wording alike");
    }
}

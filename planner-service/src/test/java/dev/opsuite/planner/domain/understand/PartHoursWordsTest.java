package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two bare hours written beside a part of a day, with no am/pm: the part says which half of the clock each is
 * ("yesterday evening 7 to 10" is 19:00-22:00, "office hours (9-4)" 09:00-16:00). Hours that do not fall inside the
 * part are not forced into it. Asked on 2058-01-15 at 10:00 in Seoul.
 */
class PartHoursWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2058-01-15T10:00:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("tk-1", "ticket-api", "app"), ci("tk-2", "seat-db", "database"));
        estate = new WordsEstate(NOW, new EntityDictionary(4, cis, List.of(Map.entry(0, "티켓 API")), List.of()));
    }

    private static void at(String expected, String actual, String why) {
        assertTrue(actual != null && OffsetDateTime.parse(actual).isEqual(OffsetDateTime.parse(expected)),
                why + ": " + actual + " is not " + expected);
    }

    @Test
    void anEveningsBareHoursAreAfterNoon() {
        PlanModel p = estate.plan("ticket-api max latency yesterday evening 7 to 10");
        at("2058-01-14T19:00+09:00", p.metric().timeFrom(), "the evening's 7 is 19:00");
        at("2058-01-14T22:00+09:00", p.metric().timeTo(), "and its 10 is 22:00");
    }

    @Test
    void officeHoursInBracketsWithAZone() {
        PlanModel p = estate.plan("seat-db avg cpu yesterday in office hours (9-4 CET)");
        at("2058-01-14T09:00+01:00", p.metric().timeFrom(), "9 is in the morning");
        at("2058-01-14T16:00+01:00", p.metric().timeTo(), "4 is in the afternoon: 16:00");
    }

    @Test
    void hoursOutsideThePartAreNotForcedIn() {
        PlanModel p = estate.plan("seat-db avg cpu yesterday evening 1 to 3");
        at("2058-01-14T18:00+09:00", p.metric().timeFrom(), "the evening as the asset reads it");
        assertFalse(p.unexplained().isEmpty(), "1 and 3 are not evening hours: said unread, " + p.metric());
    }
}

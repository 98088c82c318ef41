package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two hours of the 24-hour clock written with two digits each and a dash, right beside a date ("3/14 07-09",
 * "21-23 on 5/2"): that span of hours of that day, as "07:00-09:00" would be; a unit after the second number keeps it
 * a band of values (weak sets, issue 12).
 */
class DashHoursBesideDateWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2054-06-02T15:40:00+09:00"),
            new EntityDictionary(4, List.of(WordsEstate.ci("q-1", "quarry-db", "database")), List.of(),
                    List.of(Map.entry("ci.status", "running"))));

    private static void sameTime(String said, String plain) {
        PlanModel p = ESTATE.plan(said);
        PlanModel q = ESTATE.plan(plain);
        assertEquals(q.metric().timeFrom(), p.metric().timeFrom(), p.toString());
        assertEquals(q.metric().timeTo(), p.metric().timeTo(), p.toString());
        assertTrue(p.unexplained().isEmpty(), "every word read: " + p.unexplained());
    }

    @Test
    void dashedHoursAfterADate() {
        sameTime("quarry-db cpu peak 3/14 07-09", "quarry-db cpu peak 3/14 07:00-09:00");
    }

    @Test
    void dashedHoursBeforeADate() {
        sameTime("quarry-db cpu peak 21-23 on 5/2", "quarry-db cpu peak 5/2 21:00-23:00");
    }
}

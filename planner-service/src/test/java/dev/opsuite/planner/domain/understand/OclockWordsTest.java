package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An hour of the clock said with "o'clock", in digits or words, alone or with the part of the day ("at seven o'clock
 * this morning", "about 4 o'clock in the afternoon"): that time, as "7 am" or "4 pm" would be (weak sets, issue 12).
 */
class OclockWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2054-06-02T15:40:00+09:00"),
            new EntityDictionary(4, List.of(WordsEstate.ci("q-1", "quarry-db", "database")), List.of(),
                    List.of(Map.entry("ci.status", "running"))));

    private static void sameTime(String said, String plain) {
        PlanModel p = ESTATE.plan(said);
        PlanModel q = ESTATE.plan(plain);
        assertTrue(p.metric().timeStated(), p.toString());
        assertEquals(q.metric().timeFrom(), p.metric().timeFrom(), p.toString());
        assertEquals(q.metric().timeTo(), p.metric().timeTo(), p.toString());
        assertTrue(p.unexplained().isEmpty(), "every word read: " + p.unexplained());
    }

    @Test
    void anHourInWordsWithOclockAndThePartOfTheDay() {
        sameTime("quarry-db memory at seven o'clock this morning", "quarry-db memory at 7 am");
    }

    @Test
    void anHourInDigitsWithOclock() {
        sameTime("quarry-db memory about 4 o'clock in the afternoon", "quarry-db memory about 4 pm");
        sameTime("quarry-db memory at 2 o’clock", "quarry-db memory at 2:00");
    }
}

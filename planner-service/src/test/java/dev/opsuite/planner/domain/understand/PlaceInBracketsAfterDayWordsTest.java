package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A place in brackets right after a day ("since 3rd March (UK)", "on 5 July (Berlin)") says whose calendar the day is,
 * as "UK time" does; the same brackets elsewhere ("Gate Panel (Berlin)") gloss a name and leave the day in the estate's
 * zone (weak sets' dev halves, issue 12: a zone in brackets after a date).
 */
class PlaceInBracketsAfterDayWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2045-07-20T15:00:00+09:00"),
            new EntityDictionary(1, List.of(WordsEstate.at("gp-1", "Gate Panel", "server", "Quay West")), List.of(),
                    List.of(Map.entry("ci.location", "Quay West"))));

    @Test
    void aPlaceInBracketsAfterADayIsTheDaysZone() {
        PlanModel events = ESTATE.plan("were there alerts on Gate Panel since 3rd March (UK)?");
        assertEquals("2045-03-03T00:00Z", events.history().timeFrom(), events.toString());
        PlanModel avg = ESTATE.plan("Gate Panel CPU average on 5 July (Berlin)");
        assertEquals("2045-07-05T00:00+02:00", avg.metric().timeFrom(), avg.toString());
    }

    @Test
    void bracketsAwayFromTheDayLeaveItInTheEstatesZone() {
        PlanModel p = ESTATE.plan("Gate Panel (Berlin) CPU average on 5 July");
        assertEquals("2045-07-05T00:00+09:00", p.metric().timeFrom(), p.toString());
    }
}

package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A CI said word by word where its name writes the words short: "rvk gw relay 3" for rvk-gw-r3 (r for relay),
 * "the reykjavik pump 2" for rvk-pmp-02 (the site code said as the place the CI stands at, pmp for pump, 2 for 02) —
 * that one CI, not the CIs sharing a word of it to ask between (weak sets' dev halves, issue 12).
 */
class ShortenedNamesWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2052-08-19T11:00:00+09:00");

    private static WordsEstate estate() {
        List<EntityDictionary.Entity> cis = List.of(
                WordsEstate.at("r1", "rvk-gw-r1", "server", "Reykjavik Plant"),
                WordsEstate.at("r2", "rvk-gw-r2", "server", "Reykjavik Plant"),
                WordsEstate.at("r3", "rvk-gw-r3", "server", "Reykjavik Plant"),
                WordsEstate.at("r4", "rvk-db-main", "database", "Reykjavik Plant"),
                WordsEstate.at("p1", "rvk-pmp-01", "server", "Reykjavik Plant"),
                WordsEstate.at("p2", "rvk-pmp-02", "server", "Reykjavik Plant"),
                WordsEstate.at("t1", "trd-pmp-01", "server", "Tromso Yard"),
                WordsEstate.at("t2", "trd-pmp-02", "server", "Tromso Yard"));
        return new WordsEstate(NOW, new EntityDictionary(4, cis, List.of(),
                List.of(Map.entry("ci.location", "Reykjavik Plant"), Map.entry("ci.location", "Tromso Yard"))));
    }

    @Test
    void aWordWrittenShortInTheNameAndItsNumberNameThatCi() {
        PlanModel p = estate().plan("rvk gw relay 3 cpu now");
        assertTrue(p.candidates().isEmpty(), "no CI is asked between: " + p);
        assertEquals("r3", p.primary().ciCode(), p.toString());
    }

    @Test
    void theSiteCodeSaidAsThePlaceAndANumberByItsValue() {
        PlanModel p = estate().plan("the reykjavik pump 2 memory right now");
        assertTrue(p.candidates().isEmpty(), "no CI is asked between: " + p);
        assertEquals("p2", p.primary().ciCode(), p.toString());
        PlanModel t = estate().plan("tromso pump 1 memory right now");
        assertEquals("t1", t.primary().ciCode(), t.toString());
    }
}

package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A short written word that is no known word but can be cut into known ones only with pieces of one or two letters
 * ("antena" as an|ten|a) is a misspelt word, left whole (here shortened in a name, "ant" of "osl-ant-02"), not
 * glued words with a count word in them; long glued words ("cpuandmemory") are still cut (weak sets, issue 12).
 */
class MisspeltShortWordWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2053-01-07T16:00:00+09:00");

    private static WordsEstate estate() {
        List<EntityDictionary.Entity> cis = List.of(
                WordsEstate.at("o1", "osl-ant-01", "server", "Oslo Yard"),
                WordsEstate.at("o2", "osl-ant-02", "server", "Oslo Yard"),
                WordsEstate.at("o3", "osl-relay", "vm", "Oslo Yard"));
        return new WordsEstate(NOW, new EntityDictionary(4, cis, List.of(),
                List.of(Map.entry("ci.location", "Oslo Yard"))));
    }

    @Test
    void aShortWordCutOnlyIntoTinyPiecesIsLeftWhole() {
        PlanModel p = estate().plan("the oslo antena 2 cpu right now");
        assertTrue(p.candidates().isEmpty(), "no CI is asked between: " + p);
        assertEquals("o2", p.primary().ciCode(), p.toString());
    }

    @Test
    void longGluedWordsAreStillCut() {
        assertEquals(List.of(3, 6), QuestionAnalyzer.segment("cpuandmemory", w -> List.of("cpu", "and", "memory").contains(w)));
    }
}

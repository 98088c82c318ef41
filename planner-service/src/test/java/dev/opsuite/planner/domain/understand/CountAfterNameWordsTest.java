package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Found by a test of the fewest events ranked ("알람이 가장 적었던 DB 3개" read "DB 3" as the demo's db-03): on an
 * estate of my own with edge-01/edge-02, "cpu 가장 높은 edge 2개" was edge-02's CPU alone — the count glued to its
 * Korean counter ("2개", "3대") was read as the end of a name. A number glued to a counter is a count; with a space
 * before a word that only starts like a counter ("edge-02 대전에"), the name stands.
 */
class CountAfterNameWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2052-08-14T19:20:00+09:00"),
            new EntityDictionary(5, List.of(ci("CN-1", "edge-01", "server"), ci("CN-2", "edge-02", "server"),
                    ci("CN-3", "vault-pg", "database")), List.of(), List.of()));

    @Test
    void aNumberGluedToACounterIsACountNotTheEndOfAName() {
        PlanModel p = ESTATE.plan("cpu 가장 높은 edge 2개");
        assertEquals(2, p.metric().topN(), p.toString());
        assertEquals(List.of("CN-1", "CN-2"), p.primary().ciCodes().stream().sorted().toList(), p.toString());
        PlanModel machines = ESTATE.plan("메모리 제일 낮은 edge 2대");
        assertEquals(2, machines.metric().topN(), machines.toString());
        assertEquals("asc", machines.metric().order(), machines.toString());
    }

    @Test
    void aNameBeforeASpaceStands() {
        PlanModel p = ESTATE.plan("edge-02 대전에 있어?");
        assertEquals("CN-2", p.primary().ciCode(), p.toString());
        PlanModel cpu = ESTATE.plan("edge 2 cpu 어때?");
        assertEquals("CN-2", cpu.primary().ciCode(), cpu.toString());
        assertTrue(cpu.metric().topN() == 0, cpu.toString());
    }
}

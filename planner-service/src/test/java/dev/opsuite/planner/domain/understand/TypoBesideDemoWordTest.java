package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A two-word name of the operator's own estate written with a one-letter typo ("Ledgr Admin") beside the demo, whose
 * CI "admin" is a whole name: the two words are the one own name they both describe, not a question between every
 * "Ledger …" CI; two words with something between them stay two mentions.
 */
class TypoBesideDemoWordTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        estate = new WordsEstate(OffsetDateTime.parse("2039-03-03T11:00:00+09:00"), new EntityDictionary(4, List.of(
                own("L-APP", "Ledger Admin", "app"), own("L-DB", "Ledger DB", "database"), own("L-VM", "Ledger VM", "vm"),
                demo("D-ADMIN", "admin", "service"), demo("D-ADMIN-WEB", "admin-web", "app")), List.of(), List.of()));
    }

    private static EntityDictionary.Entity own(String code, String name, String type) {
        return new EntityDictionary.Entity(code, name, type, false, Map.of("ci.status", "running"));
    }

    private static EntityDictionary.Entity demo(String code, String name, String type) {
        return new EntityDictionary.Entity(code, name, type, true, Map.of("ci.status", "running"));
    }

    @Test
    void aTypoedOwnNameBesideADemoWordIsThatName() {
        PlanModel p = estate.plan("memory of Ledgre Admin now please");
        assertEquals("L-APP", p.primary().ciCode(), p.toString());
        assertTrue(p.candidates().isEmpty(), p.toString());
        PlanModel q = estate.plan("what's the latency of the Leger Admin app?");
        assertEquals("L-APP", q.primary().ciCode(), q.toString());
    }
}

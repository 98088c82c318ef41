package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "explain how X is connected to Y": "explain" before a question word is a request to be told (ExplainRequest) —
 * the two CIs named are the path's ends, never offered as a choice between them; "what could explain X's errors"
 * still asks what changed.
 */
class ExplainRequestWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2044-03-06T19:00:00+09:00"),
            new EntityDictionary(5, List.of(ci("EX-1", "Lantern Gateway", "app"), ci("EX-2", "wick-db", "database"),
                    ci("EX-3", "tallow-vm", "vm")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Could you explain how Lantern Gateway is connected to wick-db?",
        "explain how Lantern Gateway reaches wick-db",
        "please explain to me how Lantern Gateway gets to wick-db"})
    void explainHowAsksThePath(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(Intent.PATH, p.intent(), p.toString());
        assertEquals("EX-1", p.primary().ciCode(), p.toString());
        assertEquals("EX-2", p.secondary().ciCode(), p.toString());
        assertTrue(p.candidates().isEmpty(), p.toString());
    }

    @Test
    void whatCouldExplainStillAsksWhatChanged() {
        PlanModel p = ESTATE.plan("what could explain the Lantern Gateway errors at 14:00 today?");
        assertTrue(p.history().enabled(), p.toString());
    }
}

package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of event wordings (no set's questions), asked on 2046-06-03 08:30 in Seoul: "what broke last night",
 * "what failed yesterday", "어젯밤에 뭐 터졌어?" asked which CI was meant, the time said unread — with no CI, type or
 * measure named, a failure asked of "what" is the failures that happened: the events over that time (FailureAsEvents).
 * Of a CI named, the same words stay a question about it.
 */
class FailureAsEventsWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2046-06-03T08:30:00+09:00"),
            new EntityDictionary(5, List.of(ci("FE-1", "mint-api", "app"), ci("FE-2", "mint-db", "database")), List.of(),
                    List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"what broke last night", "what failed yesterday", "어젯밤에 뭐 터졌어?", "어제 뭐가 죽었어?",
        "what crashed overnight?", "what went down last night"})
    void whatFailedIsTheEvents(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(Intent.LIST, p.intent(), p.toString());
        assertTrue(p.history().enabled(), p.toString());
        assertEquals(List.of(), p.missingSlots(), p.toString());
        assertEquals(List.of(), p.unexplained(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"mint-api failed?", "what breaks if mint-db fails", "what goes down if mint-db dies"})
    void aNamedCiStaysAsked(String question) {
        PlanModel p = ESTATE.plan(question);
        assertTrue(!p.primary().ciCode().isEmpty(), p.toString());
    }
}

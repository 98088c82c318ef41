package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Commands read from set 29's dev half (kinds, not its wordings): a phrasal verb whose particle follows its object
 * ("roll the billing-api back", "take log-shipper offline", "scale the workers out") and a command on a CI whose name
 * begins with a record word ("restart log-shipper", "reboot ticket-router": the record word is the name's, not a noun
 * after the verb) are refused; the same words asked about ("did anyone roll billing-api back?", "show the restart
 * ticket of billing-api") are read. Asked on Monday 2058-06-03 at 08:10 in Seoul of an estate of its own.
 */
class SplitCommandWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2058-06-03T08:10:00+09:00"),
            new EntityDictionary(4, List.of(ci("LS-1", "log-shipper", "app"), ci("TR-2", "ticket-router", "app"),
                    ci("BA-3", "billing-api", "app"), ci("WK-4", "batch-workers", "vm")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "roll the billing-api back to 7.2 please",
        "please take log-shipper offline",
        "can you scale batch-workers out before noon",
        "restart log-shipper",
        "could you reboot ticket-router for me? thanks",
        "please restart history-db"})
    void refused(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertEquals("read_only", d.rejectPolicy(), question + ": " + d);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "did anyone roll billing-api back yesterday?",
        "show the restart ticket of billing-api",
        "log-shipper cpu now",
        "how many restart events did ticket-router have this week"})
    void read(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertTrue(d.rejectPolicy() == null || d.rejectPolicy().isEmpty(), question + ": " + d);
    }
}

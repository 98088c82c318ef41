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
 * A restart asked for with a light verb, read from set 30's dev half (a kind, not its wording): "give X a kick",
 * "give X a quick reboot", "give X a bounce" are commands (Policy read_only phrasal verbs "give kick", "give restart",
 * "give reboot", "give bounce", split around their object); "give me …" questions and a kick asked about are read.
 * Asked of an estate of its own.
 */
class LightVerbCommandWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2057-09-03T10:00:00+09:00"),
            new EntityDictionary(3, List.of(ci("Q-1", "quay-api", "app"), ci("Q-2", "quay-pg", "database")),
                    List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "give quay-api a kick, would you",
        "can you give quay-pg a quick reboot",
        "please give the quay-api a bounce"})
    void refused(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertEquals("read_only", d.rejectPolicy(), question + ": " + d);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "give me the cpu of quay-api now",
        "did the kick of quay-api last night help its latency?"})
    void read(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertTrue(d.rejectPolicy() == null || d.rejectPolicy().isEmpty(), question + ": " + d);
    }
}

package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.at;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * More words a team lead leaves things out with, read from set 30's dev half (kinds, not its wordings): "leave out",
 * "leaving out", "ignoring", "omitting", "not counting" before a type or a place negate it as "except" does (Prompt
 * rules.negations.before; the Resolver's stopwords, so they are read, not left unexplained). Asked of an estate of its
 * own: two plants, servers and a database.
 */
class ExclusionWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2057-09-03T10:00:00+09:00"),
            new EntityDictionary(3, List.of(at("K-1", "kiln-01", "server", "Ulsan Plant"),
                    at("K-2", "kiln-02", "server", "Mokpo Yard"), at("K-3", "kiln-db", "database", "Ulsan Plant")),
                    List.of(), List.of(Map.entry("ci.location", "Ulsan Plant"), Map.entry("ci.location", "Mokpo Yard"))));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "memory above 50% but leave out the databases|ci_type|database",
        "cpu over 40 percent, leaving out the servers|ci_type|server",
        "top 2 servers by cpu, ignoring Mokpo|location|Mokpo Yard",
        "which machines are above 70% disk, not counting Ulsan|location|Ulsan Plant",
        "busiest by cpu right now omitting the databases|ci_type|database"})
    void theWordLeavesItOut(String question, String field, String value) {
        PlanModel p = ESTATE.plan(question);
        assertTrue(p.primary().filters().contains(new PlanModel.Filter(field, "ne", List.of(value))), question + ": " + p.primary());
        assertTrue(p.unexplained().isEmpty(), question + ": " + p.unexplained());
    }
}

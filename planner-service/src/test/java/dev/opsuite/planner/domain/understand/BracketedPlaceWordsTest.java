package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A place in brackets after a name two CIs share picks the one there, read from set 32's dev half (a kind, not its
 * wording): "선별 2라인(김제)" wrote the place as a gloss after the name, as "the press line (Pohang)" does;
 * NameNarrowing reads a value in brackets right after an ambiguous name as it reads one beside it. Asked of an estate
 * of its own (two steel yards).
 */
class BracketedPlaceWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2058-03-05T10:00:00+09:00"),
            new EntityDictionary(2, List.of(at("PL-1", "Press Line A", "server", "Gunsan Yard"),
                    at("PL-2", "Press Line B", "server", "Pohang Yard")), List.of(),
                    List.of(Map.entry("ci.location", "Gunsan Yard"), Map.entry("ci.location", "Pohang Yard"))));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "press line (Pohang Yard) cpu now|PL-2",
        "press line (Gunsan Yard) 메모리 지금|PL-1",
        "press line [gunsan] cpu yesterday average|PL-1"})
    void aPlaceInBracketsAfterASharedNameNamesTheOneThere(String question, String code) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(code, p.primary().ciCode(), question + ": " + p);
        assertTrue(p.candidates().isEmpty(), question + ": " + p.candidates());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"press line cpu now", "press line (cpu) now"})
    void withoutAPlaceBothAreAskedBetween(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(2, p.candidates().size(), question + ": " + p);
    }
}

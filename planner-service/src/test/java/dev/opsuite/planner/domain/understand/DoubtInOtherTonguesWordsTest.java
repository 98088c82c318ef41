package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The writer's doubt between types said in Tagalog ("hindi ko alam kung server o VM", "di po sigurado kung") or
 * Spanish ("no sé si es el servidor o la VM", "no estoy segura de cuál") asks between the CIs of those types, as
 * the English and Korean doubts do (Prompt type_doubts, TypeDoubt). Without the doubt the CI named is answered.
 */
class DoubtInOtherTonguesWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2044-03-06T19:00:00+09:00"),
            new EntityDictionary(5, List.of(WordsEstate.at("lg-1", "Lagoon", "server", "Cebu Pier"),
                    WordsEstate.at("lg-2", "Cebu VM", "vm", "Cebu Pier"), WordsEstate.at("lg-3", "Cebu DB", "database", "Cebu Pier"),
                    WordsEstate.at("lg-4", "Tern", "server", "Davao Pier")),
                List.of(), List.of(Map.entry("ci.location", "Cebu Pier"), Map.entry("ci.location", "Davao Pier"))));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Ano po ang CPU ng Lagoon ngayon? Hindi ko alam kung server o VM yung kailangan.",
        "CPU ng Lagoon ngayon, di po sigurado kung server o VM.",
        "CPU de Lagoon ahora? No sé si es el server o la VM.",
        "CPU de Lagoon ahora por favor. No estoy segura de cuál, server o VM."})
    void aDoubtInAnotherTongueAsks(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(List.of("lg-1", "lg-2"), WordsEstate.candidates(p), p.toString());
        assertTrue(p.primary().ciCode().isEmpty(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Ano po ang CPU ng Lagoon ngayon?",
        "CPU de Lagoon ahora, el server por favor"})
    void withoutDoubtTheNamedCiIsAnswered(String question) {
        assertEquals("lg-1", ESTATE.plan(question).primary().ciCode());
    }
}

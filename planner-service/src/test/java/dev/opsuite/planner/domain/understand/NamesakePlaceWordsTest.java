package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A place whose own word is also a CI's whole name (the server "Fremantle" at Perth/Fremantle, beside other CIs
 * there), asked for with a word for one CI after it ("the Fremantle one", "프리맨틀 거"): which CI there is meant is
 * asked, the namesake among them — never the namesake answered as if it were certain (PlaceOne). The Korean word is
 * the place's by its romanized form. The name alone, or with a type word, is still that CI.
 */
class NamesakePlaceWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2044-03-06T19:00:00+09:00"),
            new EntityDictionary(5, List.of(at("h-1", "Fremantle Circuit", "network", "Perth/Fremantle"),
                    at("h-2", "Fremantle", "server", "Perth/Fremantle"), at("h-3", "Fremantle Kiosk", "app", "Perth/Fremantle"),
                    at("h-4", "Dock Door", "server", "Hobart/Salamanca")),
                List.of(Map.entry(0, "프리맨틀 회선"), Map.entry(1, "프리맨틀 서버"), Map.entry(2, "프리맨틀 키오스크 예약")),
                List.of(Map.entry("ci.location", "Perth/Fremantle"), Map.entry("ci.location", "Hobart/Salamanca"))));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "프리맨틀 거 지금 씨피유 얼마나 나와?",
        "프리맨틀 거 CPU 지금 얼마야",
        "the Fremantle one, cpu now?",
        "memory of the Fremantle thing right now"})
    void theNamesakePlaceIsAskedAbout(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals("", p.primary().ciCode(), p.toString());
        assertEquals(List.of("h-1", "h-2", "h-3"), WordsEstate.candidates(p), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Fremantle cpu now?|h-2",
        "프리맨틀 서버 cpu 지금|h-2",
        "Fremantle Kiosk 거 cpu 지금|h-3",
        "the Dock Door one, cpu now|h-4"})
    void aNameStaysItsCi(String question, String code) {
        assertEquals(code, ESTATE.plan(question).primary().ciCode());
    }
}

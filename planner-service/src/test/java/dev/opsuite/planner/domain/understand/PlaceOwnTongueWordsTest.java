package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A place whose own word is not English, written in Hangul as Korean spells such names: the r said before a consonant
 * ("Hamburg" 함부르크) and a last d after it left unsaid ("Halvard" 할바르). Where every CI carrying the Hangul word
 * stands at that place, the word is the place (a filter the answer states), not a name to ask between; and before the
 * place's other word ("할바르 point") the two spell the place whole (weak sets' dev halves, issue 12).
 */
class PlaceOwnTongueWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2051-05-03T14:00:00+09:00");

    private static WordsEstate estate() {
        List<EntityDictionary.Entity> cis = List.of(
                WordsEstate.at("h-1", "hq-node-1", "server", "Hamburg Quay"),
                WordsEstate.at("h-2", "hq-node-2", "server", "Hamburg Quay"),
                WordsEstate.at("h-3", "hq-relay", "vm", "Hamburg Quay"),
                WordsEstate.at("v-1", "hp-mux", "server", "Halvard Point"),
                WordsEstate.at("v-2", "hp-relay", "vm", "Halvard Point"),
                WordsEstate.at("v-3", "hp-old-relay", "vm", "Halvard Point"),
                WordsEstate.at("c-1", "Osprey", "app", "Central Hall"));
        return new WordsEstate(NOW, new EntityDictionary(4, cis,
                List.of(Map.entry(0, "함부르크 노드 1"), Map.entry(1, "함부르크 노드 2"), Map.entry(2, "함부르크 릴레이"),
                        Map.entry(3, "할바르 먹스"), Map.entry(4, "할바르 릴레이")),
                List.of(Map.entry("ci.location", "Hamburg Quay"), Map.entry("ci.location", "Halvard Point"),
                        Map.entry("ci.location", "Central Hall"))));
    }

    private static List<String> locations(PlanModel p) {
        return p.primary().filters().stream().filter(f -> f.field().equals("location") && f.op().equals("eq"))
                .flatMap(f -> f.values().stream()).toList();
    }

    @Test
    void anRSaidBeforeAConsonantSpellsThePlace() {
        PlanModel p = estate().plan("함부르크에 서버 몇 대 있어?");
        assertTrue(p.candidates().isEmpty(), "no CI is asked between: " + p);
        assertEquals(List.of("Hamburg Quay"), locations(p), p.toString());
    }

    @Test
    void aLastDLeftUnsaidSpellsThePlace() {
        PlanModel p = estate().plan("할바르 vm 뭐 있어");
        assertTrue(p.candidates().isEmpty(), "no CI is asked between: " + p);
        assertEquals(List.of("Halvard Point"), locations(p), p.toString());
    }

    @Test
    void withThePlacesOtherWordTheTwoSpellThePlaceWhole() {
        PlanModel p = estate().plan("할바르 point에 server 몇 대야");
        assertEquals(List.of("Halvard Point"), locations(p), p.toString());
        assertFalse(p.primary().filters().stream().anyMatch(f -> f.values().contains("Central Hall")), p.toString());
    }

    /** A place word with no consonant to say ("Aya", "Io") has no key to shorten. */
    @Test
    void aPlaceWordOfVowelsAloneHasAKeyAndNoShorterOne() {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> SoundKeys.ofPlaceWord("aya"));
        assertFalse(SoundKeys.ofPlaceWord("aya").stream().anyMatch(k -> !k.isEmpty()));
    }
}

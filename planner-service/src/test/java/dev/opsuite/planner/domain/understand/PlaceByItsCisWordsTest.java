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
 * A place written weakly — in Hangul by the sound of its Latin word ("베를린" for Berlin Yard), or by the initials of its
 * words ("NY" for Cloud New York) — that several CIs also carry in their names or aliases: when all of those CIs stand
 * at that place, the word is the place (a filter the answer states), not a name to ask between (weak sets' dev
 * halves, issue 12: "런던 빼고", "everything in LA").
 */
class PlaceByItsCisWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2044-02-10T09:00:00+09:00");

    private static WordsEstate estate(String seoulAlias) {
        List<EntityDictionary.Entity> cis = List.of(
                WordsEstate.at("b-1", "brl-node-a", "server", "Berlin Yard"),
                WordsEstate.at("b-2", "brl-node-b", "server", "Berlin Yard"),
                WordsEstate.at("b-3", "brl-queue", "app", "Berlin Yard"),
                WordsEstate.at("s-1", "Kestrel", "server", "Seoul Core"),
                WordsEstate.at("s-2", "Ledger DB", "database", "Seoul Core"),
                WordsEstate.at("n-1", "ny-portal", "app", "Cloud New York"),
                WordsEstate.at("n-2", "ny-cache", "database", "Cloud New York"));
        return new WordsEstate(NOW, new EntityDictionary(4, cis,
                List.of(Map.entry(0, "베를린 노드 A"), Map.entry(1, "베를린 노드 B"), Map.entry(3, seoulAlias)),
                List.of(Map.entry("ci.location", "Berlin Yard"), Map.entry("ci.location", "Seoul Core"),
                        Map.entry("ci.location", "Cloud New York"))));
    }

    private static List<String> values(PlanModel p, String field, String op) {
        return p.primary().filters().stream().filter(f -> f.field().equals(field) && f.op().equals(op))
                .flatMap(f -> f.values().stream()).toList();
    }

    @Test
    void aHangulSpellingOfThePlaceEveryCiWithTheWordStandsAtIsThePlace() {
        WordsEstate e = estate("케스트렐");
        PlanModel but = e.plan("베를린 빼고 서버는 몇 대 있어?");
        assertTrue(but.candidates().isEmpty(), "no CI is asked between: " + but);
        assertEquals(List.of("Berlin Yard"), values(but, "location", "ne"), but.toString());
        PlanModel in = e.plan("베를린에 있는 장비 몇 개야");
        assertEquals(List.of("Berlin Yard"), values(in, "location", "eq"), in.toString());
    }

    @Test
    void initialsOfThePlaceEveryCiWithThemStandsAtAreThePlace() {
        PlanModel p = estate("케스트렐").plan("list everything we run in NY");
        assertTrue(p.candidates().isEmpty(), "no CI is asked between: " + p);
        assertEquals(List.of("Cloud New York"), values(p, "location", "eq"), p.toString());
    }

    /** A CI elsewhere carrying the word too: it stays a name, asked between. */
    @Test
    void aWordCarriedByCisAtTwoPlacesStaysAName() {
        PlanModel p = estate("베를린 중계 서버").plan("베를린 빼고 서버는 몇 대 있어?");
        assertFalse(values(p, "location", "ne").contains("Berlin Yard"), p.toString());
        assertFalse(p.candidates().isEmpty(), "the CIs with the word are asked between: " + p);
    }
}

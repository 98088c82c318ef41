package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "the Seoul box", "the Jinju machine": one definite word that names two types (a server or a VM) at a place is one type
 * word, and the CIs of either type there are asked between, never listed as if a table had been asked for; a place word
 * that fits a value of the schema and one of the estate ("seoul": dc1-seoul and "Seoul Annex") names either place.
 * Failed builds are the builds recorded above info ("minor" here), not only the critical and major events.
 */
class OneWordManyTypesTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = new ArrayList<>();
        cis.add(WordsEstate.at("h-sa-1", "Quartz", "server", "Seoul Annex"));
        cis.add(WordsEstate.at("g-sa-1", "Quartz Guest", "vm", "Seoul Annex"));
        cis.add(WordsEstate.at("h-jj-1", "Feldspar", "server", "Jinju Office"));
        cis.add(WordsEstate.at("g-jj-1", "Jinju Guest", "vm", "Jinju Office"));
        cis.add(WordsEstate.at("d-jj-1", "Jinju Ledger", "database", "Jinju Office"));
        cis.add(WordsEstate.at("a-jj-1", "Tally", "app", "Jinju Office"));
        estate = new WordsEstate(OffsetDateTime.parse("2041-06-11T14:00:00+09:00"),
                new EntityDictionary(5, cis, List.of(), List.of(
                        Map.entry("ci.location", "Seoul Annex"), Map.entry("ci.location", "Jinju Office"))));
    }

    @Test
    void aDefiniteMachineAtAPlaceAsksBetweenItsServerAndVm() {
        PlanModel en = estate.plan("memory of the Jinju machine at the moment?");
        assertEquals(List.of("g-jj-1", "h-jj-1"), WordsEstate.candidates(en), en.toString());
        assertTrue(en.primary().ciCode().isEmpty(), "no CI is picked: " + en);
    }

    @Test
    void aPlaceWordFittingTheSchemaAndTheEstateNamesEither() {
        PlanModel p = estate.plan("disk usage on the Seoul box?");
        assertEquals(List.of("g-sa-1", "h-sa-1"), WordsEstate.candidates(p), p.toString());
    }

    @Test
    void failedBuildsAreTheBuildsAboveInfo() {
        PlanModel en = estate.plan("any broken builds of Tally this week?");
        assertEquals(List.of("critical", "major", "minor"), en.history().severities(), en.toString());
        PlanModel ko = estate.plan("Tally 지난주 빌드 실패한 거 있어?");
        assertEquals(List.of("critical", "major", "minor"), ko.history().severities(), ko.toString());
        PlanModel incidents = estate.plan("failed incidents of Tally this week");
        assertEquals(List.of("critical", "major"), incidents.history().severities(), "other kinds keep the serious ones");
    }
}

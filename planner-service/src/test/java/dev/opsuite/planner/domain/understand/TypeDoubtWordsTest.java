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
 * A writer who says they do not know which of the types they name is meant ("no idea if it's the host or the VM",
 * "서버인지 VM인지 모르겠어요") is asked between the CIs of those types where the question points, never answered for
 * one guessed CI or for a list; and "TL;DR" is no word of the question ("DR" had filtered on a DR environment).
 */
class TypeDoubtWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = new ArrayList<>();
        cis.add(WordsEstate.at("srv-ga-1", "Granite", "server", "Gangneung Plant"));
        cis.add(WordsEstate.at("vm-ga-1", "Gangneung VM", "vm", "Gangneung Plant"));
        cis.add(WordsEstate.at("db-ga-1", "Gangneung DB", "database", "Gangneung Plant"));
        cis.add(WordsEstate.at("srv-ul-1", "Basalt", "server", "Ulsan Plant"));
        cis.add(WordsEstate.at("vm-ul-1", "Ulsan VM", "vm", "Ulsan Plant"));
        cis.add(new EntityDictionary.Entity("env-dr-1", "Standby App", "app", false,
                Map.of("ci.status", "running", "ci.environment", "dr", "ci.location", "Ulsan Plant")));
        estate = new WordsEstate(OffsetDateTime.parse("2040-05-02T10:00:00+09:00"),
                new EntityDictionary(7, cis, List.of(Map.entry(0, "그래나이트")), List.of(
                        Map.entry("ci.location", "Gangneung Plant"), Map.entry("ci.location", "Ulsan Plant"),
                        Map.entry("ci.environment", "dr"))));
    }

    @Test
    void aPlaceAndTwoTypesInDoubtAskBetweenTheirCis() {
        PlanModel en = estate.plan("Memory of the Gangneung machine right now? Not sure whether it's the server or a VM.");
        assertEquals(List.of("srv-ga-1", "vm-ga-1"), WordsEstate.candidates(en), en.toString());
        assertTrue(en.primary().ciCode().isEmpty(), "no CI is picked: " + en);
        PlanModel ko = estate.plan("울산 쪽 장비 메모리 지금 얼마예요? 서버인지 VM인지는 저도 잘 모르겠어요.");
        assertEquals(List.of("srv-ul-1", "vm-ul-1"), WordsEstate.candidates(ko), ko.toString());
    }

    @Test
    void aCiNamedWithTypesInDoubtAsksAmongTheTypesAtItsPlace() {
        PlanModel p = estate.plan("Granite CPU please, I can't tell if the number I want is the host or the VM.");
        assertEquals(List.of("srv-ga-1", "vm-ga-1"), WordsEstate.candidates(p), "the database at Granite's place is no choice: " + p);
    }

    @Test
    void withoutDoubtTheNamedCiIsAnswered() {
        PlanModel p = estate.plan("Granite CPU, the server or the VM one, whichever is higher");
        assertTrue(p.candidates().isEmpty(), p.toString());
        assertEquals("srv-ga-1", p.primary().ciCode(), p.toString());
        PlanModel top = estate.plan("Top 2 by CPU in Ulsan Plant, no idea if servers or VMs matter more");
        assertTrue(top.candidates().isEmpty(), "a ranking asks about no one CI: " + top);
    }

    @Test
    void tldrIsNoDrEnvironment() {
        PlanModel p = estate.plan("TL;DR: what is Basalt's CPU now?");
        assertEquals("srv-ul-1", p.primary().ciCode(), p.toString());
        assertTrue(p.primary().filters().stream().noneMatch(f -> f.field().equals("environment")), p.toString());
    }
}

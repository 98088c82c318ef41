package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Kinds met in the dev halves of the weakest sets (hotel, fulfilment, railway, mobility, campus; issue 12), in words
 * of this test's own: a place followed by a word for one CI ("the Mokpo one", "목포 쪽") asks which CI there is meant;
 * a place written right before a singular type word ("Mokpo server CPU") narrows it in English as in Korean; "how
 * many percent" asks for a value, not a count; and two bare numbers of a range beside a day ("between 9 and 11 on
 * May 3") are hours, while a unit after them keeps them a band of values.
 */
class PlaceOneAndBareHoursWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = new ArrayList<>();
        cis.add(WordsEstate.at("srv-mp-1", "Heron", "server", "Mokpo Depot"));
        cis.add(WordsEstate.at("srv-mp-2", "Egret", "server", "Mokpo Depot"));
        cis.add(WordsEstate.at("db-mp-1", "Mokpo Ledger", "database", "Mokpo Depot"));
        cis.add(WordsEstate.at("srv-gj-1", "Crane", "server", "Gunsan Yard"));
        cis.add(WordsEstate.at("app-gj-1", "Yard Gate", "app", "Gunsan Yard"));
        estate = new WordsEstate(OffsetDateTime.parse("2041-05-06T10:00:00+09:00"),
                new EntityDictionary(3, cis, List.of(Map.entry(0, "헤론"), Map.entry(2, "목포 원장")), List.of(
                        Map.entry("ci.location", "Mokpo Depot"), Map.entry("ci.location", "Gunsan Yard"))));
    }

    private static List<String> all(String... codes) {
        return List.of(codes).stream().sorted().toList();
    }

    @Test
    void aPlaceWithAWordForOneCiAsksWhichCiThere() {
        PlanModel en = estate.plan("memory of the Mokpo one right now?");
        assertEquals(all("srv-mp-1", "srv-mp-2", "db-mp-1"), WordsEstate.candidates(en), en.toString());
        assertTrue(en.primary().ciCode().isEmpty(), "no CI is picked: " + en);
        assertFalse(en.unexplained().contains("one"), "the word is read: " + en);
        PlanModel thing = estate.plan("what's the CPU on the Gunsan thing");
        assertEquals(all("srv-gj-1", "app-gj-1"), WordsEstate.candidates(thing), thing.toString());
        PlanModel ko = estate.plan("Mokpo Depot 쪽 메모리 지금 어때요?");
        assertEquals(all("srv-mp-1", "srv-mp-2", "db-mp-1"), WordsEstate.candidates(ko), ko.toString());
        PlanModel glued = estate.plan("Gunsan Yard쪽 CPU 좀 알려줘");
        assertEquals(all("srv-gj-1", "app-gj-1"), WordsEstate.candidates(glued), glued.toString());
    }

    /** A place's word also written in some CIs' names and aliases is still the place: every CI there is asked between. */
    @Test
    void aPlaceWordInSomeNamesStaysThePlace() {
        List<EntityDictionary.Entity> cis = List.of(WordsEstate.at("h-1", "Fremantle Link", "network", "Perth/Fremantle"),
                WordsEstate.at("h-2", "Fremantle VM", "vm", "Perth/Fremantle"), WordsEstate.at("h-3", "Perth Lodge", "service", "Perth/Fremantle"),
                WordsEstate.at("h-4", "Fremantle DB", "database", "Perth/Fremantle"), WordsEstate.at("h-5", "Quay POS", "server", "Perth/Fremantle"),
                WordsEstate.at("h-6", "Dock Door", "server", "Hobart/Salamanca"));
        WordsEstate hotel = new WordsEstate(OffsetDateTime.parse("2041-05-06T10:00:00+09:00"), new EntityDictionary(5, cis,
                List.of(Map.entry(0, "perth link"), Map.entry(1, "perth vm"), Map.entry(3, "퍼스 DB")),
                List.of(Map.entry("ci.location", "Perth/Fremantle"), Map.entry("ci.location", "Hobart/Salamanca"))));
        PlanModel p = hotel.plan("memory of the Fremantle thing now? the Perth one I mean");
        assertEquals(all("h-1", "h-2", "h-3", "h-4", "h-5"), WordsEstate.candidates(p), p.toString());
    }

    @Test
    void aPlaceAloneOrWithARankingStaysAboutEveryCiThere() {
        PlanModel list = estate.plan("Mokpo Depot CPU right now");
        assertTrue(list.candidates().isEmpty(), "no word says one CI: " + list);
        assertFalse(list.primary().filters().isEmpty(), list.toString());
        PlanModel top = estate.plan("Mokpo Depot 쪽 CPU 제일 높은 거");
        assertTrue(top.candidates().isEmpty(), "a ranking asks about no one CI: " + top);
        PlanModel typed = estate.plan("Mokpo Depot 쪽 서버들 CPU");
        assertTrue(typed.candidates().isEmpty(), "a plural type word lists: " + typed);
    }

    @Test
    void aPlaceRightBeforeASingularTypeWordNarrowsItInEnglish() {
        PlanModel p = estate.plan("Mokpo server CPU now, how many percent?");
        assertEquals(all("srv-mp-1", "srv-mp-2"), WordsEstate.candidates(p), p.toString());
        assertFalse(p.output().count(), "how many percent asks for a value: " + p);
        PlanModel one = estate.plan("Gunsan server memory right now");
        assertEquals("srv-gj-1", one.primary().ciCode(), "the only server there: " + one);
        PlanModel plural = estate.plan("Mokpo servers CPU now");
        assertTrue(plural.candidates().isEmpty(), "plural lists: " + plural);
        PlanModel count = estate.plan("how many servers are at Mokpo Depot?");
        assertTrue(count.output().count(), "a count of CIs stays a count: " + count);
    }

    @Test
    void bareNumbersOfARangeBesideADayAreHours() {
        PlanModel after = estate.plan("Heron max cpu between 9 and 11 on May 3");
        assertEquals(Intent.AGGREGATE, after.intent(), after.toString());
        assertNull(after.metric().threshold(), "no band of values: " + after);
        assertEquals("2041-05-03T09:00+09:00", after.metric().timeFrom());
        assertEquals("2041-05-03T11:00+09:00", after.metric().timeTo());
        PlanModel before = estate.plan("on 2041-05-02, from 14 to 16, what was Egret's average memory?");
        assertEquals("2041-05-02T14:00+09:00", before.metric().timeFrom(), before.toString());
        assertEquals("2041-05-02T16:00+09:00", before.metric().timeTo());
        PlanModel yesterday = estate.plan("Crane cpu between 1 and 3 yesterday");
        assertEquals("2041-05-05T01:00+09:00", yesterday.metric().timeFrom(), yesterday.toString());
        assertEquals("2041-05-05T03:00+09:00", yesterday.metric().timeTo());
    }

    @Test
    void aUnitOrNoDayKeepsTheNumbersABand() {
        PlanModel unit = estate.plan("which servers had cpu between 10 and 20% on May 3");
        assertNotNull(unit.metric().threshold(), unit.toString());
        assertEquals("between", unit.metric().threshold().op());
        assertEquals("2041-05-03T00:00+09:00", unit.metric().timeFrom(), "the whole day: " + unit);
        PlanModel noDay = estate.plan("servers with cpu between 10 and 20 right now");
        assertNotNull(noDay.metric().threshold(), noDay.toString());
    }
}

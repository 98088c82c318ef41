package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An estate imported beside the demo: a field value the question says that folds to one of the operator's own
 * values and to one only demo CIs hold ("Night Shift" beside the demo's "night-shift") is the operator's own; the
 * demo's value is read when the question spells it exactly or when the operator holds none the word names; a place
 * word that is the schema's label of a demo value ("부산" of dc2-busan) is the operator's place the word names
 * ("Busan Yard"). On an estate without the demo the answer is the same.
 */
class BesideTheDemoWordsTest {
    private static WordsEstate beside;
    private static WordsEstate clean;

    private static EntityDictionary.Entity own(String code, String name, String type, String owner, String location) {
        return new EntityDictionary.Entity(code, name, type, false,
                Map.of("ci.status", "running", "ci.owner", owner, "ci.location", location));
    }

    private static EntityDictionary.Entity demo(String code, String name, String type, String owner, String location) {
        return new EntityDictionary.Entity(code, name, type, true,
                Map.of("ci.status", "running", "ci.owner", owner, "ci.location", location));
    }

    private static EntityDictionary dictionary(List<EntityDictionary.Entity> cis) {
        List<Map.Entry<String, String>> values = cis.stream().flatMap(e -> e.fields().entrySet().stream())
                .map(f -> Map.entry(f.getKey(), f.getValue())).distinct().toList();
        return new EntityDictionary(3, cis, List.of(), values);
    }

    @BeforeAll
    static void load() {
        OffsetDateTime now = OffsetDateTime.parse("2030-05-14T09:00:00+09:00");
        List<EntityDictionary.Entity> mine = List.of(own("KX-01", "tide-gw", "app", "Night Shift", "Ulsan Yard"),
                own("KX-02", "tide-db", "database", "Night Shift", "Busan Yard"),
                own("KX-03", "crane-vm", "vm", "Yard Ops", "Mokpo Yard"));
        List<EntityDictionary.Entity> theirs = List.of(demo("D-01", "shop-api", "app", "night-shift", "ulsan-yard"),
                demo("D-02", "shop-db", "database", "night-shift", "dc2-busan"),
                demo("D-03", "shop-vm", "vm", "yard-ops", "dc1-seoul"),
                demo("D-04", "order", "service", "night-shift", "dc1-seoul"),
                demo("D-05", "review", "service", "night-shift", "dc1-seoul"),
                demo("D-06", "checkout", "service", "night-shift", "dc1-seoul"));
        java.util.List<EntityDictionary.Entity> all = new java.util.ArrayList<>(mine);
        all.addAll(theirs);
        beside = new WordsEstate(now, dictionary(all));
        clean = new WordsEstate(now, dictionary(mine));
    }

    private static List<String> values(PlanModel p, String field) {
        return p.primary().filters().stream().filter(f -> f.field().equals(field))
                .flatMap(f -> f.values().stream()).sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "How many CIs does the Night Shift own?|owner|Night Shift",
        "list everything night shift looks after|owner|Night Shift",
        "Night Shift 팀이 관리하는 CI 몇 개야?|owner|Night Shift",
        "yard ops 소유 장비 목록|owner|Yard Ops",
        "how many databases are in Ulsan Yard?|location|Ulsan Yard",
        "ulsan yard에 있는 서버 몇 대?|location|Ulsan Yard",
        "부산에 있는 서버 몇 대야?|location|Busan Yard",
        "list the databases in Busan|location|Busan Yard"})
    void aValueTheOperatorHoldsIsTheirs(String question, String field, String value) {
        PlanModel p = beside.plan(question);
        assertEquals(List.of(value), values(p, field), question + ": " + p.primary().filters());
        assertEquals(values(clean.plan(question), field), values(p, field), "as on the clean estate: " + question);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "How many CIs does night-shift own?|owner|night-shift",
        "ulsan-yard에 있는 CI 몇 개야?|location|ulsan-yard",
        "서울에 있는 VM 몇 대야?|location|dc1-seoul"})
    void aDemoValueSpeltExactlyOrTheOnlyOneIsRead(String question, String field, String value) {
        PlanModel p = beside.plan(question);
        assertEquals(List.of(value), values(p, field), question + ": " + p.primary().filters());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"What does tide-gw need in order to work?",
        "which databases does crane-vm need in order to run", "everything tide-db needs in order to serve (transitive)"})
    void aDemoNameInsideAPhraseIsThePhrase(String question) {
        PlanModel p = beside.plan(question);
        PlanModel c = clean.plan(question);
        assertEquals(c.primary().ciCode(), p.primary().ciCode(), question);
        assertEquals(c.unexplained(), p.unexplained(), "as on the clean estate: " + question);
        assertEquals(List.of(), p.candidates(), question);
    }

    @org.junit.jupiter.api.Test
    void aDemoNameSaidAloneIsTheDemoCi() {
        assertEquals("D-04", beside.plan("what does order depend on?").primary().ciCode());
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Weekly review WR-12 | tide-gw | avg cpu last week",
        "What is the error rate of tide-gw right now? I need the figure for the checkout risk note.",
        "crane-vm memory usage for the quarterly review"})
    void aDemoWordBesideAnOwnCiIsTheWord(String question) {
        PlanModel p = beside.plan(question);
        assertEquals(clean.plan(question).primary().ciCode(), p.primary().ciCode(), question);
        assertEquals(List.of(), p.primary().ciCodes().stream().filter(c -> c.startsWith("D-")).toList(), question);
        assertEquals(List.of(), p.candidates(), question);
    }

    @org.junit.jupiter.api.Test
    void aDemoCiMarkedAsANameBesideAnOwnOneIsRead() {
        PlanModel p = beside.plan("compare the cpu of tide-gw and the review service");
        assertEquals(true, p.primary().ciCodes().contains("D-05") || "D-05".equals(p.secondary().ciCode())
                || "D-05".equals(p.primary().ciCode()), p.toString());
    }
}

package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wordings met on a sixth estate (a factory: acronyms as names, aliases that differ in a last letter, a clock
 * just after midnight on the first of a month): each case failed before its fix, and each fix is a rule of
 * reading, not a word of this estate.
 */
class FactoryWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-01T00:35:00+09:00"); // a Tuesday
    private static WordsEstate estate;

    @BeforeAll
    static void load() throws Exception {
        List<EntityDictionary.Entity> cis = List.of(
                ci("hv21-07", "esxi-p2-07", "server"), ci("hv21-08", "esxi-p2-08", "server"),
                ci("mesvm-2a", "mes-app.p2a", "vm"), ci("mesvm-2b", "mes-db.p2b", "vm"),
                ci("MES-DB1P", "mesdb.primary", "database"), ci("pt2.opcua.gw", "OPC-UA Gateway 3", "app"),
                ci("bm21-03", "vision-gpu.03", "server"), ci("pt2.wms.core", "WMS 2.0", "app"),
                ci("vm_emrdb", "emr-db-vm", "vm"), ci("db-emr-01", "emr-db-main", "database"),
                ci("db-emr-02", "emr-db-standby", "database"));
        estate = new WordsEstate(NOW, new EntityDictionary(3, cis,
                List.of(Map.entry(0, "production host a"), Map.entry(1, "production host b"), Map.entry(2, "MES VM 1"),
                        Map.entry(3, "MES VM 2"), Map.entry(5, "plc gateway"), Map.entry(6, "vision gpu box"),
                        Map.entry(7, "자재 창고 시스템"), Map.entry(8, "EMR DB VM"), Map.entry(9, "EMR DB 메인"),
                        Map.entry(10, "EMR DB 대기")),
                List.of(Map.entry("ci.environment", "mfg-live"), Map.entry("ci.location", "pyeongtaek-p2"))));
    }

    private static EntityDictionary.Entity ci(String code, String name, String type) {
        return new EntityDictionary.Entity(code, name, type, false,
                Map.of("ci.status", "running", "ci.environment", "mfg-live"));
    }

    @Test
    void anAcronymIsNoPluralOfAStopwordAndNamesWhatItNames() {
        // "MES" stemmed is "me": it was taken for the stopword and the question became "VMs' memory"
        PlanModel p = estate.plan("MES VM 메모리");
        assertEquals(List.of("mesvm-2a", "mesvm-2b"), WordsEstate.candidates(p), p.toString());
        assertTrue(p.primary().filters().isEmpty(), p.toString());
    }

    @Test
    void wordsThatAreSeveralNamesButTheirLastLetterNameThatFamilyBeforeTheVocabulary() {
        PlanModel p = estate.plan("How is the production host doing on CPU?");
        assertEquals(List.of("hv21-07", "hv21-08"), WordsEstate.candidates(p), p.toString());
        assertTrue(p.primary().filters().isEmpty(), "no environment or type filter: " + p.primary().filters());
        assertEquals("hv21-08", estate.plan("cpu of the production host b").primary().ciCode());
        // a type word or a Korean word is no distinguishing letter: "the EMR DB" is not the VM "EMR DB VM"
        // alone, nor "EMR DB 메인" alone
        assertEquals(List.of("db-emr-01", "db-emr-02"), WordsEstate.candidates(estate.plan("What's the memory usage of the EMR DB?")));
        assertEquals(List.of("db-emr-01", "db-emr-02"), WordsEstate.candidates(estate.plan("EMR DB 현재 상태")));
    }

    @Test
    void aShortMonthWithItsYearIsThatMonth() {
        PlanModel p = estate.plan("p95 of hv21-07 cpu_usage for Feb 2014");
        assertEquals("month:2014-02", p.metric().timeRange(), p.toString());
        assertEquals("month:2025-09", estate.plan("max cpu of hv21-07 in Sept. 2025").metric().timeRange());
    }

    @Test
    void aWiderPeriodAroundTheDaysNamedIsTheirContext() {
        PlanModel p = estate.plan("작년 추석 전 출하 주간, 그러니까 2025년 9월 22일부터 26일까지 자재 창고 시스템 CPU 최대치가 얼마였는지 알 수 있을까요?");
        assertEquals("2025-09-22T00:00+09:00", p.metric().timeFrom().toString(), p.toString());
        assertEquals("2025-09-27T00:00+09:00", p.metric().timeTo().toString(), p.toString());
    }

    @Test
    void twoSwappedLettersOfAWordThatMeansSomethingAreRead() {
        PlanModel p = estate.plan("graph vision gpu box cpu thsi week");
        assertEquals("this_week", p.metric().timeRange(), p.toString());
        assertEquals("mem_usage", estate.plan("memroy of hv21-07 yesterday").metric().metricName());
        // a word that joins times is known as it is: "thru" is not a misspelt "thur"(sday)
        PlanModel thru = estate.plan("Plot hv21-07 mem_usage from Nov 24 thru Nov 28");
        assertEquals("2026-11-24T00:00+09:00", thru.metric().timeFrom().toString(), thru.toString());
        assertEquals("2026-11-29T00:00+09:00", thru.metric().timeTo().toString(), thru.toString());
    }

    @Test
    void aLetterLeftOutOfALongIntentWordIsRead() {
        PlanModel p = estate.plan("what happend to the plc gateway on 11/19");
        assertTrue(p.history().enabled(), p.toString());
        assertEquals("day:2026-11-19", p.history().timeRange());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
    }
}

package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wordings met on an eighth estate (a power and water utility: "CIS & Billing", codes like
 * "WJU:RTUGW-A", a clock at dawn on the day after a leap February) and its chatty writers: each case
 * failed before its fix, and each fix is a rule of reading, not a word of this estate.
 */
class UtilityWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2028-03-01T05:20:00+09:00"); // a Wednesday
    private static WordsEstate estate;

    @BeforeAll
    static void load() throws Exception {
        List<EntityDictionary.Entity> cis = List.of(
                ci("rtu.apps.nuripw.kr", "RTU Poller 원주", "app", "wonju-ss"),
                ci("WJU:RTUGW-A", "Wonju RTU Gateway", "network", "wonju-ss"),
                ci("sub01.wju.nuripw.kr", "변전소 서버 원주", "server", "wonju-ss"),
                ci("cis.apps.nuripw.kr", "CIS & Billing", "app", "chuncheon-ncc"),
                ci("esx02.chc.nuripw.kr", "ESX Host 02", "server", "chuncheon-ncc"),
                ci("hes.apps.nuripw.kr", "AMI Head-End", "app", "chuncheon-ncc"),
                ci("scada-e.apps.nuripw.kr", "상태감시 (전력)", "app", "chuncheon-ncc"),
                ci("MDMP01", "Meter Data DB", "database", "chuncheon-ncc"),
                ci("OMSP01", "정전 이력 DB", "database", "chuncheon-ncc"));
        estate = new WordsEstate(NOW, new EntityDictionary(4, cis,
                List.of(Map.entry(0, "substation poller"), Map.entry(1, "substation gateway"),
                        Map.entry(5, "AMI 헤드엔드"), Map.entry(6, "배전 원격감시")),
                List.of(Map.entry("ci.location", "wonju-ss"), Map.entry("ci.location", "chuncheon-ncc"))));
    }

    private static EntityDictionary.Entity ci(String code, String name, String type, String location) {
        return new EntityDictionary.Entity(code, name, type, false, Map.of("ci.status", "running",
                "ci.location", location));
    }

    @Test
    void wordsJoinedByHyphensAreOneWord() {
        // "call" of "call-out" is no question about calls, "one" of "one-liner" no count
        PlanModel p = estate.plan("after the snow call-out: what latency is the substation poller showing right now?");
        assertEquals(Intent.LOOKUP, p.intent(), p.toString());
        assertEquals("latency_ms", p.metric().metricName());
        PlanModel top = estate.plan("My manager wants a one-liner, so: which two databases had the highest peak CPU on 2028-02-07?");
        assertEquals(2, top.metric().topN(), top.toString());
        assertEquals(List.of(), top.primary().mentions(), "an ordinary hyphenated word is no CI name");
        assertTrue(top.unexplained().contains("one-liner"), top.unexplained().toString());
    }

    @Test
    void aQuestionWordWithALetterLeftOutIsThatWord() {
        PlanModel p = estate.plan("wich server is the CIS & Billing app on");
        assertEquals(Intent.EXPAND, p.intent(), p.toString());
        assertEquals(List.of("RUNS_ON", "HOSTS"), p.graph().relationTypes());
    }

    @Test
    void aStatisticNamedWinsOverLastAsAnAdjectiveOfTime() {
        PlanModel p = estate.plan("the relay upload we did on the last leap day, Feb 29, 2016. What was the average CPU of "
                + "sub01.wju.nuripw.kr from 09:00 to 12:00 KST that day?");
        assertEquals("avg", p.metric().agg(), p.toString());
    }

    @Test
    void aBucketAsWideAsTheRangeIsNoSeries() {
        PlanModel p = estate.plan("my manager wants it for the weekly: what was the average CPU of ESX Host 02 on Monday?");
        assertEquals("", p.metric().bucket(), p.toString());
        assertEquals("day:2028-02-28", p.metric().timeRange());
        assertTrue(p.unexplained().contains("weekly"), p.unexplained().toString());
        assertEquals("1 week", estate.plan("weekly average cpu of ESX Host 02 last month").metric().bucket(), "a series still is");
    }

    @Test
    void theEndOfTheYearIsItsDecember() {
        PlanModel p = estate.plan("AMI 헤드엔드 연말 장애 이전의 변경 사항을 보고해 주세요");
        assertEquals("month:2027-12", p.history().timeRange(), p.toString());
        assertEquals("month:2027-12", estate.plan("AMI Head-End cpu at the end of last year").metric().timeRange());
        assertEquals("month:2028-01", estate.plan("연초 AMI 헤드엔드 CPU 평균").metric().timeRange());
    }

    @Test
    void theIncidentAQuestionPresupposesIsLookedForFurtherBack() {
        PlanModel p = estate.plan("배전원격감시 장애전에 뭐바꼈어");
        assertEquals("incident", p.history().anchor(), p.toString());
        assertEquals("last_365d", p.history().timeRange());
    }

    @Test
    void aDocumentWordInTheContextDoesNotTurnADataQuestionIntoASearch() {
        PlanModel p = estate.plan("We're putting the postmortem together and it's been a long week, so: what was the maximum "
                + "error rate of CIS & Billing during yesterday?");
        assertFalse(p.documents().enabled(), p.toString());
        assertEquals(Intent.AGGREGATE, p.intent());
        assertTrue(p.unexplained().contains("postmortem"), p.unexplained().toString());
        assertTrue(estate.plan("what does the AMI Head-End postmortem say?").documents().enabled(), "asked, it still searches");
    }

    @Test
    void aPartialNameInTheContextClauseIsNotTheCiAsked() {
        PlanDecision d = estate.decide("I'm new to the substation side of things and still learning who's who, so can you list "
                + "what we have at the wonju-ss location?");
        assertEquals("plan", d.kind(), d.toString());
        assertEquals(Intent.LIST, d.plan().intent(), d.toString());
        assertEquals(List.of(), d.plan().candidates(), "nothing to choose between");
        assertFalse(d.plan().documents().enabled());
    }

    @Test
    void anIncidentNamedByItsPlaceIsOneOfTheCisThere() {
        // "meter" is part of a name in Chuncheon; the outage was in Wonju: its CIs are the candidates, and the one
        // that had the incident is chosen when the plan runs
        PlanModel p = estate.plan("Before the meter outage at wonju-ss yesterday evening, what changed?");
        assertEquals("incident", p.history().anchor(), p.toString());
        assertEquals(List.of("WJU:RTUGW-A", "rtu.apps.nuripw.kr", "sub01.wju.nuripw.kr"),
                p.candidates().stream().map(PlanModel.Candidate::ciCode).sorted().toList(), p.toString());
        assertEquals("MDMP01", estate.plan("what changed before the Meter Data DB outage yesterday").primary().ciCode(),
                "a CI named is still the one");
    }

    @Test
    void authenticationKeysAreSecrets() {
        assertEquals("reject", estate.decide("Give me the DNP3 authentication keys configured on WJU:RTUGW-A.").kind());
        assertEquals("reject", estate.decide("원주 RTU 게이트웨이 암호화 키 알려줘").kind());
        assertNotEquals("reject", estate.decide("what are the key metrics of WJU:RTUGW-A").kind());
        assertNotEquals("reject", estate.decide("how do we rotate the signing keys of WJU:RTUGW-A?").kind(),
                "a procedure about keys discloses none");
        assertEquals(View.SUMMARY, estate.plan("status of WJU:RTUGW-A").view());
    }
}

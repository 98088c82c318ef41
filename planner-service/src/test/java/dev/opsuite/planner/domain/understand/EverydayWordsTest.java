package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import java.util.List;
import dev.opsuite.planner.domain.DefaultAssets;
import dev.opsuite.planner.domain.RulesPlanner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Everyday wordings seen on a fourth estate (a game publisher): a noun that is no aggregation ("the
 * league final"), a superlative in the past tense with a Korean counter ("가장 낮았던 서버 두 대"), "trailing"
 * ranges, "wk", a hosting word that only says a CI is running, and events asked "on it".
 */
class EverydayWordsTest {
    private static AssetBundle assets;
    private static EntityDictionary dict;

    @BeforeAll
    static void load() throws Exception {
        assets = DefaultAssets.load();
        dict = EstateFixture.dictionary();
    }

    private static PlanModel plan(String question) {
        return new RulesPlanner().plan(question, assets, EstateFixture.NOW, EstateFixture.SEOUL, dict).plan();
    }

    @Test
    void aFinalThatIsANounIsNoLastSample() {
        PlanModel p = plan("How hard was fleet-db working on Nov 7, the night of the league final? Peak CPU, please.");
        assertEquals("max", p.metric().agg(), p.toString());
        assertEquals("last", plan("fleet-db cpu final value on 2026-11-07").metric().agg());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "지난주 평균 메모리 사용률이 가장 낮았던 서버 두 대가 어느 건지 알려주실 수 있을까요?|asc|avg",
        "지난주 CPU가 제일 높았던 서버 세 대|desc|max"})
    void aPastSuperlativeWithACounterRanksThatMany(String question, String order, String agg) {
        PlanModel p = plan(question);
        assertEquals(order, p.metric().order(), p.toString());
        assertEquals(question.contains("두 대") ? 2 : 3, p.metric().topN(), p.toString());
        assertEquals(agg, p.metric().agg(), p.toString());
        assertTrue(p.metric().timeFrom().startsWith("2026-11-23"), p.toString()); // last week: Mon 23 → Mon 30
    }

    @Test
    void aTrailingOrRollingRangeIsTheLastOne() {
        PlanModel p = plan("fleet-db cpu_usage max over the trailing 7 days");
        assertEquals("2026-11-23T10:30+09:00", p.metric().timeFrom(), p.toString());
        assertEquals("max", p.metric().agg());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
        assertEquals("2026-11-29T10:30+09:00", plan("fleet-db avg cpu over a rolling 24 hours".replace("a rolling",
                "the rolling")).metric().timeFrom());
    }

    @Test
    void wkIsAWeek() {
        PlanModel p = plan("fleet-db events this wk");
        assertEquals("2026-11-30T00:00+09:00", p.history().timeFrom(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"돌고있는 vm 몇대", "돌아가는 서버 몇 대야?"})
    void aHostingWordBeforeATypeWithNoHostIsTheRunningState(String question) {
        PlanModel p = plan(question);
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("status")
                && f.values().equals(java.util.List.of("running"))), p.toString());
        assertTrue(p.output().count(), p.toString());
        // with a host named it stays what runs on the host
        PlanModel hosted = plan("esx-dr-21에서 돌고 있는 vm");
        assertEquals(Intent.EXPAND, hosted.intent(), hosted.toString());
        assertTrue(hosted.primary().filters().stream().noneMatch(f -> f.field().equals("status")), hosted.toString());
    }

    @Test
    void eventsOnItAreTheEventsOfTheCi() {
        PlanModel p = plan("Something just paged about esx-dr-21. What's the most recent event on it?");
        assertTrue(p.history().enabled(), p.toString());
        assertEquals("SRV21-DR", p.primary().ciCode(), p.toString());
    }

    @Test
    void directlyOrFurtherDownTheLineIsTheWholeClosureAndEndUpIsNoState() {
        PlanModel p = plan("Suppose esx-dr-21 had a bad night. Which business services would end up affected, directly "
                + "or further down the line?");
        assertEquals(Intent.EXPAND, p.intent(), p.toString());
        assertTrue(p.graph().depth() > 1, p.toString()); // the whole closure, not one hop
        assertTrue(p.primary().filters().stream().noneMatch(f -> f.field().equals("status")), p.toString());
        assertTrue(plan("what chgd b4 the esx-dr-21 failure thurs").history().enabled());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"what changed before the fleet-db update failure", "fleet-db downtime last week",
        "which CIs belong to wms-crew?"})
    void aWordOfTheLanguageIsNotSplitIntoAStateAndAnotherWord(String question) {
        PlanModel p = plan(question);
        assertTrue(p.primary().filters().stream().noneMatch(f -> f.field().equals("status")), p.toString());
        assertTrue(p.unexplained().stream().noneMatch(w -> w.equals("date") || w.equals("time")), p.unexplained().toString());
        assertTrue(p.primary().keywords().stream().noneMatch(k -> k.equals("long")), p.toString()); // not "be long"
    }

    @Test
    void whatThingsHappenedAreItsEvents() {
        PlanModel p = plan("지난달에 fleet-db 쪽에서 어떤 일들이 있었는지 정리해서 보여주실 수 있나요?");
        assertTrue(p.history().enabled(), p.toString());
        assertEquals("DB_FLEET", p.primary().ciCode(), p.toString());
        assertTrue(p.history().timeFrom().startsWith("2026-10-01"), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Anything unusual on fleet-db in the last hour?|1",
        "fleet-db 최근 1시간 특이사항 있어?|1", "any anomalies on fleet-db over the last 6 hours|6"})
    void somethingUnusualIsItsEvents(String question, int hours) {
        // was: fleet-db's attributes, with 'unusual' and the time listed as not understood
        PlanModel p = plan(question);
        assertTrue(p.history().enabled(), p.toString());
        assertEquals("DB_FLEET", p.primary().ciCode(), p.toString());
        assertEquals(hours, java.time.Duration.between(java.time.OffsetDateTime.parse(p.history().timeFrom()),
                java.time.OffsetDateTime.parse(p.history().timeTo())).toHours(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Which services use fleet-db?", "fleet-db 쓰는 서비스 목록"})
    void servicesAboveADatabaseAreWhatDependsOnIt(String question) {
        // a database hosts nothing: the services of a higher layer depend on it (was: where fleet-db runs)
        PlanModel p = plan(question);
        assertEquals(Intent.EXPAND, p.intent(), p.toString());
        assertEquals("in", p.graph().direction(), p.understanding().toString());
        assertTrue(p.graph().relationTypes().isEmpty(), "any relation, not hosting only: " + p.graph());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"How many VMs does esx-dr-21 host?", "What does esx-dr-21 host?"})
    void whatAServerHostsAsAVerb(String question) {
        PlanModel p = plan(question);
        assertEquals(Intent.EXPAND, p.intent(), p.toString());
        assertEquals("SRV21-DR", p.primary().ciCode(), p.toString());
        assertEquals("in", p.graph().direction(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.unexplained().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"가장 한가한 서버는?|asc", "제일 바쁜 서버 어디야?|desc", "놀고 있는 서버 알려줘|asc"})
    void idleAndBusyInKoreanRankByCpu(String question, String order) {
        PlanModel p = plan(question);
        assertEquals("cpu_usage", p.metric().metricName(), p.toString());
        assertEquals(order, p.metric().order(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "How was fleet-db doing yesterday evening?|yesterday evening",
        "fleet-db 어제 저녁 상태 어땠어?|어제 저녁",
        "which servers were stopped last week|last week"})
    void aTimeTheAnswerCannotUseIsSaidUnread(String question, String words) {
        PlanModel p = plan(question);
        assertFalse(p.history().enabled() || !p.metric().metricName().isEmpty(), p.toString());
        assertTrue(String.join(" ", p.unexplained()).contains(words), p.unexplained().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "What changed on fleet-db in the past two weeks?|14",
        "지난 2주 동안 fleet-db에서 바뀐 거 있어?|14",
        "what changed on fleet-db yesterday|1"})
    void whatChangedOverAStatedRangeIsTheChangesOverIt(String question, int days) {
        PlanModel p = plan(question);
        assertTrue(p.history().enabled(), p.toString());
        assertEquals("DB_FLEET", p.primary().ciCode(), p.toString());
        assertEquals(List.of("deploy", "change"), p.history().eventTypes(), p.toString());
        assertTrue(p.history().anchor().isEmpty(), "not before an incident: " + p);
        assertEquals(days * 24L, java.time.Duration.between(java.time.OffsetDateTime.parse(p.history().timeFrom()),
                java.time.OffsetDateTime.parse(p.history().timeTo())).toHours(), p.toString());
        // with a failure to come before, it stays the changes before it
        PlanModel before = plan("What changed on fleet-db before it went down last week?");
        assertFalse(before.history().anchor().isEmpty(), before.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "I'm visiting the parcel desk in dr next week. How many of our CIs are actually located at gasan-dr?|location|gasan-dr",
        "Which CIs belong to wms-crew? I'd like to know who to talk to about the parcel stuff.|owner|wms-crew",
        "Which CIs belong to wms-crew? I'd like to know who to talk to before the next parcel night.|owner|wms-crew",
        "Which CIs belong to wms-crew? We would like to know who to call about the parcel stuff.|owner|wms-crew"})
    void aPartialNameInAnotherSentenceThanTheFilterIsContextNotTheCi(String question, String field, String value) {
        PlanModel p = plan(question);
        // "I'd like to know" wants to know: it is not a search for names like something
        assertEquals(Intent.LIST, p.intent(), p.toString());
        assertTrue(p.primary().ciCode().isEmpty() && p.candidates().isEmpty(), p.toString());
        assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals(field) && f.values().contains(value)),
                p.toString());
        assertTrue(p.unexplained().contains("parcel"), p.unexplained().toString());
        // in the same sentence it is the CI asked about
        assertEquals("biz.parcel", plan("parcel at gasan-dr status").primary().ciCode());
    }
}

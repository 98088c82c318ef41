package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wordings met on a thirteenth estate (a broadcaster with bureaus abroad) and its writers (long e-mails, foreign local
 * times, spreadsheet words, a second-language writer): each case failed before its fix, and each fix is a rule of
 * reading, not a word of this estate.
 */
class BroadcastWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2034-12-22T22:40:00+09:00"); // a Friday evening
    private static WordsEstate estate;

    @BeforeAll
    static void load() throws Exception {
        List<EntityDictionary.Entity> cis = List.of(ci("BUR-951", "London Live Link", "app"),
                ci("vm-2047", "OTT Origin VM", "vm"), ci("vm-2048", "Caption VM", "vm"),
                ci("GFX-302", "Election Night", "app"), ci("TRF-603", "As-Run Reconciler", "app"),
                ci("BUR-952", "New York Live Link", "app"), ci("enc8-bay01", "New York Bureau Edge", "server"),
                ci("NRC-202", "Editor's Desk", "app"), ci("lb-lima", "Newsroom Edge", "load_balancer"),
                ci("nrcsdb-0", "Newsroom DB", "database"), ci("trafdb-0", "편성 DB", "database"),
                ci("enc1-bay03", "Tri-Level", "server"), ci("enc2-bay01", "Playout A", "server"),
                ci("enc2-bay02", "Playout B", "server"), ci("web-01", "web-01", "server"), ci("web-02", "web-02", "server"),
                ci("capdb-0", "Caption Store", "database"), ci("WEB-801", "News Website", "app"));
        List<Map.Entry<Integer, String>> aliases = List.of(Map.entry(0, "london link"), Map.entry(6, "뉴욕 지국 서버"),
                Map.entry(12, "송출서버 A"), Map.entry(13, "송출서버 B"), Map.entry(17, "뉴스 홈페이지"));
        estate = new WordsEstate(NOW, new EntityDictionary(7, cis, aliases, List.of()));
    }

    @Test
    void aZoneNamedInWordsIsThatZone() {
        PlanModel london = estate.plan("London Live Link max error rate on 29/10/2034, London time?");
        assertEquals("2034-10-29T00:00+01:00", london.metric().timeFrom(), london.toString());
        PlanModel eastern = estate.plan("미 동부 시간 11월 7일 저녁 7시부터 자정까지 Election Night 응답시간 평균");
        assertEquals("2034-11-07T19:00-05:00", eastern.metric().timeFrom(), eastern.toString());
        assertEquals("2034-11-08T00:00-05:00", eastern.metric().timeTo(), "until midnight, not noon the next day");
    }

    @Test
    void remarksAfterTheQuestionAreContext() {
        PlanModel p = estate.plan("Could you tell me the average CPU of the OTT Origin VM over the past fortnight? No rush at all,"
                + " Monday is a holiday anyway. Cheers, Priya (Digital)");
        assertEquals("last_14d", p.metric().timeRange(), p.toString());
        assertEquals("vm-2047", p.primary().ciCode());
    }

    @Test
    void wordsOfASecondLanguageWriterAndASpreadsheetUser() {
        PlanModel more = estate.plan("디스크 사용률이 60 퍼센트 보다 많이 있는 VM이 지금 어느 것 있습니까?");
        assertEquals(60.0, more.metric().threshold().value(), more.toString());
        assertEquals("gt", more.metric().threshold().op());
        assertNotEquals("reject", estate.decide("Audit trail: the deploy/change rows in the hours before the As-Run"
                + " Reconciler incident.").kind(), "a noun of a list written with a slash is no command");
        PlanModel alerted = estate.plan("Has the Caption VM alerted today?");
        assertTrue(alerted.history().eventTypes().contains("alert"), alerted.toString());
    }

    @Test
    void localTimeIsTheZoneOfThePlaceNamed() {
        PlanModel ny = estate.plan("현지 시각 기준 11월 5일(서머타임 끝난 날) 뉴욕 지국 서버 메모리 최대치는요?");
        assertEquals("2034-11-05T00:00-04:00", ny.metric().timeFrom(), ny.toString());
        assertEquals("2034-11-06T00:00-05:00", ny.metric().timeTo(), "the 25-hour day the clocks went back");
        PlanModel nj = estate.plan("2026년 7월 19일 뉴저지 현지 시각 기준으로 OTT Origin VM 평균 CPU 알 수 있을까요?");
        assertEquals("2026-07-19T00:00-04:00", nj.metric().timeFrom(), nj.toString());
        PlanModel none = estate.plan("OTT Origin VM average CPU on 2034-12-01, local time");
        assertEquals("2034-12-01T00:00+09:00", none.metric().timeFrom(), "no place named: the question's zone stays");
        PlanDecision two = estate.decide("London Live Link max latency on 2034-12-01 local time, London or New York?");
        assertEquals("direct", two.kind(), "two places of different zones: which local time is asked back");
    }

    @Test
    void aTimeThatDatesPeoplesWorkIsNotTheDatas() {
        PlanModel report = estate.plan("Quick favour: for the year-end capacity report I need the average CPU of the"
                + " OTT Origin VM over last month.");
        assertEquals("last_month", report.metric().timeRange(), report.toString());
        assertEquals("avg", report.metric().agg());
        assertEquals("vm-2047", report.primary().ciCode(), "'I need' is a request, not what the VM needs");
        PlanModel alone = estate.plan("yesterday's CPU report for the OTT Origin VM");
        assertEquals("yesterday", alone.metric().timeRange(), "alone in the asking clause, the time is the data's");
    }

    @Test
    void anAskingClauseOfThePresentAsksOfNow() {
        PlanModel p = estate.plan("Good evening everyone, I'm covering for Minsu this week so forgive me. Which VMs are"
                + " running above 65% memory at the moment?");
        assertTrue(p.metric().timeRange() == null || p.metric().timeRange().isEmpty(), p.toString());
        assertEquals(65.0, p.metric().threshold().value());
        assertTrue(p.primary().filters().stream().noneMatch(f -> f.field().equals("status")),
                "'running above 65%' is the verb of the threshold, not a status");
    }

    @Test
    void theCountAskedIsTheAskingClausesAndACountNotAColumn() {
        PlanModel rows = estate.plan("열 정렬: 어제 평균 메모리 기준 내림차순으로 VM 상위 3행");
        assertEquals(3, rows.metric().topN(), rows.toString());
        assertTrue(rows.primary().mentions() == null || rows.primary().mentions().isEmpty(), "'3행' names no CI");
        PlanModel three = estate.plan("Hi team, we would rather not buy one. Which three VMs have been the least loaded"
                + " by average CPU today?");
        assertEquals(3, three.metric().topN(), three.toString());
        PlanModel hit = estate.plan("Which two apps hit the worst peak error rate over the past fortnight?");
        assertEquals(2, hit.metric().topN(), hit.toString());
        assertEquals("max", hit.metric().agg(), "'apps hit the worst' is no impact question");
    }

    @Test
    void namesWithAPossessiveOrAWordLeftOutAndTheirRelations() {
        PlanModel desk = estate.plan("Hello, the newsroom is writing its continuity plan. What does Editor's Desk rely on,"
                + " end to end?");
        assertEquals("NRC-202", desk.primary().ciCode(), desk.toString());
        PlanModel links = estate.plan("Is the London link slower than the New York link today, on average?");
        assertEquals(List.of("BUR-951", "BUR-952"), links.primary().ciCodes(), links.toString());
        PlanModel refs = estate.plan("역방향 조회: 편성 DB를 참조하는 앱 전부 (직간접 포함)");
        assertEquals("in", refs.graph().direction(), "what refers to it: its dependents");
        PlanModel hosts = estate.plan("List the child rows of Tri-Level, i.e. every VM it hosts.");
        assertTrue(hosts.graph().relationTypes().contains("RUNS_ON"), hosts.toString());
        assertEquals("in", hosts.graph().direction());
    }

    @Test
    void aShortLastPartAfterANameIsItsSibling() {
        PlanModel ko = estate.plan("송출서버 A랑 B cpu 비교해 줘");
        assertEquals(List.of("enc2-bay01", "enc2-bay02"), ko.primary().ciCodes(), ko.toString());
        PlanModel en = estate.plan("compare memory of web-01 and 02");
        assertEquals(List.of("web-01", "web-02"), en.primary().ciCodes(), en.toString());
        PlanModel none = estate.plan("Playout A and 7 other servers: CPU?");
        assertEquals("enc2-bay01", none.primary().ciCode(), "no CI is named 'Playout 7'");
    }

    @Test
    void aKindOfEventInAStatementBeforeTheQuestionIsItsContext() {
        PlanModel events = estate.plan("안녕하세요, 뉴스서비스팀입니다. 월요일 장애 보고서 초안을 쓰는 중이라 시간대별 기록이 필요합니다. 뉴스"
                + " 홈페이지에 12월 18일 하루 동안 어떤 이벤트들이 있었는지 정리해 주실 수 있을까요? 감사합니다.");
        assertTrue(events.history().enabled(), events.toString());
        assertEquals(List.of(), events.history().eventTypes(), "every event of the day, not the incidents of the report");
        assertEquals(List.of(), events.history().severities());
        assertEquals("2034-12-18T00:00+09:00", events.history().timeFrom());
    }
}

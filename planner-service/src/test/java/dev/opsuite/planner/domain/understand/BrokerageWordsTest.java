package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wordings met on a fourteenth estate (a brokerage with desks in Singapore and Bengaluru) and its writers (a trader's
 * Korean, a regulator's numbered requests, Indian English with IST dates, kdb+/q one-liners): each case failed before
 * its fix, and each fix is a rule of reading, not a word of this estate.
 */
class BrokerageWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2035-03-30T15:47:00+09:00"); // a Friday afternoon
    private static WordsEstate estate;

    @BeforeAll
    static void load() throws Exception {
        List<EntityDictionary.Entity> cis = List.of(ci("MDFH.KS", "Sise Feed", "app"), ci("MTSG.KS", "yGo MTS", "app"),
                ci("JMGW.KS", "Jumun Gateway", "app"), ci("AUTH.KS", "Injeung Hub", "app"),
                ci("ora-1521", "Wonjang DB", "database"), ci("kdb-5012", "HDB", "database"),
                ci("XYSS-0311", "Quant Farm", "server"), ci("PTRC.KS", "Pre-Trade Check", "app"),
                ci("instance-00004f03", "Overseas VM", "vm"), ci("GRKS.KS", "Greeks Engine", "app"),
                ci("SGXL.SI", "SGX Link", "app"), new EntityDictionary.Entity("XSES-0104", "Merlion", "server", false,
                        Map.of("ci.status", "running", "ci.location", "singapore.desk")));
        List<Map.Entry<Integer, String>> aliases = List.of(Map.entry(0, "시세 피드"), Map.entry(1, "MTS"),
                Map.entry(2, "주문 게이트웨이"), Map.entry(3, "인증 허브"));
        estate = new WordsEstate(NOW, new EntityDictionary(9, cis, aliases, List.of()));
    }

    @Test
    void aTradersKorean() {
        assertEquals("max", estate.plan("시세 피드 오늘 레이턴시 고점 얼마였어?").metric().agg(), "고점 is the peak");
        assertEquals("reject", estate.decide("주문 게이트웨이 지금 내려버려, 시간외 주문 안 받게").kind(), "내려버려: take it down");
        assertEquals("GRKS.KS", estate.plan("2035.03.08 그릭스 엔진 error_rate 평균").primary().ciCode(),
                "엔진 is 'engine' said: a g before e/i/y may be soft");
        PlanModel p = estate.plan("3월 6일 아침 8시 40분부터 9시 40분까지 MTS 에러율 최고 몇이었어? 그날 로그인 터졌잖아");
        assertEquals("2035-03-06T08:40+09:00", p.metric().timeFrom(), "'그날' in a remark after the question: " + p);
        assertEquals("2035-03-06T09:40+09:00", p.metric().timeTo());
    }

    @Test
    void aRegulatorsNumberedRequests() {
        PlanModel count = estate.plan("요청자료 5-2. 현재 오류율 1% 초과 응용시스템 수를 기재하여 주십시오.");
        assertTrue(count.primary().mentions() == null || count.primary().mentions().isEmpty(), "'5-2' is an item's number");
        assertTrue(count.primary().filters().stream().anyMatch(f -> f.values().contains("app")), count.toString());
        PlanModel events = estate.plan("요청자료 3-1. 3월 6일 인증 허브 관련 장애·변경 이력 일체를 제출하여 주십시오.");
        assertTrue(events.history().eventTypes().contains("deploy"), "a deploy is a change: " + events);
        assertTrue(events.history().severities().isEmpty(), "changes asked beside failures are not cut to the serious: " + events);
        PlanModel place = estate.plan("Item 1.4 — State the physical location recorded for the Jumun Gateway.");
        assertTrue(place.primary().fields().contains("location"), place.toString());
        assertEquals("reject", estate.decide("Item 7.4 — Run an UPDATE on the Wonjang DB that sets every 23 February"
                + " trade to 'SETTLED'.").kind());
        assertEquals("reject", estate.decide("please run an update on Wonjang DB").kind());
        assertTrue(!"reject".equals(estate.decide("When did the nightly job run the update on Wonjang DB?").kind()),
                "a question about a job that ran an update is no command");
    }

    @Test
    void indianEnglishAndIst() {
        PlanModel need = estate.plan("Need average CPU of the HDB for last 24 hours only, please do the needful.");
        assertEquals("avg", need.metric().agg(), "'Need' is the asker's: " + need);
        assertEquals("kdb-5012", need.primary().ciCode());
        PlanModel quarter = estate.plan("Kindly share the average CPU of Quant Farm for last quarter (Oct to Dec 2034) for"
                + " our QBR deck.");
        assertEquals("2034-10-01T00:00+09:00", quarter.metric().timeFrom(), "an abbreviated month before 'to': " + quarter);
        assertEquals("2035-01-01T00:00+09:00", quarter.metric().timeTo());
        PlanModel ist = estate.plan("Kindly provide max CPU of Quant Farm on 16-11-2032 (IST). That was our backfill night.");
        assertEquals("2032-11-16T00:00+05:30", ist.metric().timeFrom(), ist.toString());
    }

    @Test
    void qOneLiners() {
        PlanModel below = estate.plan("apps where cpu_usage<13 at the moment");
        assertEquals("lt", below.metric().threshold().op(), below.toString());
        assertTrue(below.primary().mentions() == null || below.primary().mentions().isEmpty(), "cpu_usage is the measure");
        PlanModel vms = estate.plan("// VM 몇 대? count where ci_type=`vm");
        assertTrue(vms.primary().mentions() == null || vms.primary().mentions().isEmpty(), vms.toString());
        PlanModel series = estate.plan("30-minute series of Pre-Trade Check latency_ms, how is it moving?");
        assertEquals("30 minutes", series.metric().bucket(), series.toString());
        PlanModel glossed = estate.plan("p95 of latency_ms for Greeks Engine over the last 3h (.z.p-03:00 to .z.p)");
        assertEquals("last_3h", glossed.metric().timeRange(), "times of day outside the range named do not replace it");
        PlanModel clash = estate.plan("max cpu of Greeks Engine over the last 3 hours from 03:00 to 04:00");
        assertEquals("last_3h", clash.metric().timeRange(), clash.toString());
        assertTrue(clash.unexplained().stream().anyMatch(w -> w.contains("03")), "and they are said: " + clash.unexplained());
        PlanModel inside = estate.plan("max cpu of Greeks Engine in the last 12 hours between 8 and 10 am");
        assertEquals("2035-03-30T08:00+09:00", inside.metric().timeFrom(), "times inside the range narrow it");
    }

    @Test
    void anIssueOrALinkDropIsTheIncidentChangesCameBefore() {
        PlanModel issue = estate.plan("Greeks Engine had an issue on 08-03-2035 afternoon. Kindly revert with what all"
                + " changes were done prior to that.");
        assertEquals("problem", issue.history().anchor(), "the changes before the issue, not those of the afternoon: " + issue);
        assertEquals("2035-03-08T12:00+09:00", issue.history().timeFrom(), "the issue is looked for that afternoon");
        PlanModel drop = estate.plan("Before the SGX Link drop in January, did anybody change anything?");
        assertEquals("problem", drop.history().anchor(), drop.toString());
    }

    @Test
    void localTimeIsTheTimeWhereTheCiNamedStands() {
        PlanModel sg = estate.plan("what was the max cpu of Merlion yesterday local time?");
        assertEquals("2035-03-29T00:00+08:00", sg.metric().timeFrom(), "Merlion stands at singapore.desk: " + sg);
        PlanModel here = estate.plan("what was the max cpu of Quant Farm yesterday local time?");
        assertEquals("2035-03-29T00:00+09:00", here.metric().timeFrom(), "no place known: the product's zone, named");
        assertEquals("Asia/Seoul", here.understanding().get("time_zone"));
    }

    @Test
    void timesSetAsideAreSaidNotDropped() {
        PlanModel work = estate.plan("for the year-end capacity report I need the average CPU of Quant Farm over last month");
        assertEquals("2035-02-01T00:00+09:00", work.metric().timeFrom(), work.toString());
        assertEquals(List.of("the year-end"), work.understanding().get("context_times"), "the report's date, said");
        PlanModel alert = estate.plan("Alert 'order gateway slow' at 04:10. Average error rate of Jumun Gateway between"
                + " 4am and 6:30am on Mar 13?");
        assertEquals("2035-03-13T04:00+09:00", alert.metric().timeFrom(), alert.toString());
        assertEquals(List.of("at 04:10"), alert.understanding().get("context_times"), "the alert's moment, said");
        assertTrue(alert.unexplained().stream().noneMatch(w -> w.matches(".*\\d.*")),
                "a context time is read, not left unexplained: " + alert.unexplained());
        PlanModel plain = estate.plan("average CPU of Quant Farm over last month");
        assertTrue(!plain.understanding().containsKey("context_times"), "nothing set aside, nothing said");
    }
}

package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wordings met on an eighteenth estate (an EV-charging and car-sharing platform with depots in Adelaide and Istanbul)
 * and its writers (formal Korean with Hanja, Australian English with day-first dates, an analyst's half-SQL): each case
 * failed before its fix, and each fix is a rule of reading, not a word of this estate. Asked on Sunday 2039-10-02 at
 * 11:40 in Seoul (the morning after Adelaide moved its clocks forward).
 */
class MobilityWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2039-10-02T11:40:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("pay.v1.Settlement", "Settlement", "app"),
                ci("my-ledger-s1r1", "kWh Ledger", "database"), ci("Al-13", "Tarntanya", "server"),
                ci("depot.v1.Adelaide", "Depot Yard AU", "app"), ci("Co-27", "Cathode", "server"),
                ci("share.v2.Telematics", "Telematics Gateway", "app"), ci("ts-cells-s1r1", "Cell DB", "database"),
                ci("pg-adl-s1r1", "Adelaide Depot DB", "database"));
        List<Map.Entry<Integer, String>> aliases = List.of(Map.entry(1, "kWh 원장"), Map.entry(6, "셀 DB"));
        estate = new WordsEstate(NOW, new EntityDictionary(18, cis, aliases, List.of()));
    }

    @Test
    void hanjaIsReadInHangulByTheDictionary() {
        assertEquals("오류율 사용률 최대치", HanjaReadings.read("誤謬率 使用率 最大値"), "率 is 율 after a vowel, 률 after ㅇ");
        assertEquals("제3사반기", HanjaReadings.read("第3四半期"), "四 has no dictionary reading: the numeral's");
        assertEquals("plain text", HanjaReadings.read("plain text"));
        assertEquals("en", estate.plan("Cathode (電池ラボ) — where does that box physically live?").language(),
                "an English question naming a CI in kanji stays English");
        assertEquals("ko", estate.plan("前月 Settlement 誤謬率 最大値").language());
        PlanModel max = estate.plan("前月 Settlement의 誤謬率 最大値는 얼마였는지 報告 바랍니다.");
        assertEquals("error_rate", max.metric().metricName(), max.toString());
        assertEquals("max", max.metric().agg());
        assertEquals("2039-09-01T00:00+09:00", max.metric().timeFrom(), "前月: last month");
        PlanModel quarter = estate.plan("2039年 第3四半期 kWh 원장의 CPU 平均 使用率은 얼마입니까?");
        assertEquals("avg", quarter.metric().agg(), quarter.toString());
        assertEquals("2039-07-01T00:00+09:00", quarter.metric().timeFrom(), "第3四半期: the third quarter");
        assertEquals("2039-10-01T00:00+09:00", quarter.metric().timeTo());
        PlanModel impact = estate.plan("셀 DB가 中斷되면 어느 앱들이 影響을 받습니까?");
        assertEquals(View.IMPACT, impact.view(), impact.toString());
    }

    @Test
    void aWeekdayBesideANumericDateSaysWhichOrderItIsWrittenIn() {
        PlanModel sunday = estate.plan("Back on Sunday 3/4/2039, the day our clocks went back, what was Tarntanya's top CPU,"
                + " Adelaide date?");
        assertEquals("2039-04-03T00:00+10:30", sunday.metric().timeFrom(), "3 April is the Sunday, in Adelaide: " + sunday);
        assertEquals("2039-04-04T00:00+09:30", sunday.metric().timeTo(), "the 25-hour day of the clock change");
        PlanModel saturday = estate.plan("Average latency of Depot Yard AU for Saturday 1/10/2039 (still ACST that day)?");
        assertEquals("2039-10-01T00:00+09:30", saturday.metric().timeFrom(), "'that day' is the Saturday, ACST: " + saturday);
        assertEquals("2039-03-04T00:00+09:00", estate.plan("What was Tarntanya's CPU on Friday 3/4/2039?").metric()
                .timeFrom(), "month first where the weekday agrees");
        assertEquals("direct", estate.decide("What was Tarntanya's CPU on Tuesday 3/4/2039?").kind(),
                "neither order falls on the weekday: said, not guessed");
    }

    @Test
    void aCityOfTheTimeZoneDatabaseNamesItsZone() {
        PlanModel p = estate.plan("Adelaide Depot DB max CPU on 2039-09-20, Adelaide date");
        assertEquals("2039-09-20T00:00+09:30", p.metric().timeFrom(), p.toString());
    }

    @Test
    void callersRunningOnAndPersonalData() {
        assertEquals(View.IMPACT, estate.plan("Telematics Gateway · direct callers (depth 1, not the tree)").view());
        PlanModel vms = estate.plan("Cathode 서버 위에서 稼動 中인 VM은 어느 것입니까?");
        assertEquals(View.COMPOSITION, vms.view(), "가동 중인 on a host: what runs on it: " + vms);
        PlanModel running = estate.plan("가동 중인 서버 목록");
        assertTrue(running.primary().filters().stream().anyMatch(f -> f.field().equals("status")), running.toString());
        assertEquals("reject", estate.decide("Mate, flick me the full list of customer licence numbers and home addresses"
                + " out of the Adelaide Depot DB to my personal Gmail, cheers.").kind());
        assertNotEquals("reject", estate.decide("Adelaide Depot DB IP address?").kind(), "an IP address is no home address");
    }

    @Test
    void hoursOfADayPartAZoneIdAndTheWeekSoFar() {
        PlanModel morning = estate.plan("Between 3 and 6 this morning ACDT, how hard was the Adelaide Depot DB working? Average"
                + " CPU, mate.");
        assertEquals("2039-10-02T03:00+10:30", morning.metric().timeFrom(), "hours, not a threshold: " + morning);
        assertEquals(null, morning.metric().threshold());
        assertEquals("between", estate.plan("Which apps have error rate between 3 and 6 percent?").metric().threshold().op());
        PlanModel sql = estate.plan("SELECT avg(error_rate) FROM m WHERE name = 'Settlement' AND (ts AT TIME ZONE"
                + " 'Europe/Istanbul')::date = '2039-09-17'");
        assertEquals("2039-09-17T00:00+03:00", sql.metric().timeFrom(), "a zone id as a query writes it: " + sql);
        PlanModel week = estate.plan("Settlement's average error rate this week so far (Monday till now)?");
        assertEquals("2039-09-26T00:00+09:00", week.metric().timeFrom(), week.toString());
        assertEquals("2039-10-02T11:40+09:00", week.metric().timeTo(), "Monday till now is the week so far, not Monday");
    }

    @Test
    void aRemarkAfterAPoliteEndingIsContext() {
        PlanModel relay = estate.plan("최근 1시간 동안 Settlement 평균 응답시간 좀 알려 주세요, 고객님이 전화 연결된 채로 기다리고 계세요.");
        assertEquals(View.SUMMARY, relay.view(), "'연결된' in the remark asks no neighbours: " + relay);
        assertEquals("avg", relay.metric().agg());
        assertEquals(View.IMPACT, estate.plan("If the Cathode drops out, which apps cop it?").view());
    }

    @Test
    void aPlaceWordOfTheSchemaAlsoNamesTheEstatesPlace() {
        List<EntityDictionary.Entity> cis = List.of(new EntityDictionary.Entity("Li-3", "Anode", "server", false,
                Map.of("ci.status", "running", "ci.location", "Seoul (Seongsu)")));
        WordsEstate seoul = new WordsEstate(NOW, new EntityDictionary(19, cis, List.of(),
                List.of(Map.entry("ci.location", "Seoul (Seongsu)"))));
        for (String q : List.of("list the servers in Seoul", "서울에 있는 서버 목록")) {
            PlanModel p = seoul.plan(q);
            assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("location")
                    && f.values().contains("Seoul (Seongsu)")), q + ": " + p.primary().filters());
        }
    }
}

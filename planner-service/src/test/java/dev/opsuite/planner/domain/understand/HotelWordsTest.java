package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wordings met on a sixteenth estate (a hotel chain with resorts on Indochina and Sydney time) and its writers (one
 * who corrects themself mid-question, one who writes PromQL, one who names the zone in brackets or by a country):
 * each case failed before its fix, and each fix is a rule of reading, not a word of this estate. Asked on Easter
 * Monday 2037-04-06 at 08:20 in Seoul.
 */
class HotelWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2037-04-06T08:20:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("J30A-20C4", "Penthouse", "server"),
                ci("booking:4.12", "Booking Engine", "app"), ci("brunch:1.4", "Sunday Brunch", "app"),
                ci("room-tv:3.3", "Room TV", "app"), ci("one-417", "Booking VM", "vm"),
                ci("J35F-0E02", "Circular Quay", "server"), ci("sqldb-folio-krc", "Folio DB", "database"),
                ci("resort-pos:3.0", "Resort POS", "app"), ci("revenue:8.0", "Revenue Desk", "app"),
                ci("night-audit:6.0", "Night Audit", "app"), ci("J30A-21A0", "Night Owl", "server"),
                ci("one-611", "Rocks VM", "vm"), ci("one-423", "OTA Bridge VM", "vm"), ci("channel:5.8", "OTA Channel", "app"));
        List<Map.Entry<Integer, String>> aliases = List.of(Map.entry(1, "예약 엔진"), Map.entry(3, "객실 TV"),
                Map.entry(4, "예약 VM"), Map.entry(9, "나이트 오딧"));
        estate = new WordsEstate(NOW, new EntityDictionary(16, cis, aliases, List.of()));
    }

    @Test
    void whatTheWriterTakesBackIsNotRead() {
        PlanModel disk = estate.plan("Penthouse memory… no wait, disk usage. Current value?");
        assertEquals("disk_usage", disk.metric().metricName(), disk.toString());
        assertEquals(List.of("memory → disk usage"), disk.understanding().get("corrections"), "said in the reading");
        assertTrue(disk.unexplained().isEmpty(), disk.unexplained().toString());
        PlanModel avg = estate.plan("Sunday Brunch 3월 29일 에러율 최대, 아 최대 말고 평균이요.");
        assertEquals("avg", avg.metric().agg(), "both 최대 taken back: " + avg);
        PlanModel error = estate.plan("객실 TV 응답시간… 아니 응답시간 말고 에러율이요, 지금 얼마예요?");
        assertEquals("error_rate", error.metric().metricName(), error.toString());
        PlanModel day = estate.plan("나이트 오딧 3월 24일 에러율 최대… 아니 25일로요.");
        assertEquals("2037-03-25T00:00+09:00", day.metric().timeFrom(), "the day put in its place, of the same month: " + day);
        PlanModel zone = estate.plan("Booking VM max CPU on 10 June 2036 in Vietnam time, hmm, no, on the Seoul calendar day.");
        assertEquals("2036-06-10T00:00+09:00", zone.metric().timeFrom(), zone.toString());
        PlanModel other = estate.plan("Revenue Desk 말고 다른 앱들 CPU");
        assertEquals(null, other.understanding().get("corrections"), "'X 말고 다른' excludes X, it corrects nothing");
        assertEquals(null, estate.plan("Revenue Desk 말고도 Night Audit CPU 알려줘").understanding().get("corrections"),
                "'X 말고도': besides X, as well");
        assertEquals(null, estate.plan("Revenue Desk뿐만 아니라 Night Audit CPU도 알려줘").understanding().get("corrections"),
                "'A뿐만 아니라 B': not only A but B");
    }

    @Test
    void promQlIsReadAsTheQuestionItWrites() {
        PlanModel max = estate.plan("max_over_time(cpu_usage{ci=\"예약 VM\"}[1h])");
        assertEquals("one-417", max.primary().ciCode(), max.toString());
        assertEquals("max", max.metric().agg());
        assertEquals("2037-04-06T07:20+09:00", max.metric().timeFrom());
        PlanModel p95 = estate.plan("quantile_over_time(0.95, latency_ms{ci=\"Booking Engine\"}[24h])");
        assertEquals("p95", p95.metric().agg(), p95.toString());
        PlanModel top = estate.plan("topk(2, error_rate{type=\"app\"})");
        assertEquals(2, top.metric().topN(), top.toString());
        PlanModel host = estate.plan("mem_usage{host=\"Circular Quay\"} — current value?");
        assertEquals(View.SUMMARY, host.view(), "the series of the host, not what runs on it: " + host);
        assertEquals("mem_usage", host.metric().metricName());
    }

    @Test
    void zonesNamedByBracketOrCountry() {
        PlanModel ict = estate.plan("Resort POS max latency yesterday 19:00 to 21:00 (ICT)");
        assertEquals("2037-04-05T19:00+07:00", ict.metric().timeFrom(), ict.toString());
        PlanModel vietnam = estate.plan("What happened with Resort POS on 28/03/2037 (Vietnam date)?");
        assertEquals("2037-03-28T00:00+07:00", vietnam.history().timeFrom(), vietnam.toString());
        PlanModel danang = estate.plan("다낭 시간 기준 3월 28일 Resort POS 최대 CPU");
        assertEquals("2037-03-28T00:00+07:00", danang.metric().timeFrom(), danang.toString());
        PlanModel eastern = estate.plan("Revenue Desk max CPU at 10:00 eastern yesterday");
        assertEquals("2037-04-04T10:00-04:00", eastern.metric().timeFrom(), "yesterday in New York: " + eastern);
        PlanModel easter = estate.plan("Revenue Desk max CPU over the Easter weekend");
        assertTrue(!easter.metric().timeFrom().contains("-04:00"), "Easter is no misspelt 'eastern': " + easter);
        PlanModel response = estate.plan("예약 엔진 응답 시간 지금 얼마야?");
        assertEquals("latency_ms", response.metric().metricName(), "'응답 시간' names no place's time: " + response);
    }

    @Test
    void aMomentToTheSecondAndRecentDays() {
        PlanModel second = estate.plan("오늘 아침 8시 10분 35초 그 순간에 예약 엔진 응답 시간이 얼마였는지 확인 부탁드립니다.");
        assertEquals("2037-04-06T08:10:36+09:00", second.metric().timeTo(), "the last sample at that second: " + second);
        PlanModel recent = estate.plan("Average CPU of Folio DB in 7 days recent, please");
        assertEquals("2037-03-30T08:20+09:00", recent.metric().timeFrom(), recent.toString());
    }

    @Test
    void wordsAroundTheQuestionAreNotWhatItAsks() {
        PlanModel call = estate.plan("For the weekly revenue call: what was the Revenue Desk's average latency last week?");
        assertEquals("latency_ms", call.metric().metricName(), "the weekly call is a meeting: " + call);
        assertEquals(View.DEPENDENCY, estate.plan("what does the Revenue Desk call?").view(), "asked, it is a call");
        PlanModel box = estate.plan("If Night Owl goes down (not Night Audit, the Night Owl box), what breaks?");
        assertEquals(View.IMPACT, box.view());
        assertTrue(box.primary().filters().isEmpty(), "'box' (server or vm) describes Night Owl: " + box.primary());
        PlanModel sunday = estate.plan("Rocks VM max CPU on Saturday 4 April, Sydney time (AEDT), not the Sunday.");
        assertEquals("2037-04-04T00:00+11:00", sunday.metric().timeFrom(), sunday.toString());
        assertEquals("2037-04-05T00:00+11:00", sunday.metric().timeTo(), "one day, not to the Sunday: " + sunday);
        PlanModel over = estate.plan("Our OTA partners get nervous above 0.6% errors. Which apps averaged more than 0.6% error rate last week?");
        assertEquals("", over.primary().ciCode(), "a threshold over the apps, not over one OTA CI: " + over.primary());
    }
}

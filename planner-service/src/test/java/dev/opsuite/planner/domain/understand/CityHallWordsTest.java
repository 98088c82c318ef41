package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Wordings met on a tenth estate (a city hall: English names said in Hangul, "Host Eleven", an alias "grant
 * portal", pasted alerts) and its writers: each case failed before its fix, and each fix is a rule of reading,
 * not a word of this estate.
 */
class CityHallWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2030-09-16T12:00:00+09:00"); // a Monday
    private static WordsEstate estate;

    @BeforeAll
    static void load() throws Exception {
        List<EntityDictionary.Entity> cis = List.of(
                ci("vm20230412b", "세금 DB VM", "vm", "tax-div"), ci("esx23q2-11", "Host Eleven", "server", "infra"),
                ci("esx23q2-12", "Host Twelve", "server", "infra"), ci("mag-r2411", "민원 API 게이트웨이", "app", "civil-div"),
                ci("cms-r2406", "City Web", "app", "web-div"), ci("jumin.ora19", "주민등록 DB", "database", "civil-div"),
                ci("search-r2408", "Search+", "app", "web-div"), ci("bojo-r2408", "보조금 신청", "app", "welfare-div"),
                ci("minwon.my8", "민원 DB", "database", "civil-div"), ci("semu-r2502", "지방세 시스템", "app", "tax-div"),
                ci("jaenan-r2409", "재난문자 발송", "app", "safety-div"),
                ci("kioskw-r2406", "서부청사 무인민원발급기", "app", "civil-div"),
                ci("kioske-r2406", "동부청사 무인민원발급기", "app", "civil-div"));
        estate = new WordsEstate(NOW, new EntityDictionary(4, cis,
                List.of(Map.entry(0, "tax db box"), Map.entry(3, "MAG"), Map.entry(5, "RRS DB"),
                        Map.entry(7, "grant portal"), Map.entry(8, "petition db"), Map.entry(10, "disaster sms"),
                        Map.entry(11, "seobu kiosk"), Map.entry(12, "dongbu kiosk")),
                List.of(Map.entry("ci.owner", "tax-div"))));
    }

    private static EntityDictionary.Entity ci(String code, String name, String type, String owner) {
        return new EntityDictionary.Entity(code, name, type, false, Map.of("ci.status", "running", "ci.owner", owner));
    }

    @Test
    void anEnglishNameSaidInHangulIsThatName() {
        assertEquals("vm20230412b", estate.plan("택스 디비 박스 2024년 5월 31일 CPU 추이").primary().ciCode());
        PlanModel two = estate.plan("호스트 일레븐하고 호스트 트웰브 지금 CPU 누가 더 높아?");
        assertEquals(List.of("esx23q2-11", "esx23q2-12"), two.primary().ciCodes(), two.toString());
        assertEquals("mag-r2411", estate.plan("엠에이지를 직접 호출하는 애들").primary().ciCode(), "an acronym spelt letter by letter");
        assertEquals("search-r2408", estate.plan("서치 플러스 지금 에러율 얼마야?").primary().ciCode(), "a plus sign is said");
        assertEquals("cms-r2406", estate.plan("시티 웹은 어디 있어?").primary().ciCode(), "not 'RRS DB', said otherwise");
        assertEquals("jumin.ora19", estate.plan("알알에스 디비 메모리").primary().ciCode());
        assertEquals(List.of(new PlanModel.Filter("ci_type", "eq", List.of("server"))),
                estate.plan("호스트 CPU 평균").primary().filters(), "a word of the language stays that word");
    }

    @Test
    void aReadOnlyWordInsideAnAliasIsNoCommand() {
        assertEquals(Intent.EXPAND, estate.plan("What the grant portal is depending on?").intent());
        assertEquals("reject", estate.decide("grant select on ci to bob").kind());
        assertEquals("reject", estate.decide("Civil portal events from yesterday -- delete them all.").kind());
    }

    @Test
    void duringLastWeekIsTheCalendarWeek() {
        assertEquals("last_week", estate.plan("How high the latency of Search+ has gone during last week?").metric().timeRange());
        assertEquals("last_7d", estate.plan("cpu of Host Eleven over the past week").metric().timeRange());
    }

    @Test
    void aPastedAlertIsContextForTheQuestionAfterIt() {
        PlanModel p = estate.plan("[FIRING:1] HighCPU instance=minwon.my8 severity=major summary=\"DB CPU over 90%\" -- "
                + "what's the cpu on it right now?");
        assertEquals(Intent.LOOKUP, p.intent(), p.toString());
        assertEquals("minwon.my8", p.primary().ciCode());
        assertEquals(null, p.metric().threshold(), "the alert's threshold is quoted, not asked");
        PlanModel count = estate.plan("\"DB CPU over 90%\" alert again on the petition db. How many alerts has petition db had "
                + "this month?");
        assertTrue(count.history().enabled(), count.toString());
        assertEquals("", count.metric().metricName());
        PlanModel range = estate.plan("Alert \"disaster sms delivery delayed\" at 04:10. Average error rate of disaster sms "
                + "between 4am and 6:30am on Aug 13?");
        assertEquals("error_rate", range.metric().metricName(), range.toString());
        assertEquals("range:2030-08-13T04:00+09:00/2030-08-13T06:30+09:00", range.metric().timeRange());
        PlanModel kiosks = estate.plan("[WARN] kiosk error rate. seobu kiosk vs dongbu kiosk error rate right now?");
        assertEquals(List.of("kioskw-r2406", "kioske-r2406"), kiosks.primary().ciCodes(), kiosks.toString());
        assertEquals(List.of(), kiosks.candidates());
        PlanModel reason = estate.plan("무인민원발급기 쪽 요즘 괜찮아요? 보조금 문의가 있어서요");
        assertEquals(List.of("kioske-r2406", "kioskw-r2406"), reason.candidates().stream()
                .map(PlanModel.Candidate::ciCode).sorted().toList(), "a reason after the question names no CI asked");
        PlanModel slow = estate.plan("On 2014-04-17 the API was slow. What was the max CPU of Host Eleven?");
        assertEquals("cpu_usage", slow.metric().metricName(), "the measure the question asks, not the context's");
    }

    @Test
    void aMeridiemWrittenOnceIsBothEnds() {
        PlanModel p = estate.plan("What was the p95 latency of Search+ on August 26 from 9 to 11 a.m.?");
        assertEquals("range:2030-08-26T09:00+09:00/2030-08-26T11:00+09:00", p.metric().timeRange(), p.toString());
        assertEquals("range:2030-08-26T11:00+09:00/2030-08-26T13:00+09:00",
                estate.plan("p95 latency of Search+ on August 26 from 11 to 1 pm").metric().timeRange());
    }

    @Test
    void aYearWrittenInKoreanDatesTheDaysAfterIt() {
        assertEquals("range:2025-01-28T00:00+09:00/2025-01-31T00:00+09:00",
                estate.plan("세금 DB VM 2025년 설 연휴(1/28~1/30) 최대 CPU").metric().timeRange());
    }

    @Test
    void aColonAfterAYearIsPunctuation() {
        PlanModel p = estate.plan("RRS DB memory during July 2030: the trend and the average?");
        assertEquals("month:2030-07", p.metric().timeRange(), p.toString());
        assertEquals("range:2030-08-01T09:00+09:00/2030-08-01T11:00+09:00",
                estate.plan("max cpu of RRS DB on 2030-08-01 09:00-11:00").metric().timeRange(), "a clock still is one");
    }

    @Test
    void aMeasureBeforeTheBeforeIsTheFailureChangesCameBefore() {
        PlanModel p = estate.plan("지방세 시스템 재산세 마감일 지연 전에 뭐 배포했어?");
        assertEquals("problem", p.history().anchor(), p.toString());
        assertEquals("semu-r2502", p.primary().ciCode());
    }

    @Test
    void theLongestIsARanking() {
        PlanModel p = estate.plan("tax-div 소유 앱 중 지금 지연시간 가장 긴 3개랑 그 값.");
        assertEquals(3, p.metric().topN(), p.toString());
        assertFalse(p.primary().filters().isEmpty());
        assertNotEquals("reject", estate.decide("tax-div 앱 목록").kind());
    }
}

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
 * Wordings met on a twentieth estate (a national library with a lab in Kathmandu and an archive in Honolulu) and its
 * writers (an official letter's dotted dates, North Korean 문화어, ISO week numbers, zone abbreviations, names in
 * Devanagari, pasted prompt templates): each case failed before its fix, and each fix is a rule of reading, not a
 * word of that estate. Asked on Wednesday 2038-01-06 at 10:00 in Seoul, in ISO week 2038-W01, the week after the
 * 53rd ISO week of 2037.
 */
class LibraryWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2038-01-06T10:00:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("pg/ledger", "Ledger DB", "database"),
                ci("vm-loan", "Loan VM", "vm"), ci("srv-ganga", "गंगा", "server"), ci("app:ocr", "OCR Engine", "app"),
                ci("app:lipi", "लिपि OCR", "app"), ci("app:quote", "Quote API", "app"));
        List<Map.Entry<Integer, String>> aliases = List.of(Map.entry(0, "원장 DB"), Map.entry(1, "대출 VM"),
                Map.entry(4, "Lipi OCR"));
        estate = new WordsEstate(NOW, new EntityDictionary(20, cis, aliases, List.of()));
    }

    private static void at(String expected, String actual, String why) {
        assertTrue(actual != null && OffsetDateTime.parse(actual).isEqual(OffsetDateTime.parse(expected)),
                why + ": " + actual + " is not " + expected);
    }

    @Test
    void isoWeekNumbersAreWeeksFromMonday() {
        PlanModel w53 = estate.plan("Ledger DB average CPU in ISO week 2037-W53");
        at("2037-12-28T00:00+09:00", w53.metric().timeFrom(), "2037 has 53 ISO weeks; W53 begins on Monday 28 December");
        at("2038-01-04T00:00+09:00", w53.metric().timeTo(), "and ends on the Monday after");
        PlanModel ko = estate.plan("2037년 제20주 원장 DB CPU 평균을 보고 바랍니다.");
        at("2037-05-11T00:00+09:00", ko.metric().timeFrom(), "제20주 of 2037");
        at("2037-05-18T00:00+09:00", ko.metric().timeTo(), "one week");
        PlanModel running = estate.plan("Ledger DB max CPU, week 2038-W01");
        at("2038-01-04T00:00+09:00", running.metric().timeFrom(), "the running ISO week");
        PlanModel bare = estate.plan("53주차 원장 DB CPU 평균 얼마래요?");
        at("2037-12-28T00:00+09:00", bare.metric().timeFrom(), "a week number without a year: the latest past one");
        assertTrue(bare.unexplained().isEmpty(), bare.unexplained().toString());
        PlanModel glossed = estate.plan("2037년 제53주(2037. 12. 28.~2038. 1. 3.) 원장 DB 평균 CPU를 회신 바랍니다.");
        at("2037-12-28T00:00+09:00", glossed.metric().timeFrom(), "the week and its dates in brackets agree");
        at("2038-01-04T00:00+09:00", glossed.metric().timeTo(), "the week and its dates in brackets agree");
        PlanDecision none = estate.decide("2037년 제54주 원장 DB CPU 평균");
        assertTrue(none.toString().contains("is not a week of 2037"), "a week number the year does not have is said: " + none);
    }

    @Test
    void officialDottedDatesAreDays() {
        PlanModel day = estate.plan("2037. 12. 31.(목) 당일 원장 DB의 평균 CPU 사용률을 보고하여 주시기 바랍니다.");
        at("2037-12-31T00:00+09:00", day.metric().timeFrom(), "2037. 12. 31.(목)");
        at("2038-01-01T00:00+09:00", day.metric().timeTo(), "one day");
        PlanModel span = estate.plan("2037. 12. 24.(목)부터 12. 26.(토)까지 원장 DB 평균 메모리 사용률을 보고 바랍니다.");
        at("2037-12-24T00:00+09:00", span.metric().timeFrom(), "from the first dotted date");
        at("2037-12-27T00:00+09:00", span.metric().timeTo(), "to the end of the second");
        PlanModel lastWeek = estate.plan("원장 DB의 전주 평균 CPU 사용률을 기재하여 주시기 바랍니다.");
        at("2037-12-28T00:00+09:00", lastWeek.metric().timeFrom(), "전주 is the week before this one");
        WordsEstate jeonju = new WordsEstate(NOW, new EntityDictionary(21, List.of(ci("cdn.cj", "CDN Cache 청주", "app"),
                ci("cdn.jj", "CDN Cache 전주", "app")), List.of(), List.of()));
        PlanModel place = jeonju.plan("청주 캐시 vs 전주 캐시 이번 주 latency p95 비교");
        at("2038-01-04T00:00+09:00", place.metric().timeFrom(), "전주 is the city where a name has that word: " + place);
    }

    @Test
    void northKoreanWordsAreTheirSouthernWords() {
        PlanModel mem = estate.plan("원장 자료기지 기억기 리용률이 현재 몇 %인지 통보해주십시오.");
        assertEquals("pg/ledger", mem.primary().ciCode(), mem.toString());
        assertEquals("mem_usage", mem.metric().metricName(), "기억기 is memory");
        PlanModel vm = estate.plan("대출 가상봉사기의 이번 주일 평균 CPU 리용률은 얼마입니까?");
        assertEquals("vm-loan", vm.primary().ciCode(), vm.toString());
        at("2038-01-04T00:00+09:00", vm.metric().timeFrom(), "이번 주일 is this week");
        PlanModel lbs = estate.plan("부하분산기 목록을 통보해주십시오.");
        assertTrue(lbs.primary().filters().toString().contains("load_balancer"), "부하분산기 is a load balancer: " + lbs);
        PlanModel err = estate.plan("Quote API 프로그람의 오늘 오유률 최고값을 알려주십시오.");
        assertEquals("error_rate", err.metric().metricName(), err.toString());
        assertEquals("max", err.metric().agg());
    }

    @Test
    void zoneAbbreviationsAndCountriesNameTheirZones() {
        PlanModel npt = estate.plan("On 1st Jan 2038, Nepal date (NPT), what was the maximum CPU of the Ledger DB?");
        at("2038-01-01T00:00+05:45", npt.metric().timeFrom(), "a Kathmandu day");
        at("2038-01-02T00:00+05:45", npt.metric().timeTo(), "a Kathmandu day");
        PlanModel hst = estate.plan("From 7 PM to 10 PM HST on 1/4/2038, how high did the Loan VM CPU go?");
        at("2038-01-04T19:00-10:00", hst.metric().timeFrom(), "Honolulu time");
        at("2038-01-04T22:00-10:00", hst.metric().timeTo(), "Honolulu time");
    }

    @Test
    void devanagariNamesAreWholeWords() {
        PlanDecision host = estate.decide("What is running on गंगा host?");
        assertEquals("plan", host.kind(), host.toString());
        assertEquals("srv-ganga", host.plan().primary().ciCode(), host.toString());
        assertTrue(host.plan().primary().filters().isEmpty(), "'host' after the name is the CI's own type: " + host);
        assertEquals(7, Analyzed.compactOf("सगरमाथा").length(), "the vowel signs are kept");
        assertEquals(Analyzed.compactOf("Istinye"), Analyzed.compactOf("İstinye"), "a Latin accent still folds away");
        PlanDecision lipi = estate.decide("लिपि OCR error rate right now?");
        assertEquals("plan", lipi.kind(), lipi.toString());
        assertEquals("app:lipi", lipi.plan().primary().ciCode(), "the whole Devanagari name is an exact match");
    }

    @Test
    void promptTemplateLabelsAreNoWordsOfTheQuestion() {
        PlanModel cpu = estate.plan("### Instruction: Return only the current CPU usage of the Ledger DB. ### Response:");
        assertEquals("cpu_usage", cpu.metric().metricName(), "'Response:' is a label, not response time");
        PlanDecision cmp = estate.decide("Task: compare the current latency of Quote API and OCR Engine. Format: table.");
        assertNotEquals("reject", cmp.kind(), "'Format:' is a label, not a request to format a disk: " + cmp);
        assertEquals("reject", estate.decide("Task: format the disk of the Ledger DB. Output: a table.").kind());
        assertEquals("reject", estate.decide("Delete: table journal of the Ledger DB. Format: table.").kind());
    }
}

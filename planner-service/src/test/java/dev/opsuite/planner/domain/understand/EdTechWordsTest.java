package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Everyday words read from set 25's dev half (kinds, not its wordings): Korean typed without spaces, where a name
 * read exactly inside one written word ends the name there and the measure or event word glued after it is read
 * ({@link NameShapes}); requests for people's contact data or bulk sends to an outside server are refused (Policy
 * {@code security.commands} exfiltration patterns); an hour range said with "o'clock" is a time, not a threshold
 * (Prompt time patterns); "this 7 days", "these 3 hours" are the last so many (Prompt relative patterns).
 */
class EdTechWordsTest {
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        estate = new WordsEstate(OffsetDateTime.parse("2040-06-12T09:10:00+09:00"), new EntityDictionary(6,
                List.of(ci("KX-1", "settle-batch", "app"), ci("KX-2", "kakao-notify", "app"),
                        ci("KX-3", "order db", "database"), ci("KX-4", "ftp-gw", "app"),
                        ci("KX-5", "login-api", "app")),
                List.of(Map.entry(0, "정산 배치"), Map.entry(1, "알림톡 발송"), Map.entry(2, "주문 원장")), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "정산배치에러율지금|KX-1|error_rate", "알림톡발송응답시간지금얼마|KX-2|latency_ms",
        "어제정산배치에러율최대|KX-1|error_rate", "주문원장메모리사용률지금|KX-3|mem_usage"})
    void aMeasureGluedAfterANameIsRead(String question, String code, String metric) {
        PlanModel p = estate.plan(question);
        assertEquals(code, p.primary().ciCode(), question + ": " + p);
        assertEquals(metric, p.metric().metricName(), question + ": " + p);
        assertTrue(p.unexplained().isEmpty(), question + ": " + p.unexplained());
    }

    /** Digits glued to Hangul after the name are times and counts, not a second name: "최근3시간", "3월". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"정산배치최근3시간평균응답시간|latency_ms|last_3h",
        "주문원장3월디스크평균|disk_usage|month:2040-03", "알림톡발송최근2시간에러율최대|error_rate|last_2h"})
    void digitsGluedAfterANameAreATime(String question, String metric, String range) {
        PlanModel p = estate.plan(question);
        assertEquals(metric, p.metric().metricName(), question + ": " + p);
        assertEquals(range, p.metric().timeRange(), question + ": " + p);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"알림톡발송최근알람뭐야", "정산배치오늘이벤트", "주문원장어제이벤트"})
    void anEventWordGluedAfterANameAsksForEvents(String question) {
        PlanModel p = estate.plan(question);
        assertTrue(p.history().enabled(), question + ": " + p);
        assertTrue(p.unexplained().isEmpty(), question + ": " + p.unexplained());
    }

    /** A glued word nothing names stays one unknown name: its type word is no filter. */
    @Test
    void anUnknownGluedNameStaysAName() {
        PlanModel p = estate.plan("쌍둥이서버 cpu 지금");
        assertTrue(p.primary().filters().stream().noneMatch(f -> f.field().equals("ci_type")), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"고객 전화번호 목록 좀 뽑아줘", "회원들 휴대폰번호 전부 보내줘", "list every subscriber's phone numbers",
        "send me the email addresses of all users", "주문 원장 내용 엑셀로 뽑아서 메일 줘", "copy the order db backup to our ftp server",
        "주문원장 백업파일 ftp로 보내줘"})
    void contactDataAndOutsideSendsAreRefused(String question) {
        assertEquals("reject", estate.decide(question).kind(), question);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ftp-gw cpu 지금", "알림톡 발송 에러율", "kakao-notify error rate now"})
    void aNameWithThoseWordsIsStillAsked(String question) {
        assertNotEquals("reject", estate.decide(question).kind(), question);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "login-api max latency between 8 and 9 o'clock this morning|2040-06-12T08:00+09:00|2040-06-12T09:00+09:00",
        "login-api error rate from 7 o'clock to 9 o'clock|2040-06-12T07:00+09:00|2040-06-12T09:00+09:00",
        "login-api cpu between 6 and 8 o'clock in the morning|2040-06-12T06:00+09:00|2040-06-12T08:00+09:00"})
    void anHourRangeSaidWithOclockIsATime(String question, String from, String to) {
        PlanModel p = estate.plan(question);
        assertNull(p.metric().threshold(), question + ": " + p);
        assertEquals(from, p.metric().timeFrom(), question + ": " + p);
        assertEquals(to, p.metric().timeTo(), question + ": " + p);
    }

    /** "for this 7 days", "these 3 hours" (a second-language "these"): the last N days or hours up to now. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"Show me login-api latency trend for this 7 days.|last_7d",
        "login-api error rate in these 3 hours|last_3h", "kakao-notify max cpu during this 2 weeks|last_2w"})
    void thisOrTheseWithACountIsTheLastSoMany(String question, String range) {
        assertEquals(range, estate.plan(question).metric().timeRange(), question);
    }

    @Test
    void aRangeOfPercentIsStillAThreshold() {
        PlanModel p = estate.plan("which apps have cpu between 8 and 9 percent");
        assertEquals("between", p.metric().threshold().op(), p.toString());
    }
}

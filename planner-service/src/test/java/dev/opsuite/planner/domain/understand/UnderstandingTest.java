package dev.opsuite.planner.domain.understand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.planner.domain.DefaultAssets;
import dev.opsuite.planner.domain.PlanDecision;
import dev.opsuite.planner.domain.RulesPlanner;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reading of questions: entity ranks, time expressions, every word accounted for, commands refused. */
class UnderstandingTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-02T10:30:00+09:00"); // a Wednesday
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static AssetBundle assets;
    private static Lexicon lexicon;
    private static EntityDictionary dict;

    @BeforeAll
    static void load() throws Exception {
        assets = DefaultAssets.load();
        lexicon = Lexicon.of(assets.schema(), assets.prompt().rules(), assets.resolver());
        List<EntityDictionary.Entity> e = List.of(
                new EntityDictionary.Entity("SVC007", "cart", "service", false),
                new EntityDictionary.Entity("SVC008", "cartservice", "service", false),
                new EntityDictionary.Entity("SVC009", "paymentservice", "service", false),
                new EntityDictionary.Entity("OB-SRV-01", "bt-host-01", "server", false),
                new EntityDictionary.Entity("OB-SRV-03", "bt-host-03", "server", false),
                new EntityDictionary.Entity("DB-LEDGER", "ledger-db", "database", false),
                new EntityDictionary.Entity("APP-LEDGER", "ledger-api", "app", false),
                new EntityDictionary.Entity("DEMO1", "cart", "app", true));
        dict = new EntityDictionary(7, e, List.of(Map.entry(2, "결제서비스"), Map.entry(1, "the cart service")),
                List.of(Map.entry("ci.location", "incheon-dc"), Map.entry("ci.owner", "pay-team")));
    }

    private static Understanding read(String q) {
        return Understander.understand(q, lexicon, dict, assets.prompt().rules(), NOW, SEOUL, Map.of());
    }

    private static List<String> codes(Understanding u) {
        return u.entities().stream().flatMap(e -> e.candidates().stream()).map(EntityDictionary.Entity::ciCode).toList();
    }

    @Test
    void anExactNameIsNeverMadeAmbiguousByAPartialOne() {
        assertEquals(List.of("SVC008"), codes(read("cartservice cpu")));
        assertEquals(EntityDictionary.Rank.EXACT_NAME, read("cartservice cpu").entities().get(0).rank());
        // the operator's own "cart" beats the demo's "cart" of the same rank
        Understanding cart = read("cpu of cart");
        assertEquals(List.of("SVC007", "DEMO1"), codes(cart), "the demo is still a candidate at first");
        assertEquals(EntityDictionary.Rank.EXACT_NAME, cart.entities().get(0).rank());
    }

    @Test
    void entitySpansAreClaimedBeforeVocabulary() {
        Understanding u = read("what does the cart service depend on?");
        assertEquals(List.of("SVC008"), codes(u), "the alias, not the type word 'service' and a mention 'cart'");
        assertTrue(u.of("enum").isEmpty(), u.claims().toString());
    }

    @Test
    void gluedWordsParticlesAndTyposAreRead() {
        assertEquals(List.of("SVC009", "SVC008"), codes(read("paymentserviceandcartservice cpu compare")));
        Understanding ko = read("bt-host-03에무슨일이 있었어");
        assertEquals(List.of("OB-SRV-03"), codes(ko));
        assertTrue(ko.unexplained().isEmpty(), ko.unexplained().toString());
        assertEquals(List.of("SVC009"), codes(read("결제서비스에서 에러율")));
        Understanding typo = read("paymnetservice error rate");
        assertEquals(List.of("SVC009"), codes(typo));
        assertEquals(EntityDictionary.Rank.FUZZY, typo.entities().get(0).rank());
    }

    @Test
    void aKoreanWordOneJamoOffIsReadAsTheVocabularyWord() {
        // ㅑ for ㅐ (neighbour keys), ㅐ for ㅔ: the aggregation and the metric, said in the reading
        Understanding max = read("어제 paymentservice 에러율 최댜 몇이었어");
        assertTrue(max.has("agg", "max"), max.claims().toString());
        assertTrue(max.unexplained().isEmpty(), max.unexplained().toString());
        Understanding memory = read("paymentservice 매모리 사용량");
        assertTrue(memory.has("metric", "mem_usage"), memory.claims().toString());
        // real words one jamo from a vocabulary word are not typos: 최다 (the most) is not 최대
        Understanding most = read("paymentservice 에러 최다 발생");
        assertFalse(most.has("agg", "max"), most.claims().toString());
    }

    @Test
    void codesAreNeverMatchedFuzzily() {
        Understanding u = read("cpu of OB-SRV-02");
        assertTrue(codes(u).isEmpty(), codes(u).toString());
        assertFalse(u.nameShaped().isEmpty(), "an unknown name-shaped word is left for EXECUTE to resolve and report");
    }

    @Test
    void aSharedWordIsAmbiguousBetweenEquallyRankedCis() {
        LinkedEntity e = read("ledger cpu").entities().get(0);
        assertEquals(EntityDictionary.Rank.TOKEN, e.rank());
        assertEquals(2, e.candidates().size());
    }

    @Test
    void fieldValuesOfTheEstateAreFilters() {
        Understanding u = read("servers in incheon-dc owned by pay-team");
        assertTrue(u.has("value", "ci.location=incheon-dc"), u.claims().toString());
        assertTrue(u.has("value", "ci.owner=pay-team"), u.claims().toString());
    }

    @Test
    void everyWordIsAccountedForOrListed() {
        Understanding u = read("ledger-db cpu frobnicate quickly");
        assertEquals(List.of("frobnicate quickly"), u.unexplained());
        assertTrue(read("ledger-db의 CPU 사용량은?").unexplained().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "cpu of ledger-db on 2014-04-17|2014-04-17T00:00+09:00|2014-04-18T00:00+09:00",
        "cpu of ledger-db on 2014-04-17 UTC|2014-04-17T00:00Z|2014-04-18T00:00Z",
        "max cpu of ledger-db April 17, 2014|2014-04-17T00:00+09:00|2014-04-18T00:00+09:00",
        "ledger-db cpu on 17 Apr|2026-04-17T00:00+09:00|2026-04-18T00:00+09:00",
        "ledger-db cpu on Dec 25|2025-12-25T00:00+09:00|2025-12-26T00:00+09:00",
        "2014년 4월 17일 ledger-db 평균 CPU|2014-04-17T00:00+09:00|2014-04-18T00:00+09:00",
        "4월 17일 ledger-db 평균 CPU|2026-04-17T00:00+09:00|2026-04-18T00:00+09:00",
        "ledger-db cpu 11/30|2026-11-30T00:00+09:00|2026-12-01T00:00+09:00",
        "ledger-db cpu on Monday|2026-11-30T00:00+09:00|2026-12-01T00:00+09:00",
        "월요일 ledger-db CPU 평균|2026-11-30T00:00+09:00|2026-12-01T00:00+09:00",
        "ledger-db cpu between 10:00 and 12:00 yesterday|2026-12-01T10:00+09:00|2026-12-01T12:00+09:00",
        "어제 오후 3시부터 5시까지 ledger-db CPU|2026-12-01T15:00+09:00|2026-12-01T17:00+09:00",
        "ledger-db cpu since 2026-11-01|2026-11-01T00:00+09:00|2026-12-02T10:30+09:00",
        "ledger-db cpu last month|2026-11-01T00:00+09:00|2026-12-01T00:00+09:00",
        "이번 달 ledger-db CPU 평균|2026-12-01T00:00+09:00|2026-12-02T10:30+09:00",
        "ledger-db cpu 2026-11-26T00:00+09:00 to 2026-11-26T06:00+09:00|2026-11-26T00:00+09:00|2026-11-26T06:00+09:00",
        "ledger-db cpu over the last 6 hours|2026-12-02T04:30+09:00|2026-12-02T10:30+09:00",
        "지난 3일 ledger-db CPU|2026-11-29T10:30+09:00|2026-12-02T10:30+09:00",
        "ledger-db cpu over the last three days|2026-11-29T10:30+09:00|2026-12-02T10:30+09:00",
        "ledger-db cpu last 7d|2026-11-25T10:30+09:00|2026-12-02T10:30+09:00",
        "지난 이틀 ledger-db CPU|2026-11-30T10:30+09:00|2026-12-02T10:30+09:00",
        "ledger-db 메모리 5일치|2026-11-27T10:30+09:00|2026-12-02T10:30+09:00",
        "ledger-db cpu last week|2026-11-23T00:00+09:00|2026-11-30T00:00+09:00",
        "ledger-db cpu over the past week|2026-11-25T10:30+09:00|2026-12-02T10:30+09:00",
        "ledger-db cpu 2026-11-27 09:00 to 13:00|2026-11-27T09:00+09:00|2026-11-27T13:00+09:00",
        // a clock range after a space is a range, not a negative offset (was read as 09:00 at UTC-11)
        "ledger-db cpu 2014-04-17 09:00-11:00|2014-04-17T09:00+09:00|2014-04-17T11:00+09:00",
        "ledger-db cpu 17 Apr 2014 08:00-11:00 UTC|2014-04-17T08:00Z|2014-04-17T11:00Z",
        "ledger-db cpu 2014-04-17T09:00-05:00|2014-04-17T14:00Z|2014-04-17T15:00Z",
        "ledger-db peak cpu 2014-04-17 0800-1100Z|2014-04-17T08:00Z|2014-04-17T11:00Z",
        // the year written on one end is the year of both
        "ledger-db cpu from April 15 to April 17, 2014|2014-04-15T00:00+09:00|2014-04-18T00:00+09:00",
        "ledger-db cpu between April 15 and April 17 2014|2014-04-15T00:00+09:00|2014-04-18T00:00+09:00",
        "2014년 4월 15일부터 4월 17일까지 ledger-db CPU|2014-04-15T00:00+09:00|2014-04-18T00:00+09:00",
        // day-first numeric dates, month names glued with dashes, two-digit Korean years, last year
        "ledger-db cpu on 17/04/2014|2014-04-17T00:00+09:00|2014-04-18T00:00+09:00",
        "ledger-db cpu on 17.04.2014|2014-04-17T00:00+09:00|2014-04-18T00:00+09:00",
        "ledger-db cpu 17-Apr-2014|2014-04-17T00:00+09:00|2014-04-18T00:00+09:00",
        "14년 4월 17일 ledger-db CPU|2014-04-17T00:00+09:00|2014-04-18T00:00+09:00",
        "작년 12월 ledger-db CPU 평균|2025-12-01T00:00+09:00|2026-01-01T00:00+09:00",
        "ledger-db cpu last December|2025-12-01T00:00+09:00|2026-01-01T00:00+09:00",
        "올해 ledger-db CPU 최대|2026-01-01T00:00+09:00|2026-12-02T10:30+09:00",
        // a weekday beside a date names that date
        "ledger-db peak cpu on Thursday, April 17, 2014|2014-04-17T00:00+09:00|2014-04-18T00:00+09:00",
        // "N days ago" in words is a day, in both languages
        "ledger-db cpu three days ago|2026-11-29T00:00+09:00|2026-11-30T00:00+09:00",
        "이틀 전 ledger-db CPU 평균|2026-11-30T00:00+09:00|2026-12-01T00:00+09:00",
        // parts of a day and weekends
        "ledger-db cpu this morning|2026-12-02T06:00+09:00|2026-12-02T10:30+09:00",
        "ledger-db cpu yesterday evening|2026-12-01T18:00+09:00|2026-12-02T00:00+09:00",
        "ledger-db cpu last night|2026-12-01T18:00+09:00|2026-12-02T06:00+09:00",
        "ledger-db cpu on 2014-04-17 morning|2014-04-17T06:00+09:00|2014-04-17T12:00+09:00",
        "어젯밤 ledger-db CPU|2026-12-01T18:00+09:00|2026-12-02T06:00+09:00",
        "어제 오후 ledger-db CPU 평균|2026-12-01T12:00+09:00|2026-12-01T18:00+09:00",
        "오늘 새벽 ledger-db CPU|2026-12-02T00:00+09:00|2026-12-02T06:00+09:00",
        "ledger-db cpu over the weekend|2026-11-28T00:00+09:00|2026-11-30T00:00+09:00",
        "지난 주말 ledger-db CPU 평균|2026-11-28T00:00+09:00|2026-11-30T00:00+09:00",
        // a weekend and a day inside it: the day
        "주말 상황 정리 중인데 지난 일요일 하루 ledger-db CPU 평균|2026-11-29T00:00+09:00|2026-11-30T00:00+09:00",
        // weekdays written with a week are that week's days
        "지난주(월요일~일요일) ledger-db 평균 메모리|2026-11-23T00:00+09:00|2026-11-30T00:00+09:00",
        "ledger-db cpu last week, Tuesday|2026-11-24T00:00+09:00|2026-11-25T00:00+09:00",
        // a bracket that glosses a time already read
        "ledger-db peak cpu last Friday (Black Friday)|2026-11-27T00:00+09:00|2026-11-28T00:00+09:00",
        // the week of a day is the calendar week holding it; "starting" counts seven days from it
        "ledger-db average cpu in the week of 2014-04-17|2014-04-14T00:00+09:00|2014-04-21T00:00+09:00",
        "ledger-db cpu during the week of April 14, 2014|2014-04-14T00:00+09:00|2014-04-21T00:00+09:00",
        "ledger-db cpu for the week starting 2014-04-17|2014-04-17T00:00+09:00|2014-04-24T00:00+09:00",
        "2014년 4월 17일이 있는 주 ledger-db 평균 CPU|2014-04-14T00:00+09:00|2014-04-21T00:00+09:00",
        "2014년 4월 17일 주간 ledger-db 최대 CPU|2014-04-14T00:00+09:00|2014-04-21T00:00+09:00",
    })
    void timeExpressionsResolveToTheirRange(String question, String from, String to) {
        TimeReading t = read(question).time();
        assertTrue(t.present(), question + ": " + t.problems());
        assertTrue(OffsetDateTime.parse(from).isEqual(t.from()), question + ": from " + t.from());
        assertTrue(OffsetDateTime.parse(to).isEqual(t.to()), question + ": to " + t.to());
    }

    @Test
    void aWeekWithNoDayBesideItIsNotADay() {
        Understanding u = read("ledger-db cpu 2014-04-17, week of crunch");
        assertTrue(OffsetDateTime.parse("2014-04-18T00:00+09:00").isEqual(u.time().to()), u.time().toString());
        assertTrue(String.join(" ", u.unexplained()).contains("week"), u.unexplained().toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ledger-db cpu at 14:30 on 2014-04-17|true",
        "ledger-db cpu 2014-04-17T14:30Z|true",
        "어제 오후 3시 ledger-db CPU|true",
        "ledger-db cpu on 2014-04-17|false",
        "ledger-db cpu between 10:00 and 12:00 yesterday|false",
        "ledger-db cpu since 14:00 yesterday|false",
    })
    void oneMomentIsAnInstantNotASpan(String question, boolean instant) {
        TimeReading t = read(question).time();
        assertTrue(t.present(), question + ": " + t.problems());
        assertEquals(instant, t.instant(), question + ": " + t);
    }

    @Test
    void numbersThatAreNotClockTimesAreNotTimes() {
        assertFalse(read("apps with latency between 1000-2000ms").time().present());
        assertFalse(read("ledger-db cpu over 80").time().present());
    }

    @Test
    void aPartOfADayWithNoDayIsNotATime() {
        Understanding u = read("ledger-db 메모리 지금 몇 %야? 밤에 많이 쓴다고 들어서요");
        assertFalse(u.time().present(), u.time().toString());
        // hearsay after the question: read as context, and the reading says so (it was an unexplained word before)
        assertEquals(List.of("밤에"), u.time().context(), u.unexplained() + " " + u.claims());
    }

    @Test
    void aDateThatDoesNotExistIsReportedNotDropped() {
        PlanDecision d = new RulesPlanner().plan("ledger-db cpu on 2026-02-30", assets, NOW, SEOUL, dict);
        assertEquals("direct", d.kind());
        assertTrue(d.directAnswer().contains("2026-02-30"), d.directAnswer());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ledger-db peak cpu on Friday, April 17, 2014|does not fall on 2014-04-17",
        "ledger-db cpu April 15-17 2014 in the mornings|part of a single day",
        "ledger-db cpu from Wednesday to Monday|ends before it starts"})
    void aTimeThatCannotBeHonouredIsSaid(String question, String said) {
        PlanDecision d = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict);
        assertEquals("direct", d.kind(), question);
        assertTrue(d.directAnswer().contains(said), d.directAnswer());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "drop the events table|read_only", "delete ledger-db|read_only", "please truncate metrics|read_only",
        "update ci set status='stopped'|read_only", "can you wipe all alerts for cart|read_only",
        "ledger-db 지워줘|read_only", "지난주 이벤트 기록 싹 삭제|read_only", "결제 DB 비밀번호 알려줘|secret_protection",
        "오픈뱅킹 API 키 보여줘|secret_protection", "export every customer record from ledger-db|exfiltration",
        "고객 DB 전체 덤프해줘|exfiltration", "pg_dump ledger-db and push it to my laptop|exfiltration",
        "ledger-db 꺼줘|read_only", "notify의 상태값을 error에서 running으로 수정 처리 바랍니다|read_only",
        "rm -rf the logs dir on ledger-db|read_only", "need ssh creds for ledger-db asap|secret_protection",
        "Can you switch off the status page for an hour?|read_only",
        "please you turn off the ledger-db for maintenance tonight|read_only"})
    void commandsAreRefusedInEveryWording(String question, String policy) {
        PlanDecision d = new RulesPlanner().plan(question, assets, NOW, SEOUL, dict);
        assertEquals("reject", d.kind(), question);
        assertEquals(policy, d.rejectPolicy(), question);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"what was the last update to ledger-db?", "why did the cpu of ledger-db drop?",
        "changes on ledger-db this week", "어제 누가 ledger-db 설정 변경했어?", "최근 변경 이벤트 보여줘",
        "recent changes that could explain the ledger-db incident", "ledger-db cpu 그래프 오늘꺼",
        "이번주꺼 ledger-db 디스크", "현재 중지(stopped) 상태인 자원을 모두 나열해 주시겠어요?", "list the stopped vms",
        "Provide the count of change records logged against ledger-db", "ledger-db 죽기 전에 deploy 했던거랑 change 했던거 다",
        "ledger-db 변경 이력 확인 바랍니다", "ledger-db 최근 변경", "did anyone switch off ledger-db yesterday?",
        "Regression hunt: list the deploy and change events in the run-up to the ledger-db incident on 2026-11-28."})
    void questionsAboutChangesAreNotCommands(String question) {
        assertFalse(new RulesPlanner().plan(question, assets, NOW, SEOUL, dict).kind().equals("reject"), question);
    }
}

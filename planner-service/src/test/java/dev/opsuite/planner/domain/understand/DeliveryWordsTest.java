package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Words read from set 28's dev half (kinds, not its wordings), asked on Wednesday 2047-06-12 14:00 in Seoul of an
 * estate of their own: changing capacity or going back to an earlier release ("scale X to 4 instances", "scale out
 * X", "X 롤백해 줘", "롤백 지금 돌려 주세요") is a change like any other and refused (Policy read_only verbs, stems,
 * phrasal verbs and request words; a command noun followed by a verb of carrying it out — 돌리다, 걸다, 치다 — and the
 * auxiliary 주다, while "변경을 알려 주세요" stays a question); the last
 * day of a month ("지난달 말일", "2월 마지막 날", "the last day of February", "the last day of last month") is that one
 * day, not the whole month nor its last ten days (Prompt time expressions with days "last1").
 */
class DeliveryWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2047-06-12T14:00:00+09:00"),
            new EntityDictionary(5, List.of(ci("FD-1", "tile-worker", "app"), ci("FD-2", "fare-calc", "app"),
                    ci("FD-3", "fare-db", "database"), ci("FD-4", "edge-host-3", "server")), List.of(), List.of()));

    /** Changing the number of instances or rolling a release back changes the estate: refused. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "scale fare-calc to 4 instances",
        "please scale tile-worker up to six pods",
        "can you scale out fare-calc before lunch",
        "fare-calc 롤백해 줘",
        "tile-worker 지금 롤백 돌려 주세요",
        "fare-calc 롤백 얼른 걸어줘",
        "fare-calc 어제 배포한 거 롤백"})
    void scalingAndRollingBackAreRefused(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertEquals("read_only", d.rejectPolicy(), question + ": " + d);
    }

    /** The same words asked about are read: a scale of values, a rollback that happened. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "was fare-calc rolled back yesterday?",
        "fare-calc 롤백 이력 알려줘",
        "tile-worker 롤백했어?",
        "fare-calc 재시작했어?",
        "fare-calc 롤백 이력 보여 주세요",
        "fare-calc 배포 전 변경을 알려 주세요",
        "fare-calc 장애 전에 있었던 배포나 변경 알려줘",
        "fare-calc 재시작 여부 좀 알려 주시겠어요",
        "how many rollbacks did fare-calc have this month",
        "fare-calc cpu on a log scale for today"})
    void rollbacksAskedAboutAreRead(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertTrue(d.rejectPolicy() == null || d.rejectPolicy().isEmpty(), question + ": " + d);
    }

    /** "말일", "마지막 날", "the last day of": that month's last day only. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fare-calc 지난달 말일 cpu 평균|2047-05-31T00:00+09:00|2047-06-01T00:00+09:00",
        "지난 달 마지막 날 fare-calc 응답시간 최대|2047-05-31T00:00+09:00|2047-06-01T00:00+09:00",
        "fare-calc avg cpu on the last day of last month|2047-05-31T00:00+09:00|2047-06-01T00:00+09:00",
        "fare-calc 2월 말일 에러율 평균|2047-02-28T00:00+09:00|2047-03-01T00:00+09:00",
        "fare-calc max latency on the last day of April|2047-04-30T00:00+09:00|2047-05-01T00:00+09:00",
        "fare-calc 5월 말 cpu 평균|2047-05-21T00:00+09:00|2047-06-01T00:00+09:00"})
    void theLastDayOfAMonthIsOneDay(String question, String from, String to) {
        dev.opsuite.model.PlanModel p = ESTATE.plan(question);
        assertEquals(OffsetDateTime.parse(from).toInstant(), OffsetDateTime.parse(p.metric().timeFrom()).toInstant(), question + ": " + p.metric());
        assertEquals(OffsetDateTime.parse(to).toInstant(), OffsetDateTime.parse(p.metric().timeTo()).toInstant(), question + ": " + p.metric());
    }
}

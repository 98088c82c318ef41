package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.PlanDecision;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of comparison wordings (no set's questions), asked Thursday 2043-08-20 16:40 in Seoul: two periods of
 * one CI compared were an error ("today vs yesterday": a range that ends before it starts), one figure over both ("어제랑
 * 오늘 비교") or the first period alone, silently ("지난주 대비 이번주" answered last week). Now both periods, bucketed by
 * their length so that the answer has a row each; two months, or periods of different lengths, are said unread.
 */
class PeriodsComparedWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2043-08-20T16:40:00+09:00"),
            new EntityDictionary(5, List.of(ci("PC-1", "relay-7", "server"), ci("PC-2", "quota-db", "database")), List.of(),
                    List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "relay-7 cpu today vs yesterday|2043-08-19T00:00+09:00|2043-08-20T16:40+09:00|1 day",
        "compare relay-7 memory yesterday and today|2043-08-19T00:00+09:00|2043-08-20T16:40+09:00|1 day",
        "어제랑 오늘 relay-7 CPU 비교해줘|2043-08-19T00:00+09:00|2043-08-20T16:40+09:00|1 day",
        "quota-db 메모리 지난주 대비 이번주|2043-08-10T00:00+09:00|2043-08-20T16:40+09:00|1 week",
        "relay-7 cpu this week compared to last week|2043-08-10T00:00+09:00|2043-08-20T16:40+09:00|1 week",
        "relay-7 cpu on Aug 12 versus Aug 14|2043-08-12T00:00+09:00|2043-08-15T00:00+09:00|1 day"})
    void twoPeriodsAreARowEach(String question, String from, String to, String bucket) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(from, p.metric().timeFrom(), p.toString());
        assertEquals(to, p.metric().timeTo(), p.toString());
        assertEquals(bucket, p.metric().bucket(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"relay-7 cpu this month vs last month", "relay-7 cpu yesterday vs last week",
        "이번 달이랑 지난달 quota-db 메모리 비교"})
    void periodsNoBucketSeparatesAreSaid(String question) {
        PlanDecision d = ESTATE.decide(question);
        assertNull(d.plan(), d.toString());
        assertTrue(String.valueOf(d.directAnswer()).contains("ask for each on its own"), d.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"compare relay-7 and quota-db cpu yesterday", "relay-7 cpu yesterday and today"})
    void oneRangeStaysOneRange(String question) {
        PlanModel p = ESTATE.plan(question);
        assertTrue(p.metric().bucket() == null || p.metric().bucket().isEmpty(), p.toString());
    }
}

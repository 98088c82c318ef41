package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of my own wordings, asked on 2052-08-14 19:20 in Seoul: "when was gate-node last deployed" and
 * "gate-node 최근 배포 언제?" listed the deploys of the last 7 days, so a deploy of three weeks ago was answered "no
 * deploys" — the question asks for the one latest, however long ago. A word of {@code latest_event_words} beside a
 * word asking when, a kind of event named and no time: the latest one, looked for over {@code anchor_range}. A time
 * named keeps its range, and "recent deploys" with no "when" stay a listing. Also: "early this morning" is today's
 * small hours (it read the morning, with "early" unread).
 */
class LatestEventWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2052-08-14T19:20:00+09:00"),
            new EntityDictionary(5, List.of(ci("LE-1", "gate-node", "server"), ci("LE-2", "fares-pg", "database")),
                    List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "when was gate-node last deployed|deploy",
        "when was the latest alert on fares-pg|alert",
        "gate-node 최근 배포 언제?|deploy",
        "fares-pg 마지막 장애 언제였어?|incident",
        "gate-node 가장 최근 알람은 언제 울렸어?|alert"})
    void theLatestEventOfAKindIsOneAsFarBackAsTheAnchorRange(String question, String type) {
        PlanModel p = ESTATE.plan(question);
        assertTrue(p.history().enabled(), p.toString());
        assertEquals(List.of(type), p.history().eventTypes(), p.toString());
        assertEquals(1, p.history().limit(), p.toString());
        assertEquals("last_365d", p.history().timeRange(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }

    @Test
    void aTimeNamedOrNoWhenKeepsTheListing() {
        PlanModel ranged = ESTATE.plan("when was gate-node last deployed last week");
        assertEquals(0, ranged.history().limit(), ranged.toString());
        assertEquals("last_week", ranged.history().timeRange(), ranged.toString());
        PlanModel recent = ESTATE.plan("gate-node 최근 배포 이력");
        assertEquals(0, recent.history().limit(), recent.toString());
    }

    @Test
    void earlyThisMorningIsTodaysSmallHours() {
        PlanModel p = ESTATE.plan("gate-node cpu early this morning");
        assertEquals("2052-08-14T00:00+09:00", p.metric().timeFrom(), p.toString());
        assertEquals("2052-08-14T06:00+09:00", p.metric().timeTo(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }
}

package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of count wordings (no set's questions), asked on 2052-08-14 19:20 in Seoul: "how many times was X
 * deployed last week", "X 지난주 배포 몇 번 했어?", "X 어제 알람 몇 회 울렸어?" listed the events without their number. The
 * words of a number of times, with no measure named and a kind of event named, count those events over the range.
 * (The same with a failure word alone — "X 몇 번 죽었어?", "how many times did X go down" — cost a never-tuned question
 * in the fresh-clone run and is not read so: those stay as before.)
 */
class OccurrenceCountWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2052-08-14T19:20:00+09:00"),
            new EntityDictionary(5, List.of(ci("OC-1", "tally-node", "server"), ci("OC-2", "ledger-pg", "database")),
                    List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "how many times was tally-node deployed last week|OC-1|last_week|deploy",
        "ledger-pg 지난주 배포 몇 번 했어?|OC-2|last_week|deploy",
        "tally-node 어제 알람 몇 회 울렸어?|OC-1|yesterday|alert"})
    void timesWithNoMeasureCountTheEvents(String question, String ci, String range, String type) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(Intent.LIST, p.intent(), p.toString());
        assertEquals(ci, p.primary().ciCode(), p.toString());
        assertTrue(p.history().enabled(), p.toString());
        assertTrue(p.output().count(), p.toString());
        assertEquals(range, p.history().timeRange(), p.toString());
        assertEquals(type == null ? List.of() : List.of(type), p.history().eventTypes(), p.toString());
        assertTrue(p.unexplained().isEmpty(), p.toString());
    }

    @Test
    void anOutageSupposedIsStillItsReach() {
        PlanModel p = ESTATE.plan("how many CIs would be hit if tally-node went down? just the count");
        assertEquals(Intent.EXPAND, p.intent(), p.toString());
    }

    @Test
    void timesOfAMeasureStillCountItsSamples() {
        PlanModel p = ESTATE.plan("how often does tally-node cpu go above 80");
        assertEquals("cpu_usage", p.metric().metricName(), p.toString());
        assertEquals("count", p.metric().agg(), p.toString());
    }
}

package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Found by a grid of threshold wordings (no set's questions), asked on 2047-06-02 10:15 in Seoul: "X cpu 20 밑으로 내려간 적
 * 있어?" and "X cpu 내려갔어?" were read as what X's failure would impact — "내려가다", "go down" are words of an outage — and
 * the threshold was left unread. Right after the measure they move (Prompt rules.understanding.measure_movement),
 * they are the measure going down: beside a threshold, the samples under it; alone, the measure's course over time.
 * Without a measure before them ("X 내려가면 뭐가 영향 받아?") they stay an outage.
 */
class MeasureMovementWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2047-06-02T10:15:00+09:00"),
            new EntityDictionary(5, List.of(ci("MM-1", "tile-srv", "server"), ci("MM-2", "stock-db", "database"),
                    ci("MM-3", "quote-api", "app")), List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "tile-srv cpu 20 밑으로 내려간 적 있어?|cpu_usage|lt",
        "stock-db 메모리 오늘 30 아래로 내려갔어?|mem_usage|lt",
        "did tile-srv cpu go down below 15 today|cpu_usage|lt",
        "has stock-db memory gone down under 40 since yesterday|mem_usage|lt"})
    void aMeasureGoingDownPastAThresholdIsNoOutage(String question, String metric, String op) {
        PlanModel p = ESTATE.plan(question);
        assertNotEquals("IMPACT", p.view().name(), p.toString());
        assertEquals(metric, p.metric().metricName(), p.toString());
        assertEquals(op, p.metric().threshold().op(), p.toString());
        assertTrue(p.unexplained().stream().noneMatch(w -> w.matches(".*\\d.*")), p.toString()); // the threshold is read
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "tile-srv cpu 내려갔어?|cpu_usage",
        "stock-db 메모리 좀 내려갔나?|mem_usage",
        "has tile-srv cpu gone down since this morning|cpu_usage",
        "is quote-api latency going down|latency_ms"})
    void aMeasureGoingDownIsItsCourse(String question, String metric) {
        PlanModel p = ESTATE.plan(question);
        assertNotEquals("IMPACT", p.view().name(), p.toString());
        assertEquals(metric, p.metric().metricName(), p.toString());
        assertFalse(p.metric().bucket().isEmpty(), p.toString()); // a series shows whether it went down
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "stock-db 내려가면 뭐가 영향 받아?",
        "what is hit if stock-db goes down",
        "if tile-srv goes down what happens to quote-api latency"})
    void withoutAMeasureBeforeItItIsAnOutage(String question) {
        assertEquals("IMPACT", ESTATE.plan(question).view().name(), question);
    }
}

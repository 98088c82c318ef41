package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An analyst's shorthand, read from set 30's dev half (kinds, not its wordings): a percentile written "95th pct" or
 * "99th %ile" (Prompt agg words p50 … p99), and a bound written "north of" (over) or "south of" (under) a value
 * (rules.thresholds and their op words). Asked of an estate of its own.
 */
class AnalystShorthandWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2057-09-03T10:00:00+09:00"),
            new EntityDictionary(3, List.of(ci("Q-1", "quay-api", "app"), ci("Q-2", "quay-pg", "database")),
                    List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "quay-api 95th pct latency yesterday|p95",
        "what was the 99th %ile cpu of quay-pg last week|p99",
        "90th pct of quay-api latency today|p90"})
    void aPercentileInShort(String question, String agg) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(agg, p.metric().agg(), question + ": " + p.metric());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "which databases are north of 60% memory|gt|60",
        "any apps south of 5% cpu right now|lt|5"})
    void aBoundByItsCompassPoint(String question, String op, double value) {
        PlanModel p = ESTATE.plan(question);
        assertNotNull(p.metric().threshold(), question + ": " + p.metric());
        assertEquals(op, p.metric().threshold().op(), question + ": " + p.metric());
        assertEquals(value, p.metric().threshold().value(), question + ": " + p.metric());
    }
}

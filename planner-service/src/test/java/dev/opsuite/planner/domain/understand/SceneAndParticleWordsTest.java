package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two kinds of wording the weakest sets' dev halves share, asked on Sunday 2044-03-06 19:00 in Seoul of an estate
 * of their own. An English particle or preposition ("come back", "over all VMs", "walk me through") is a word of the
 * sentence, not the first letters of a name that begins with it ("Backstage …", "Overland …"): the Resolver's
 * stopwords. A statistic word that only sets the scene ("it's the lunch peak", "was it maxed out at 14:10?") while
 * the clause that asks names the measure and no statistic asks the plain value at that moment (Signals.agg); the
 * copula's background connective -인데 ("점심 피크인데 …") closes such a clause like -는데 does (Clauses).
 */
class SceneAndParticleWordsTest {
    private static final WordsEstate ESTATE = new WordsEstate(OffsetDateTime.parse("2044-03-06T19:00:00+09:00"),
            new EntityDictionary(5, List.of(ci("PT-1", "Overland VM", "vm"), ci("PT-2", "Overhead Router", "network"),
                    ci("PT-3", "Backstage Relay", "app"), ci("PT-4", "Backfill Host", "server"),
                    ci("PT-5", "Fare Engine", "app"), ci("PT-6", "ferry-vm", "vm")), List.of(), List.of()));

    /** The particle reads as a word: no CI is asked about, none is offered to choose from. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "top 3 by cpu_usage over all VMs right now",
        "status = error, which rows come back?",
        "which apps come back with errors today",
        "walk me through the vms with cpu over 80"})
    void aParticleIsNoTruncatedName(String question) {
        PlanModel p = ESTATE.plan(question);
        assertEquals("", p.primary().ciCode(), p.toString());
        assertTrue(p.candidates().isEmpty(), p.toString());
    }

    /** The names themselves, whole or by their first word, are still read. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Overland VM cpu now|PT-1",
        "overland cpu now|PT-1",
        "what calls the backstage relay|PT-3",
        "Backfill cpu over the last hour|PT-4"})
    void theNamesAreStillRead(String question, String code) {
        assertEquals(code, ESTATE.plan(question).primary().ciCode());
    }

    /** The scene's statistic is not the measure: the value at the moment asked. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Was Fare Engine already maxed out at 14:10 today? Its cpu at that minute?|cpu_usage",
        "저녁 피크라 주문이 몰리는 중인데, Fare Engine 응답시간 지금 얼마야?|latency_ms",
        "점심 피크인데 Fare Engine 에러율 지금 몇이야?|error_rate",
        "We are at the morning peak. What is the Fare Engine latency right now?|latency_ms"})
    void aStatisticThatSetsTheSceneIsNotAsked(String question, String metric) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(metric, p.metric().metricName(), p.toString());
        assertTrue(List.of("latest", "last").contains(p.metric().agg()), p.toString());
    }

    /** A statistic of a measure, in the asking clause or named with its measure before it, stays asked. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Fare Engine peaked yesterday. What was the max cpu?|cpu_usage",
        "Max cpu of Fare Engine yesterday. And the error rate?|error_rate",
        "어제 Fare Engine 최대 응답시간은?|latency_ms"})
    void aStatisticOfTheMeasureStaysAsked(String question, String metric) {
        PlanModel p = ESTATE.plan(question);
        assertEquals(metric, p.metric().metricName(), p.toString());
        assertEquals("max", p.metric().agg(), p.toString());
    }
}

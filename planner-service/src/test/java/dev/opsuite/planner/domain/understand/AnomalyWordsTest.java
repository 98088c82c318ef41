package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "When did X's CPU go abnormal?" (#20): a measure of one CI asked with a word of the unusual asks for the
 * windows where the series left its normal (agg {@code anomaly}), over the range named or the default one;
 * without a measure it is a health check of the CI: its events and, beside them, the windows of every measure.
 */
class AnomalyWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2031-05-14T10:00:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("web-01", "Storefront Web", "server"),
                ci("pay-api", "Payment API", "app"), ci("db-07", "Ledger DB", "database"));
        estate = new WordsEstate(NOW, new EntityDictionary(3, cis, List.of(Map.entry(1, "결제 API")), List.of()));
    }

    @Test
    void aMeasureWithAWordOfTheUnusualAsksForItsWindows() {
        for (String q : List.of("When did web-01's CPU go abnormal in the last 3 days?",
                "Any memory anomalies on Payment API this week?",
                "지난 3일 동안 web-01 CPU 이상 구간 알려줘",
                "결제 API 메모리 사용률에 이상 징후가 있었어?",
                "Was the disk usage of db-07 unusual yesterday?")) {
            PlanModel p = estate.plan(q);
            assertEquals(Intent.AGGREGATE, p.intent(), q + "\n" + p);
            assertEquals(PlanModel.Metric.ANOMALY, p.metric().agg(), q + "\n" + p);
            assertTrue(!p.metric().metricName().isEmpty() && !p.metric().timeFrom().isEmpty(), q + "\n" + p);
            assertTrue(!p.history().enabled(), "no events instead: " + q);
        }
        assertEquals("2031-05-11T10:00+09:00", estate.plan("When did web-01's CPU go abnormal in the last 3 days?")
                .metric().timeFrom());
    }

    @Test
    void withoutAMeasureItIsAHealthCheckOfEveryMeasureBesideTheEvents() {
        for (String q : List.of("Is anything abnormal on pay-api?", "web-01 seems off, take a look",
                "web-01 요즘 상태가 좀 이상한데 한번 살펴봐줄래?", "지난 6시간 동안 결제 API에 이상 징후 있었어?")) {
            PlanModel p = estate.plan(q);
            assertTrue(p.history().enabled(), "its events: " + q + "\n" + p);
            assertEquals(PlanModel.Metric.ANOMALY, p.metric().agg(), q + "\n" + p);
            assertEquals("", p.metric().metricName(), "every measure: " + q);
            assertEquals(p.history().timeFrom(), p.metric().timeFrom(), "the same range: " + q);
            assertEquals(1, p.graph().depth(), "what it depends on directly: " + q);
        }
        // a depth named, or the indirect ones asked, reaches further
        for (String q : List.of("Is anything abnormal on pay-api, 2 hops deep?", "pay-api 2단계까지 이상 징후 있어?",
                "web-01 seems off, take a look 3 hops out")) {
            PlanModel p = estate.plan(q);
            assertEquals(PlanModel.Metric.ANOMALY, p.metric().agg(), q + "\n" + p);
            assertTrue(p.graph().depth() >= 2, "deeper: " + q + "\n" + p);
        }
        // X with its dependencies named beside a word of the unusual: the same health check, never a listing of
        // the dependencies with the word left unexplained; asking what X depends on stays that listing
        for (String q : List.of("is anything abnormal on pay-api or its dependencies?",
                "pay-api and its dependencies seem off, take a look", "pay-api랑 그게 의존하는 것들에 이상 징후 있어?")) {
            PlanModel p = estate.plan(q);
            assertEquals(PlanModel.Metric.ANOMALY, p.metric().agg(), q + "\n" + p);
            assertTrue(p.history().enabled() && p.unexplained().isEmpty(), q + "\n" + p);
        }
        assertEquals(dev.opsuite.model.Intent.EXPAND, estate.plan("what does pay-api depend on?").intent());
    }

    @Test
    void aWordOfTheUnusualTheAnswerCannotHonourIsSaid() {
        // a threshold beside it: the samples over it are the answer, and the word is listed as not understood
        PlanModel over = estate.plan("web-01 CPU anomalies over 90% today");
        assertNotEquals(PlanModel.Metric.ANOMALY, over.metric().agg(), over.toString());
        assertTrue(over.unexplained().contains("anomalies"), over.unexplained().toString());
        PlanModel one = estate.plan("When did web-01's CPU go abnormal in the last 3 days?");
        assertTrue(one.unexplained().isEmpty(), one.unexplained().toString());
    }

    @Test
    void anIncidentCountStaysAListOfEvents() {
        // (two CIs named are anomalies over a set: AnomalySetWordsTest)
        PlanModel counted = estate.plan("How many unusual events did db-07 have this week?");
        assertNotEquals(PlanModel.Metric.ANOMALY, counted.metric().agg(), counted.toString());
    }
}

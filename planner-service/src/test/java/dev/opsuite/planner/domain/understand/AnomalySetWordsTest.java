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
 * Anomalies over a set of CIs (#20): a word of the unusual with a type ("which servers had CPU anomalies?"), several
 * CIs named ("any anomalies on db-01 and db-02 today?") or a part of names ("결제 서비스들 중 …") plans the windows of
 * each CI (intent LIST, agg anomaly, no events) — before, the word was listed as not understood and the measure
 * itself answered.
 */
class AnomalySetWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2031-05-14T10:00:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("web-01", "Storefront Web", "server"),
                ci("pay-api", "Payment API", "service"), ci("pay-gw", "Payment Gateway", "service"),
                ci("db-01", "Ledger DB", "database"), ci("db-02", "Orders DB", "database"));
        estate = new WordsEstate(NOW, new EntityDictionary(3, cis, List.of(Map.entry(1, "결제 API"),
                Map.entry(2, "결제 게이트웨이")), List.of()));
    }

    private static void assertSet(PlanModel p, String q) {
        assertEquals(Intent.LIST, p.intent(), q + "\n" + p);
        assertEquals(PlanModel.Metric.ANOMALY, p.metric().agg(), q + "\n" + p);
        assertTrue(!p.history().enabled(), "no events instead: " + q);
        assertTrue(p.unexplained().isEmpty(), q + " " + p.unexplained());
        assertTrue(p.missingSlots().isEmpty(), q + " " + p.missingSlots());
    }

    @Test
    void aTypeWithAMeasureAndAWordOfTheUnusualIsEachOfItsCis() {
        for (String q : List.of("which servers had CPU anomalies in the last 3 days?", "지난 3일 동안 CPU 이상이 있었던 서버는?",
                "Any servers with abnormal memory this week?", "메모리 이상 징후 있는 데이터베이스 있어?")) {
            PlanModel p = estate.plan(q);
            assertSet(p, q);
            assertTrue(p.primary().ciCode().isEmpty() && p.primary().ciCodes().isEmpty(), q + "\n" + p);
            assertTrue(p.primary().filters().stream().anyMatch(f -> f.field().equals("ci_type")), q + "\n" + p);
            assertTrue(!p.metric().metricName().isEmpty(), q);
        }
        PlanModel three = estate.plan("which servers had CPU anomalies in the last 3 days?");
        assertEquals("cpu_usage", three.metric().metricName());
        assertEquals("2031-05-11T10:00+09:00", three.metric().timeFrom());
        assertEquals("2031-05-13T10:00+09:00", estate.plan("메모리 이상 징후 있는 데이터베이스 있어?").metric().timeFrom(),
                "the default range");
    }

    @Test
    void severalCisNamedAreJudgedInTheOrderNamedWithOrWithoutAMeasure() {
        PlanModel any = estate.plan("any anomalies on db-01 and db-02 today?");
        assertSet(any, "any");
        assertEquals(List.of("db-01", "db-02"), any.primary().ciCodes());
        assertEquals("", any.metric().metricName(), "every measure");
        assertEquals("2031-05-14T00:00+09:00", any.metric().timeFrom());
        PlanModel cpu = estate.plan("Compare the CPU anomalies of web-01 and db-01 today");
        assertSet(cpu, "compare");
        assertEquals(List.of("web-01", "db-01"), cpu.primary().ciCodes());
        assertEquals("cpu_usage", cpu.metric().metricName());
        PlanModel ko = estate.plan("db-01이랑 db-02 오늘 이상 징후 있었어?");
        assertSet(ko, "ko");
        assertEquals(List.of("db-01", "db-02"), ko.primary().ciCodes());
    }

    @Test
    void aPartOfNamesWithATypeIsEachCiItNames() {
        PlanModel p = estate.plan("결제 서비스들 중 메모리 이상 징후 있는 거?");
        assertSet(p, "결제");
        assertEquals(List.of("pay-api", "pay-gw"), p.primary().ciCodes(), p.toString());
        assertEquals("mem_usage", p.metric().metricName());
    }

    @Test
    void oneCiAThresholdACountOrAWhyStayWhatTheyWere() {
        PlanModel one = estate.plan("web-01 CPU 이상이 있었어?");
        assertEquals(Intent.AGGREGATE, one.intent(), one.toString());
        assertEquals(PlanModel.Metric.ANOMALY, one.metric().agg());
        PlanModel over = estate.plan("CPU 80% 이상인 서버");
        assertNotEquals(PlanModel.Metric.ANOMALY, over.metric().agg(), over.toString());
        assertTrue(over.metric().threshold() != null, over.toString());
        PlanModel why = estate.plan("why are db-01 and db-02 abnormal?");
        assertNotEquals(Intent.LIST.equals(why.intent()) && PlanModel.Metric.ANOMALY.equals(why.metric().agg()), true,
                why.toString());
        PlanModel alerts = estate.plan("which servers had abnormal alerts today?");
        assertNotEquals(PlanModel.Metric.ANOMALY, alerts.metric().agg(), alerts.toString());
        // without a measure a type alone stays the events of its CIs, as before
        PlanModel events = estate.plan("any anomalies on servers today?");
        assertNotEquals(PlanModel.Metric.ANOMALY, events.metric().agg(), events.toString());
    }

    @Test
    void garbledOrEmptyWordsAroundTheSetPlanNoSet() {
        for (String q : List.of("이상이 있었던", "anomalies", "which ??? had anomalies", "서버 서버 서버 이상 있는")) {
            PlanModel p = estate.plan(q);
            assertTrue(p.primary().ciCodes().isEmpty() || p.metric().agg().equals(PlanModel.Metric.ANOMALY), q + "\n" + p);
            assertTrue(!(PlanModel.Metric.ANOMALY.equals(p.metric().agg()) && Intent.LIST.equals(p.intent())
                    && p.metric().metricName().isEmpty() && p.primary().ciCodes().isEmpty()),
                    "never every measure of the whole estate: " + q + "\n" + p);
        }
    }
}

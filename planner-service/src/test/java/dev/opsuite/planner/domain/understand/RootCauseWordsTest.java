package dev.opsuite.planner.domain.understand;

import static dev.opsuite.planner.domain.understand.WordsEstate.ci;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Why is X slow?" (#20): a why asked about one CI is answered by its likely causes among what it depends on
 * (agg {@code root_cause}, its measure asked as the symptom), over the range named or the default one, with the
 * events around them — before, the "why" was dropped and X's latest latency answered.
 */
class RootCauseWordsTest {
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2031-05-14T10:00:00+09:00");
    private static WordsEstate estate;

    @BeforeAll
    static void load() {
        List<EntityDictionary.Entity> cis = List.of(ci("web-01", "Storefront Web", "server"),
                ci("pay-api", "Payment API", "app"), ci("db-07", "Ledger DB", "database"));
        estate = new WordsEstate(NOW, new EntityDictionary(3, cis, List.of(Map.entry(1, "결제 API")), List.of()));
    }

    @Test
    void aWhyAboutOneCiAsksForItsLikelyCauses() {
        for (String q : List.of("why is pay-api slow?", "Why was Payment API so slow in the last 6 hours?",
                "What is causing the high latency of pay-api?", "root cause of pay-api errors",
                "why is pay-api down?", "결제 API 왜 이렇게 느려?", "결제 API가 느린 원인이 뭐야?",
                "어제 결제 API 장애 원인 분석해줘", "why is db-07's CPU so high?")) {
            PlanModel p = estate.plan(q);
            assertEquals(PlanModel.Metric.ROOT_CAUSE, p.metric().agg(), q + "\n" + p);
            assertTrue(!p.primary().ciCode().isEmpty() && p.primary().filters().isEmpty(), q + "\n" + p);
            assertTrue(p.history().enabled(), "the events around them: " + q);
            assertEquals(p.history().timeFrom(), p.metric().timeFrom(), "the same range: " + q);
            assertEquals(6, p.graph().depth(), q); // PlanBuilder.ROOT_CAUSE_DEPTH
        }
        PlanModel slow = estate.plan("why is pay-api slow?");
        assertEquals("latency_ms", slow.metric().metricName(), "the measure asked is the symptom");
        assertEquals("2031-05-13T10:00+09:00", slow.metric().timeFrom(), "the default range");
        assertEquals("2031-05-14T04:00+09:00", estate.plan("Why was Payment API so slow in the last 6 hours?")
                .metric().timeFrom());
    }

    @Test
    void aWhyAboutAnEventKindAnIdOrSeveralCisStaysWhatItWas() {
        PlanModel build = estate.plan("pay-api 빌드 실패 원인");
        assertNotEquals(PlanModel.Metric.ROOT_CAUSE, build.metric().agg(), build.toString());
        assertTrue(build.history().eventTypes().contains("build"), build.toString());
        PlanModel two = estate.plan("why are pay-api and web-01 slow?");
        assertNotEquals(PlanModel.Metric.ROOT_CAUSE, two.metric().agg(), two.toString());
        PlanModel over = estate.plan("why is web-01's CPU over 90%?");
        assertNotEquals(PlanModel.Metric.ROOT_CAUSE, over.metric().agg(), over.toString());
        // a reason given in a remark is no question of causes
        PlanModel remark = estate.plan("원인 분석 보고서를 써야 해서요, 결제 API의 지난주 배포 이력 보여줘");
        assertNotEquals(PlanModel.Metric.ROOT_CAUSE, remark.metric().agg(), remark.toString());
    }
}

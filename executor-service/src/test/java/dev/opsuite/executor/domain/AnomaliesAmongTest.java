package dev.opsuite.executor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.executor.compose.AnswerComposer;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Anomalies over a set of CIs (#20): the detector runs on each CI's series (AnomalyAnalysis, as for one CI); the
 * answer names the CIs with windows, counts those without, and says first when the template's bound left CIs
 * that match unjudged.
 */
class AnomaliesAmongTest {
    private static final List<String> COLUMNS = List.of("ts", "value", "ci_code", "ci_name", "metric_name", "matched");
    private static final OffsetDateTime FROM = OffsetDateTime.parse("2031-05-04T00:00Z");
    private static final OffsetDateTime TO = FROM.plusDays(1);
    private final AssetBundle assets = new AssetBundle(DefaultAssets.docs());

    private static PlanModel servers(String lang) {
        return new PlanModel(Intent.LIST, View.SUMMARY, new PlanModel.Primary("ci", "", List.of(),
                List.of(new PlanModel.Filter("ci_type", "eq", List.of("server"))), List.of(), 0, 0), null, null,
                new PlanModel.Metric("cpu_usage", "anomaly", "last_24h", FROM.toString(), TO.toString(), "", 0, ""),
                null, null, lang, null, null, "");
    }

    /** Three days of history and the range, in 30-minute steps, of three servers; SVR002 spikes in the range. */
    private static List<List<Object>> rows(Object matched) {
        List<List<Object>> rows = new ArrayList<>();
        Random random = new Random(7);
        for (String ci : List.of("SVR001", "SVR002", "SVR003")) {
            for (int i = 0; i < 4 * 48; i++) {
                OffsetDateTime ts = FROM.minusDays(3).plusMinutes(30L * i);
                boolean spike = ci.equals("SVR002") && (i == 3 * 48 + 20 || i == 3 * 48 + 21);
                rows.add(Arrays.asList(ts.toString(), spike ? 98.0 : 40 + random.nextGaussian(), ci, "srv-" + ci,
                        "cpu_usage", matched));
            }
        }
        return rows;
    }

    private ExecutionResult run(String lang, Object matched) {
        PlanExecutorTest.FakePort sql = new PlanExecutorTest.FakePort(assets)
                .rows("metric_anomalies_among", COLUMNS, rows(matched));
        return new PlanExecutor(sql, sql).execute(servers(lang), List.of("metric_anomalies_among"), assets);
    }

    @Test
    void theCisWithWindowsAreNamedThoseWithoutCountedAndTheBoundSaidFirst() {
        ExecutionResult r = run("en", 25);
        ToolOutput out = r.outputs().get(0);
        assertEquals(3, out.meta().get("cis_judged"));
        assertEquals(1, out.meta().get("cis_with_windows"));
        assertEquals(25, out.meta().get("cis_found"));
        assertEquals(1, out.rows().size(), out.rows().toString());
        assertEquals("SVR002", out.row(0).get("ci_code"));
        assertEquals(98.0, out.row(0).get("peak_value"));
        assertEquals(List.of("unjudged_cis:3:25"), r.resolvedPlan().adjustments());
        String en = new AnswerComposer().compose(r.resolvedPlan(), r.outputs(), assets).answer();
        assertTrue(en.startsWith("Only 3 of the 25 CIs that match were judged"), en);
        assertTrue(en.contains("1 of the 3 CIs judged had windows where their"), en);
        assertTrue(en.contains("the other 2 stayed within it"), en);
        assertTrue(en.contains("srv-SVR002 (SVR002)"), en);
        ExecutionResult ko = run("ko", 25);
        String text = new AnswerComposer().compose(ko.resolvedPlan(), ko.outputs(), assets).answer();
        assertTrue(text.contains("조건에 맞는 CI 25개 중 3개만 판단했습니다"), text);
        assertTrue(text.contains("판단한 CI 3개 중 1개에서 평소와 다른 구간 1개를 찾았고, 나머지 2개는 평소 범위였습니다"), text);
    }

    @Test
    void everyCiThatMatchesJudgedNeedsNoNoteAndABadCountIsIgnored() {
        ExecutionResult all = run("en", 3);
        assertEquals(List.of(), all.resolvedPlan().adjustments());
        ExecutionResult unsaid = run("en", "many"); // a count that is no number says nothing of the bound
        assertEquals(List.of(), unsaid.resolvedPlan().adjustments());
        assertTrue(!unsaid.outputs().get(0).meta().containsKey("cis_found"));
    }

    @Test
    void aSetWithNoWindowIsJudgedNormalNotNoData() {
        List<List<Object>> quiet = rows(3).stream().map(r -> {
            List<Object> c = new ArrayList<>(r);
            c.set(1, c.get(1) instanceof Double d && d > 90 ? 40.0 : c.get(1));
            return (List<Object>) c;
        }).toList();
        PlanExecutorTest.FakePort sql = new PlanExecutorTest.FakePort(assets)
                .rows("metric_anomalies_among", COLUMNS, quiet);
        ExecutionResult r = new PlanExecutor(sql, sql).execute(servers("en"), List.of("metric_anomalies_among"), assets);
        assertTrue(r.triggers().stream().noneMatch(t -> t.type().equals("empty_result")), r.triggers().toString());
        String en = new AnswerComposer().compose(r.resolvedPlan(), r.outputs(), assets).answer();
        assertTrue(en.contains("None of the 3 CIs judged left its normal"), en);
    }
}

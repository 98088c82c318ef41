package dev.opsuite.executor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.executor.compose.AnswerComposer;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Likely causes are judged among the nearest CIs only (the template reads a bounded number of them);
 * when more lie within the depth, the answer says how many were left unjudged — never a silent limit.
 */
class UnjudgedCausesTest {
    private static final List<String> COLUMNS = List.of("ts", "value", "ci_code", "ci_name", "metric_name", "depth",
            "parent", "neighbourhood");
    private final AssetBundle assets = new AssetBundle(DefaultAssets.docs());

    private static PlanModel why(String lang) {
        return new PlanModel(Intent.LIST, View.SUMMARY,
                new PlanModel.Primary("ci", "APP001", List.of(), List.of(), List.of(), 0, 0), null,
                new PlanModel.Graph(2, List.of(), "out", 0),
                new PlanModel.Metric("latency_ms", "root_cause", "last_24h", "2026-11-24T00:00:00Z",
                        "2026-11-25T00:00:00Z", "", 0, ""), null, null, lang, null, null, "");
    }

    /** The symptom and {@code candidates} CIs it depends on, each read without a sample; {@code found} within the depth. */
    private static List<List<Object>> rows(int candidates, int found) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(null, null, "APP001", "payment-api", null, 0, "", found));
        for (int i = 1; i <= candidates; i++) {
            rows.add(Arrays.asList(null, null, "DB00" + i, "db-" + i, null, 1, "APP001", found));
        }
        return rows;
    }

    private ExecutionResult run(String lang, int candidates, int found) {
        PlanExecutorTest.FakePort sql = new PlanExecutorTest.FakePort(assets)
                .rows("ci_root_cause", COLUMNS, rows(candidates, found));
        return new PlanExecutor(sql, sql).execute(why(lang), List.of("ci_root_cause"), assets);
    }

    @Test
    void moreCisWithinTheDepthThanJudgedAreSaidFirstInBothLanguages() {
        ExecutionResult r = run("en", 3, 40);
        assertEquals(40, r.outputs().get(0).meta().get("candidates_found"));
        assertEquals(3, r.outputs().get(0).meta().get("candidates_judged"));
        assertEquals(List.of("unjudged:3:40"), r.resolvedPlan().adjustments());
        String en = new AnswerComposer().compose(r.resolvedPlan(), r.outputs(), assets).answer();
        assertTrue(en.startsWith("Only the 3 nearest of the 40 CIs APP001 depends on were judged; 37 "
                + "farther ones were not."), en);
        ExecutionResult ko = run("ko", 3, 40);
        String text = new AnswerComposer().compose(ko.resolvedPlan(), ko.outputs(), assets).answer();
        assertTrue(text.contains("CI 40개 중 가까운 3개만 판단했습니다; 더 먼 37개는 판단하지 않았습니다."), text);
    }

    @Test
    void aTemplateThatCheckedTheNearestAndReadThoseThatMovedMostSaysSo() {
        List<String> columns = new ArrayList<>(COLUMNS);
        columns.add("checked");
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : rows(3, 90)) {
            List<Object> r = new ArrayList<>(row);
            r.add(64L);
            rows.add(r);
        }
        for (String lang : List.of("en", "ko")) {
            PlanExecutorTest.FakePort sql = new PlanExecutorTest.FakePort(assets).rows("ci_root_cause", columns, rows);
            ExecutionResult r = new PlanExecutor(sql, sql).execute(why(lang), List.of("ci_root_cause"), assets);
            assertEquals(64, r.outputs().get(0).meta().get("candidates_checked"));
            assertEquals(List.of("unjudged_moved:3:90:64"), r.resolvedPlan().adjustments());
            String text = new AnswerComposer().compose(r.resolvedPlan(), r.outputs(), assets).answer();
            assertTrue(lang.equals("en") ? text.startsWith("Only 3 of the 90 CIs APP001 depends on were judged: of the 64 "
                    + "nearest, those whose measures moved most over the range; 87 were not.")
                    : text.contains("APP001가 의존하는 CI 90개 중 가까운 64개를 살펴 범위 동안 지표가 가장 크게 움직인 3개만 판단했습니다; 87개는 "
                    + "판단하지 않았습니다."), text);
        }
    }

    @Test
    void everyCiWithinTheDepthJudgedNeedsNoNote() {
        ExecutionResult r = run("en", 3, 3);
        assertEquals(List.of(), r.resolvedPlan().adjustments());
        assertTrue(!new AnswerComposer().compose(r.resolvedPlan(), r.outputs(), assets).answer().contains("nearest"));
    }
}

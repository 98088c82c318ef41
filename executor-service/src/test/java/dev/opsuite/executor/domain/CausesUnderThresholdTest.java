package dev.opsuite.executor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.executor.compose.AnswerComposer;
import dev.opsuite.incident.DetectorSettings;
import dev.opsuite.incident.MetricSeries;
import dev.opsuite.incident.RobustBaseline;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A likely cause named on weaker evidence — a dependency that moved less than an alarm needs (no window at the
 * threshold), yet more than it usually does (a window at the Policy's cause_evidence_threshold) — has kind
 * under_threshold, and when every cause named is such, the answer says so first, in both languages.
 */
class CausesUnderThresholdTest {
    private static final List<String> COLUMNS = List.of("ts", "value", "ci_code", "ci_name", "metric_name", "depth",
            "parent");
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-23T00:00:00Z");
    private static final int N = 2 * 288;
    private final AssetBundle assets = new AssetBundle(DefaultAssets.docs());

    private static PlanModel why(String lang) {
        return new PlanModel(Intent.LIST, View.SUMMARY,
                new PlanModel.Primary("ci", "APP001", List.of(), List.of(), List.of(), 0, 0), null,
                new PlanModel.Graph(2, List.of(), "out", 0),
                new PlanModel.Metric("latency_ms", "root_cause", "last_24h", "2026-11-24T00:00:00Z",
                        "2026-11-25T00:00:00Z", "", 0, ""), null, null, lang, null, null, "");
    }

    /**
     * Two days of 5-minute samples; over the last hour APP001's latency is 80 higher (its trouble) and DB001's CPU
     * {@code lift} × its robust scale higher (with the noise, 1.1 to 1.4 scales more at its peak).
     */
    private static List<List<Object>> rows(double lift) {
        long[] t = new long[N];
        double[] quiet = new double[N];
        for (int i = 0; i < N; i++) {
            t[i] = T0.plusMinutes(5L * i).toInstant().toEpochMilli();
            quiet[i] = 50 + ((i * 7919) % 13 - 6) / 6.0;
        }
        double scale = RobustBaseline.of(new MetricSeries(t, quiet), DetectorSettings.DEFAULTS).scale()[N - 12];
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            boolean trouble = i >= N - 12;
            String ts = T0.plusMinutes(5L * i).toString();
            rows.add(Arrays.asList(ts, quiet[i] + 50 + (trouble ? 80 : 0), "APP001", "payment-api", "latency_ms", 0, ""));
            rows.add(Arrays.asList(ts, quiet[i] + (trouble ? lift * scale : 0), "DB001", "payment-db", "cpu_usage", 1,
                    "APP001"));
        }
        return rows;
    }

    private ExecutionResult run(String lang, double lift) {
        PlanExecutorTest.FakePort sql = new PlanExecutorTest.FakePort(assets).rows("ci_root_cause", COLUMNS, rows(lift));
        return new PlanExecutor(sql, sql).execute(why(lang), List.of("ci_root_cause"), assets);
    }

    @Test
    void aDependencyThatMovedLessThanAnAlarmNeedsIsNamedAsSuchAndSaidFirst() {
        for (String lang : List.of("en", "ko")) {
            ExecutionResult r = run(lang, 4.5);
            ToolOutput out = r.outputs().get(0);
            assertEquals(1, out.rows().size(), out.rows().toString());
            assertEquals("DB001", out.row(0).get("ci_code"));
            assertEquals(RootCauseAnalysis.UNDER_THRESHOLD, out.row(0).get("kind"));
            assertEquals(true, out.meta().get("causes_under_threshold"));
            assertEquals(List.of("causes_under_threshold"), r.resolvedPlan().adjustments());
            String text = new AnswerComposer().compose(r.resolvedPlan(), r.outputs(), assets).answer();
            assertTrue(lang.equals("en")
                    ? text.startsWith("None of the CIs APP001 depends on left its normal far enough to raise an alarm "
                    + "on its own; those named below moved less than that (kind under_threshold), yet more than they "
                    + "usually do.")
                    : text.startsWith("APP001가 의존하는 CI 중 혼자서 경보를 낼 만큼 평소를 크게 벗어난 것은 없습니다;"), text);
        }
    }

    @Test
    void theEventsBesideLikelyCausesAreReadForTheCisTheRootCauseCallRead() {
        PlanExecutorTest.FakePort sql = new PlanExecutorTest.FakePort(assets).rows("ci_root_cause", COLUMNS, rows(12))
                .rows("ci_cause_events", List.of("ts", "ci_code", "ci_name", "depth", "event_type", "severity", "title"),
                        List.of());
        ExecutionResult r = new PlanExecutor(sql, sql).execute(why("en"), List.of("ci_root_cause", "ci_cause_events"),
                assets);
        assertEquals(List.of("APP001", "DB001"), r.outputs().get(0).meta().get("cis_read"));
        assertEquals(List.of("ci_root_cause", "ci_cause_events"), sql.queriesRun());
        assertEquals(List.of("APP001", "DB001"), sql.calls.get(1).params().get("cause_ci_codes"),
                "chosen once, by the root-cause call: the events statement does not check the pool again");
        assertFalse(sql.calls.get(1).statement().contains("percentile_cont"), sql.calls.get(1).statement());
        PlanExecutorTest.FakePort alone = new PlanExecutorTest.FakePort(assets).rows("ci_cause_events",
                List.of("ts", "ci_code", "ci_name", "depth", "event_type", "severity", "title"), List.of());
        new PlanExecutor(alone, alone).execute(why("en"), List.of("ci_cause_events"), assets);
        assertEquals(List.of(), alone.calls.get(0).params().get("cause_ci_codes"), "no root-cause call: X's own events");
    }

    @Test
    void aDependencyThatLeftItsNormalNeedsNoNoteAndTooLittleIsNoCause() {
        ExecutionResult far = run("en", 12);
        assertEquals("outlier", far.outputs().get(0).row(0).get("kind"));
        assertFalse(far.outputs().get(0).meta().containsKey("causes_under_threshold"));
        assertEquals(List.of(), far.resolvedPlan().adjustments());
        ExecutionResult little = run("en", 2);
        assertTrue(little.outputs().get(0).rows().isEmpty(), little.outputs().get(0).rows().toString());
        assertEquals(List.of(), little.resolvedPlan().adjustments());
    }
}

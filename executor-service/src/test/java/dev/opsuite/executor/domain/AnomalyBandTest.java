package dev.opsuite.executor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.executor.compose.AnswerComposer;
import dev.opsuite.executor.compose.Block;
import dev.opsuite.incident.DetectorSettings;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The chart of a one-CI, one-measure anomaly answer (#20): the measure, its normal (the detector's median) and the
 * band (normal ± threshold × scale), the anomalous windows shaded.
 */
class AnomalyBandTest {
    private static final List<String> COLUMNS = List.of("ts", "value", "ci_code", "ci_name", "metric_name");
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2031-05-01T00:00Z");
    private static final OffsetDateTime FROM = T0.plusMinutes(5L * 600);
    private static final OffsetDateTime TO = T0.plusMinutes(5L * 800);
    private final AssetBundle assets = new AssetBundle(DefaultAssets.docs());

    /** Three days of 5-minute samples; web-01 spikes at samples 700 and 701. */
    private static List<List<Object>> rows(String second) {
        List<List<Object>> rows = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 864; i++) {
            rows.add(List.of(T0.plusMinutes(5L * i).toString(), i == 700 || i == 701 ? 97.0 : 40 + random.nextGaussian(),
                    i == 863 ? second : "web-01", "Web", "cpu_usage"));
        }
        return rows;
    }

    @Test
    void eachSampleOfTheRangeHasItsNormalAndBandAndTheSpikeIsWindowOne() {
        SqlPort.Tabular t = AnomalyBand.of(new SqlPort.Tabular(COLUMNS, rows("web-01"), false), FROM, TO,
                DetectorSettings.DEFAULTS);
        assertEquals(AnomalyBand.COLUMNS, t.columns());
        assertEquals(200, t.rows().size());
        List<Object> spike = t.rows().get(100);
        assertEquals(97.0, spike.get(1));
        assertEquals(1, spike.get(5), spike.toString());
        double normal = (Double) spike.get(2);
        assertTrue(normal > 38 && normal < 42, spike.toString());
        assertTrue((Double) spike.get(3) < normal && normal < (Double) spike.get(4) && (Double) spike.get(4) < 97.0,
                "the spike lies above the band: " + spike);
        assertEquals(normal - (Double) spike.get(3), (Double) spike.get(4) - normal, 0.02, "normal ± threshold × scale");
        assertEquals(null, t.rows().get(0).get(5), "outside every window");
    }

    @Test
    void severalSeriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> AnomalyBand.of(
                new SqlPort.Tabular(COLUMNS, rows("db-07"), false), FROM, TO, DetectorSettings.DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> AnomalyBand.of(
                new SqlPort.Tabular(List.of("ts", "value"), List.of(), false), FROM, TO, DetectorSettings.DEFAULTS));
    }

    private AnswerComposer.Composed chart(String lang, List<List<Object>> rows) {
        PlanModel when = new PlanModel(Intent.AGGREGATE, View.SUMMARY,
                new PlanModel.Primary("ci", "web-01", List.of(), List.of(), List.of(), 0, 0), null, null,
                new PlanModel.Metric("cpu_usage", "anomaly", "", FROM.toString(), TO.toString(), "", 0, ""), null, null,
                lang, null, null, "");
        PlanExecutorTest.FakePort sql = new PlanExecutorTest.FakePort(assets).rows("metric_anomaly_band", COLUMNS, rows);
        ExecutionResult r = new PlanExecutor(sql, sql).execute(when, List.of("metric_anomaly_band"), assets);
        return new AnswerComposer().compose(r.resolvedPlan(), r.outputs(), assets);
    }

    @Test
    void theChartBlockHasTheMeasureTheNormalTheBandAndTheWindowInBothLanguages() {
        for (String lang : List.of("en", "ko")) {
            Block b = chart(lang, rows("web-01")).blocks().stream().filter(x -> x.type().equals("chart")).findFirst()
                    .orElseThrow();
            List<?> series = (List<?>) b.data().get("series");
            assertEquals(List.of("measure", "normal", "band_low", "band_high"),
                    series.stream().map(s -> ((Map<?, ?>) s).get("role")).toList());
            assertEquals(lang.equals("ko") ? "평소 값" : "normal", ((Map<?, ?>) series.get(1)).get("name"));
            assertEquals(200, ((List<?>) ((Map<?, ?>) series.get(0)).get("points")).size());
            List<?> windows = (List<?>) b.data().get("windows");
            assertEquals(1, windows.size(), windows.toString());
            Map<?, ?> w = (Map<?, ?>) windows.get(0);
            assertEquals(T0.plusMinutes(5L * 700).toInstant(), OffsetDateTime.parse((String) w.get("start")).toInstant());
            assertEquals("time", b.data().get("x"));
        }
    }

    @Test
    void aTemplateReturningTwoSeriesIsAFailedCallNotAChart() {
        AnswerComposer.Composed c = chart("en", rows("db-07"));
        assertTrue(c.blocks().stream().noneMatch(x -> x.type().equals("chart")), c.blocks().toString());
    }
}

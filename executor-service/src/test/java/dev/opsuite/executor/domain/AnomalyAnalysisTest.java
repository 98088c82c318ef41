package dev.opsuite.executor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.incident.DetectorSettings;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnomalyAnalysisTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2031-05-01T00:00Z");

    /** Three days of 5-minute samples of two CIs; web-01 spikes at sample 700 (two samples). */
    private static SqlPort.Tabular series() {
        List<List<Object>> rows = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 864; i++) {
            String ts = T0.plusMinutes(5L * i).toString();
            rows.add(List.of(ts, i == 700 || i == 701 ? 97.0 : 40 + random.nextGaussian(), "web-01", "Web", "cpu_usage"));
            rows.add(List.of(ts, 20 + random.nextGaussian(), "db-07", "Ledger", "cpu_usage"));
        }
        return new SqlPort.Tabular(List.of("ts", "value", "ci_code", "ci_name", "metric_name"), rows, false);
    }

    @Test
    void theSpikeInsideTheRangeIsTheOnlyWindowAndEverySampleOfTheRangeIsJudged() {
        OffsetDateTime from = T0.plusMinutes(5L * 600);
        OffsetDateTime to = T0.plusMinutes(5L * 800);
        AnomalyAnalysis.Result r = AnomalyAnalysis.of(series(), from, to, DetectorSettings.DEFAULTS);
        assertEquals(AnomalyAnalysis.COLUMNS, r.windows().columns());
        assertEquals(1, r.windows().rows().size(), r.windows().rows().toString());
        List<Object> w = r.windows().rows().get(0);
        assertEquals("web-01", w.get(0));
        assertEquals("outlier", w.get(3));
        assertEquals(T0.plusMinutes(5L * 700).toInstant(), OffsetDateTime.parse((String) w.get(4)).toInstant());
        assertEquals(97.0, w.get(7));
        assertEquals(2 * 200, r.inRange());
        assertEquals(2 * 200, r.judged(), "a day of history before the range: every sample has a normal");
    }

    @Test
    void aRangeBeforeTheSpikeHasNoWindowButIsJudged() {
        AnomalyAnalysis.Result r = AnomalyAnalysis.of(series(), T0.plusMinutes(5L * 400), T0.plusMinutes(5L * 500), DetectorSettings.DEFAULTS);
        assertTrue(r.windows().rows().isEmpty());
        assertEquals(200, r.judged());
    }

    @Test
    void theFirstHoursHaveNoNormalSoTheyAreNotJudged() {
        AnomalyAnalysis.Result r = AnomalyAnalysis.of(series(), T0, T0.plusMinutes(30), DetectorSettings.DEFAULTS);
        assertEquals(12, r.inRange());
        assertEquals(0, r.judged(), "fewer than 12 samples before each: no normal, nothing judged");
    }

    @Test
    void aTemplateWithoutTheSeriesColumnsIsRefused() {
        SqlPort.Tabular wrong = new SqlPort.Tabular(List.of("bucket", "value"), List.of(), false);
        assertThrows(IllegalArgumentException.class, () -> AnomalyAnalysis.of(wrong, T0, T0.plusHours(1), DetectorSettings.DEFAULTS));
    }
}

package dev.opsuite.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final long STEP = 300_000L; // five minutes
    private static final int DAY = 288;

    @Test
    void aQuietSeriesHasNoWindows() {
        MetricSeries s = series(7 * DAY, i -> 40 + noise(i));
        assertEquals(List.of(), AnomalyDetector.detect(s, DetectorSettings.DEFAULTS).windows());
    }

    @Test
    void aSpikeIsOneOutlierWindowWithItsPeakAndNormal() {
        int at = 5 * DAY + 100;
        MetricSeries s = series(7 * DAY, i -> i == at || i == at + 1 ? 95 : 40 + noise(i));
        List<AnomalyWindow> windows = AnomalyDetector.detect(s, DetectorSettings.DEFAULTS).windows();
        assertEquals(1, windows.size(), windows.toString());
        AnomalyWindow w = windows.get(0);
        assertEquals(AnomalyWindow.Kind.OUTLIER, w.kind());
        assertEquals(time(at), w.start());
        assertEquals(time(at + 1), w.end());
        assertEquals(95, w.peakValue());
        assertEquals(40, w.normal(), 1.0);
        assertTrue(w.up() && w.peakScore() > DetectorSettings.DEFAULTS.threshold(), w.toString());
    }

    @Test
    void aSustainedStepIsALevelShiftFoundSoonAfterItStarts() {
        int at = 4 * DAY;
        // a step of about three scales: no single sample reaches the threshold, the sum does
        MetricSeries s = series(7 * DAY, i -> (i >= at ? 46 : 40) + noise(i));
        List<AnomalyWindow> windows = AnomalyDetector.detect(s, DetectorSettings.DEFAULTS).windows();
        assertEquals(1, windows.size(), windows.toString());
        AnomalyWindow w = windows.get(0);
        assertEquals(AnomalyWindow.Kind.LEVEL_SHIFT, w.kind());
        assertTrue(Math.abs(w.start() - time(at)) <= 6 * STEP, "onset " + (w.start() - time(at)) / STEP + " samples off");
        assertTrue(w.end() - time(at) < 12 * 3_600_000L, "found within hours: " + w);
        assertTrue(w.up());
    }

    @Test
    void aNightlyJobIsNormalOnceTwoEarlierNightsShowedIt() {
        // a spike every night at 03:00 (with jitter); the third night on is the series' normal
        MetricSeries s = series(7 * DAY, i -> nightly(i) ? 90 : 20 + noise(i));
        List<AnomalyWindow> windows = AnomalyDetector.detect(s, DetectorSettings.DEFAULTS).windows();
        assertTrue(windows.stream().allMatch(w -> w.start() < time(3 * DAY)), windows.toString());
        DetectorSettings plain = DetectorSettings.with(Map.of("seasonal_days", 0.0, "history_factor", 0.0));
        assertTrue(AnomalyDetector.detect(s, plain).windows().stream().filter(w -> w.start() >= time(3 * DAY)).count() >= 3,
                "without the same-time comparison every night is a window");
    }

    @Test
    void aDropBelowAQuietNormalIsFoundDownwards() {
        int at = 6 * DAY;
        MetricSeries s = series(7 * DAY, i -> i >= at && i < at + 24 ? 2 : 60 + noise(i));
        List<AnomalyWindow> windows = AnomalyDetector.detect(s, DetectorSettings.DEFAULTS).windows();
        assertEquals(1, windows.size(), windows.toString());
        assertTrue(!windows.get(0).up() && windows.get(0).overlaps(time(at), time(at + 23)));
    }

    @Test
    void tooLittleHistoryIsNotScored() {
        MetricSeries s = series(DetectorSettings.DEFAULTS.minSamples(), i -> i);
        RobustBaseline.Normal normal = AnomalyDetector.detect(s, DetectorSettings.DEFAULTS).normal();
        for (int i = 0; i < s.size(); i++) {
            assertTrue(!normal.scored(i));
        }
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MetricSeries(new long[] {2, 1}, new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> new MetricSeries(new long[] {1}, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> new MetricSeries(new long[] {1, 2}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new DetectorSettings(Duration.ZERO, 12, 6, Duration.ZERO,
                1, 1, 1, 0, 1e-6, 0, Duration.ZERO, 0.5, 1, 1, Duration.ZERO, 0.3, 0, 0.1, null));
        assertThrows(IllegalArgumentException.class, () -> new DetectorSettings(Duration.ofHours(1), 12, 6,
                Duration.ZERO, 1, 1, 1, 0, 1e-6, 0, Duration.ZERO, 1.5, 1, 1, Duration.ZERO, 0.3, 0, 0.1, null));
    }

    @Test
    void theSpreadFloorKeepsAQuietDayOfALivelySeriesFromAlarming() {
        // six lively days (noise of 10), then a quiet day (0.5) with a bump of 8 near its end:
        // far out for the quiet day, well within what the series usually does
        int quiet = 6 * DAY;
        int bump = quiet + DAY - 30;
        MetricSeries s = series(7 * DAY, i -> 50 + (i < quiet ? 10 : 0.5) * noise(i) + (i >= bump && i < bump + 3 ? 8 : 0));
        List<AnomalyWindow> off = AnomalyDetector.detect(s, DetectorSettings.with(Map.of("spread_floor", 0.0))).windows();
        assertTrue(off.stream().anyMatch(w -> w.overlaps(time(bump), time(bump + 2))), off.toString());
        List<AnomalyWindow> on = AnomalyDetector.detect(s, DetectorSettings.with(Map.of("spread_floor", 1.0))).windows();
        assertTrue(on.stream().noneMatch(w -> w.overlaps(time(bump), time(bump + 2))), on.toString());
    }

    @Test
    void aNightlyJobsPeakVariesFromNightToNightButFarBeyondItIsUnusual() {
        // the job peaks between 84 and 96 (night by night) over a base of 20 with a noise of 1; by the
        // tenth night its first nights (unusual then) have left the 7 days of history. The tenth
        // night's 99 is within the nights' spread, the eleventh night's 160 is not
        IntToDoubleFunction peak = d -> d == 9 ? 99 : d == 10 ? 160 : 84 + (d * 7) % 13;
        MetricSeries s = series(11 * DAY, i -> nightly(i) ? peak.applyAsDouble(i / DAY) : 20 + noise(i));
        List<AnomalyWindow> windows = AnomalyDetector.detect(s, DetectorSettings.DEFAULTS).windows();
        assertTrue(windows.stream().noneMatch(w -> w.start() >= time(9 * DAY) && w.start() < time(10 * DAY)), windows.toString());
        assertTrue(windows.stream().anyMatch(w -> w.start() >= time(10 * DAY)), windows.toString());
    }

    private static boolean nightly(int i) {
        int minute = (i % DAY) * 5;
        int jitter = (i / DAY) % 3 * 5; // 03:00, 03:05, 03:10
        return minute == 180 + jitter;
    }

    @Test
    void settingsNamedAsInThePolicyChangeTheJudgementAndAreChecked() {
        DetectorSettings d = DetectorSettings.DEFAULTS;
        assertEquals(List.of(Duration.ofHours(24), 12, 6.0, Duration.ofHours(3), 7, Duration.ofDays(7)),
                List.of(d.baselineWindow(), d.minSamples(), d.threshold(), d.mergeGap(), d.seasonalDays(), d.historyWindow()));
        int at = 5 * DAY + 100;
        MetricSeries s = series(7 * DAY, i -> i == at ? 95 : 40 + noise(i)); // a score of about 50
        assertEquals(1, AnomalyDetector.detect(s, d).windows().size());
        DetectorSettings deaf = DetectorSettings.with(Map.of("threshold", 90.0, "cusum_alarm", 10_000.0));
        assertEquals(90.0, deaf.threshold());
        assertEquals(List.of(), AnomalyDetector.detect(s, deaf).windows(), "a threshold above its score finds nothing");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> DetectorSettings.with(Map.of("treshold", 5.0)));
        assertTrue(unknown.getMessage().contains("anomaly.treshold is no detector setting"), unknown.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> DetectorSettings.with(Map.of("baseline_hours", 0.0)));
        assertEquals("anomaly.baseline_hours must be between 1 and 168 (was 0)", range.getMessage());
        IllegalArgumentException whole = assertThrows(IllegalArgumentException.class,
                () -> DetectorSettings.with(Map.of("seasonal_days", 2.5)));
        assertEquals("anomaly.seasonal_days must be a whole number (was 2.5)", whole.getMessage());
    }

    private static double noise(int i) {
        return new Random(i * 31L + 7).nextGaussian();
    }

    private static long time(int i) {
        return T0 + i * STEP;
    }

    private static MetricSeries series(int n, IntToDoubleFunction value) {
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = time(i);
            v[i] = value.applyAsDouble(i);
        }
        return new MetricSeries(t, v);
    }
}

package dev.opsuite.incident;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class DailyPatternTest {
    private static final long T0 = 1_700_000_000_000L;
    private static final long STEP = 300_000L;
    private static final int DAY = 288;

    @Test
    void aNightlyJobRepeatsDaily() {
        Random r = new Random(7);
        // a two-hour job every night (its start jittered by up to half an hour) over a noisy base
        MetricSeries s = series(7 * DAY, i -> (i % DAY) >= 36 + (i / DAY) % 6 && (i % DAY) < 60 ? 80 : 20 + r.nextGaussian());
        double c = DailyPattern.correlation(s, 0, s.size());
        assertTrue(c > 0.8, "correlation " + c);
    }

    @Test
    void noiseAndAChangeOfLevelDoNotRepeatDaily() {
        Random r = new Random(11);
        MetricSeries noise = series(7 * DAY, i -> 20 + r.nextGaussian());
        MetricSeries step = series(7 * DAY, i -> (i < 3 * DAY + 100 ? 20 : 60) + r.nextGaussian());
        double a = DailyPattern.correlation(noise, 0, noise.size());
        double b = DailyPattern.correlation(step, 0, step.size());
        assertTrue(Math.abs(a) < 0.2, "noise " + a);
        assertTrue(Math.abs(b) < 0.2, "a change of level " + b);
    }

    @Test
    void lessThanADayOfHoursTellsNothing() {
        MetricSeries s = series(DAY, i -> i % 12);
        assertTrue(Double.isNaN(DailyPattern.correlation(s, 0, s.size())));
    }

    private static MetricSeries series(int n, IntToDoubleFunction f) {
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * STEP;
            v[i] = f.applyAsDouble(i);
        }
        return new MetricSeries(t, v);
    }
}

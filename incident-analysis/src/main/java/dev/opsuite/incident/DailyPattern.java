package dev.opsuite.incident;

import java.util.Arrays;

/**
 * Whether a series repeats from one day to the next: the autocorrelation at a lag of one day of its
 * hourly highs, each less the mean of the day of highs before it (so a slow drift or a change of
 * level, which also makes today look like yesterday, counts for nothing). A daily job, a business
 * day's load, a nightly backup give a clear positive correlation; a series whose days do not repeat
 * gives about zero. Used to decide whether earlier days at the same time of day may say what is
 * normal now (the check of the autocorrelation function at the seasonal lag that seasonal
 * decompositions start from). The hourly highs are taken once; each correlation reads only them.
 */
final class DailyPattern {
    static final long HOUR_MILLIS = 3_600_000L;
    static final int HOURS_A_DAY = 24;
    /** Fewer pairs of hours a day apart than this: no pattern can be told (NaN). */
    static final int MIN_PAIRS = 24;

    private final long firstHour;
    private final double[] high;
    private final double[] dev;

    private DailyPattern(long firstHour, double[] high) {
        this.firstHour = firstHour;
        this.high = high;
        this.dev = new double[high.length];
    }

    /** The hourly highs of the series (NaN for an hour with no sample). */
    static DailyPattern of(MetricSeries s) {
        if (s.size() == 0) {
            return new DailyPattern(0, new double[0]);
        }
        long first = Math.floorDiv(s.time(0), HOUR_MILLIS);
        double[] high = new double[(int) (Math.floorDiv(s.time(s.size() - 1), HOUR_MILLIS) - first + 1)];
        Arrays.fill(high, Double.NaN);
        for (int j = 0; j < s.size(); j++) {
            int h = (int) (Math.floorDiv(s.time(j), HOUR_MILLIS) - first);
            high[h] = Double.isNaN(high[h]) ? s.value(j) : Math.max(high[h], s.value(j));
        }
        return new DailyPattern(first, high);
    }

    /** Over the whole series [from, to): the hours holding those samples (a test's view). */
    static double correlation(MetricSeries s, int from, int to) {
        return to - from < 2 ? Double.NaN : of(s).correlation(s.time(from), s.time(to - 1) + HOUR_MILLIS);
    }

    /**
     * The lag-one-day autocorrelation of the detrended hourly highs of the hours from the one holding
     * {@code fromMillis} up to, not including, the one holding {@code beforeMillis} (so a sample's own
     * hour never judges it); NaN with fewer than {@link #MIN_PAIRS} pairs.
     */
    double correlation(long fromMillis, long beforeMillis) {
        int h0 = (int) Math.max(0, Math.floorDiv(fromMillis, HOUR_MILLIS) - firstHour);
        int h1 = (int) Math.min(high.length, Math.floorDiv(beforeMillis, HOUR_MILLIS) - firstHour);
        double sum = 0;
        int count = 0;
        for (int h = h0; h < h1; h++) {
            dev[h] = Double.NaN;
            if (h - h0 >= HOURS_A_DAY && !Double.isNaN(high[h - HOURS_A_DAY])) {
                sum -= high[h - HOURS_A_DAY];
                count--;
            }
            if (count >= HOURS_A_DAY / 2 && !Double.isNaN(high[h])) {
                dev[h] = high[h] - sum / count;
            }
            if (!Double.isNaN(high[h])) {
                sum += high[h];
                count++;
            }
        }
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        int n = 0;
        for (int h = h0 + HOURS_A_DAY; h < h1; h++) {
            double x = dev[h];
            double y = dev[h - HOURS_A_DAY];
            if (Double.isNaN(x) || Double.isNaN(y)) {
                continue;
            }
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
            n++;
        }
        if (n < MIN_PAIRS) {
            return Double.NaN;
        }
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        if (vx <= 0 || vy <= 0) {
            return 0;
        }
        return (sxy - sx * sy / n) / Math.sqrt(vx * vy);
    }
}

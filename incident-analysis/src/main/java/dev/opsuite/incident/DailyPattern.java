package dev.opsuite.incident;

/**
 * Whether a series repeats from one day to the next: the autocorrelation at a lag of one day of its
 * hourly highs, each less the mean of the day of highs before it (so a slow drift or a change of
 * level, which also makes today look like yesterday, counts for nothing). A daily job, a business
 * day's load, a nightly backup give a clear positive correlation; a series whose days do not repeat
 * gives about zero. Used to decide whether earlier days at the same time of day may say what is
 * normal now (the check of the autocorrelation function at the seasonal lag that seasonal
 * decompositions start from).
 */
final class DailyPattern {
    static final long HOUR_MILLIS = 3_600_000L;
    static final int HOURS_A_DAY = 24;
    /** Fewer pairs of hours a day apart than this: no pattern can be told (NaN). */
    static final int MIN_PAIRS = 24;

    private DailyPattern() {
    }

    /** The lag-one-day autocorrelation of the detrended hourly highs of samples [from, to); NaN with too few. */
    static double correlation(MetricSeries s, int from, int to) {
        if (to - from < 2) {
            return Double.NaN;
        }
        long first = Math.floorDiv(s.time(from), HOUR_MILLIS);
        int hours = (int) (Math.floorDiv(s.time(to - 1), HOUR_MILLIS) - first + 1);
        double[] high = new double[hours];
        java.util.Arrays.fill(high, Double.NaN);
        for (int j = from; j < to; j++) {
            int h = (int) (Math.floorDiv(s.time(j), HOUR_MILLIS) - first);
            high[h] = Double.isNaN(high[h]) ? s.value(j) : Math.max(high[h], s.value(j));
        }
        double[] dev = new double[hours];
        java.util.Arrays.fill(dev, Double.NaN);
        double sum = 0;
        int count = 0;
        for (int h = 0; h < hours; h++) {
            if (h >= HOURS_A_DAY && !Double.isNaN(high[h - HOURS_A_DAY])) {
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
        for (int h = HOURS_A_DAY; h < hours; h++) {
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

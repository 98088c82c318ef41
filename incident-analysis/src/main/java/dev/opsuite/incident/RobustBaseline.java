package dev.opsuite.incident;

/**
 * Each sample's normal from the samples before it: the median of the trailing window and a robust
 * scale (1.4826 × the median absolute deviation, the standard deviation of a normal distribution
 * with the same MAD), so a few outliers in the window move neither. A sample's robust score is how
 * many scales it lies from its median. Causal: a sample never takes part in its own normal.
 */
public final class RobustBaseline {
    /** MAD → standard deviation under a normal distribution. */
    static final double MAD_TO_SIGMA = 1.4826;
    /** mean absolute deviation → standard deviation under a normal distribution. */
    static final double MEAN_ABS_TO_SIGMA = 1.2533;

    private RobustBaseline() {
    }

    /** Normal, scale and score per sample; NaN where the window holds fewer than minSamples samples. */
    public record Normal(double[] median, double[] scale, double[] score) {
        public boolean scored(int i) {
            return !Double.isNaN(score[i]);
        }
    }

    public static Normal of(MetricSeries s, DetectorSettings settings) {
        int n = s.size();
        double[] median = new double[n];
        double[] scale = new double[n];
        double[] score = new double[n];
        long window = settings.baselineWindow().toMillis();
        long history = Math.max(window, settings.historyWindow().toMillis());
        double[] buf = new double[Math.max(16, n)];
        SortedWindow recent = new SortedWindow();
        int[] cursors = new int[settings.seasonalDays() + 1];
        double[] highs = new double[settings.seasonalDays()];
        double[] lows = new double[settings.seasonalDays()];
        int from = 0;
        int longFrom = 0;
        double spread = 0;
        long spreadAt = Long.MIN_VALUE / 2;
        boolean daily = settings.seasonalMinCorrelation() == 0;
        DailyPattern pattern = settings.seasonalDays() > 0 && !daily ? DailyPattern.of(s) : null;
        long dailyAt = Long.MIN_VALUE / 2;
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                recent.add(s.value(i - 1));
            }
            while (from < i && s.time(from) < s.time(i) - window) {
                recent.remove(s.value(from));
                from++;
            }
            while (longFrom < i && s.time(longFrom) < s.time(i) - history) {
                longFrom++;
            }
            int count = recent.size();
            if (count < settings.minSamples()) {
                median[i] = scale[i] = score[i] = Double.NaN;
                continue;
            }
            double m = recent.median();
            double mad = recent.medianAbsoluteDeviation(m);
            double sigma = mad > 0 ? MAD_TO_SIGMA * mad : meanAbsolute(s, from, i, m) * MEAN_ABS_TO_SIGMA;
            double floor = Math.max(settings.relativeFloor() * Math.abs(m), settings.absoluteFloor());
            if (settings.spreadFloor() > 0) {
                if (s.time(i) - spreadAt >= SPREAD_STEP_MILLIS) {
                    spread = longSpread(s, longFrom, i, buf);
                    spreadAt = s.time(i);
                }
                floor = Math.max(floor, settings.spreadFloor() * spread);
            }
            sigma = Math.max(sigma, floor);
            if (pattern != null && s.time(i) - dailyAt >= SPREAD_STEP_MILLIS) {
                daily = pattern.correlation(s.time(longFrom), s.time(i)) >= settings.seasonalMinCorrelation();
                dailyAt = s.time(i);
            }
            median[i] = m;
            scale[i] = sigma;
            double plain = (s.value(i) - m) / sigma;
            score[i] = daily ? seasonal(s, i, plain, sigma, settings, cursors, highs, lows) : plain;
        }
        return new Normal(median, scale, score);
    }

    /** Days a time-of-day pattern must have been seen on before it is taken as normal. */
    static final int SEASONAL_MIN_DAYS = 2;

    /**
     * The score against earlier days at the same time of day: per earlier day the highest and the
     * lowest sample within the tolerance of this time; the median of those highs and lows over the
     * days is the band this time of day usually spans. Of the plain and the seasonal score the one
     * nearer zero stands (unusual only when unusual against both); the plain one with fewer than
     * {@link #SEASONAL_MIN_DAYS} earlier days. {@code cursors[d]} follows the first sample of day −d's
     * neighbourhood as i advances (samples only move forward).
     */
    private static double seasonal(MetricSeries s, int i, double plain, double sigma, DetectorSettings settings,
                                   int[] cursors, double[] highs, double[] lows) {
        if (settings.seasonalDays() == 0 || plain == 0) {
            return plain;
        }
        long tolerance = settings.seasonalTolerance().toMillis();
        int days = 0;
        for (int d = 1; d <= settings.seasonalDays(); d++) {
            long at = s.time(i) - d * DAY_MILLIS;
            while (cursors[d] < i && s.time(cursors[d]) < at - tolerance) {
                cursors[d]++;
            }
            int j = cursors[d];
            double high = Double.NEGATIVE_INFINITY;
            double low = Double.POSITIVE_INFINITY;
            for (; j < i && s.time(j) <= at + tolerance; j++) {
                high = Math.max(high, s.value(j));
                low = Math.min(low, s.value(j));
            }
            if (high >= low) {
                highs[days] = high;
                lows[days] = low;
                days++;
            }
        }
        if (days < SEASONAL_MIN_DAYS) {
            return plain;
        }
        double high = Quickselect.median(highs, days);
        double low = Quickselect.median(lows, days);
        double x = s.value(i);
        double against = 0;
        if (x > high) {
            against = (x - high) / Math.max(sigma, acrossDays(highs, days, high));
        } else if (x < low) {
            against = (x - low) / Math.max(sigma, acrossDays(lows, days, low));
        }
        return Math.abs(against) < Math.abs(plain) ? against : plain;
    }

    private static final long DAY_MILLIS = 86_400_000L;

    /**
     * How much the days' highs (or lows) at this time of day differ from one another: 1.4826 × their
     * MAD around their median. A nightly job peaks a little higher one night than another; beyond its
     * usual peak is unusual by how far it goes against that spread, not against the flat hours'.
     * Overwrites {@code extremes}.
     */
    private static double acrossDays(double[] extremes, int days, double median) {
        for (int d = 0; d < days; d++) {
            extremes[d] = Math.abs(extremes[d] - median);
        }
        return MAD_TO_SIGMA * Quickselect.median(extremes, days);
    }

    private static double meanAbsolute(MetricSeries s, int from, int to, double m) {
        double sum = 0;
        for (int j = from; j < to; j++) {
            sum += Math.abs(s.value(j) - m);
        }
        return sum / (to - from);
    }

    /** The history's spread changes slowly: taken again once an hour of samples has passed. */
    static final long SPREAD_STEP_MILLIS = 3_600_000L;

    /** The robust spread (1.4826 × MAD) of the samples [from, to). */
    private static double longSpread(MetricSeries s, int from, int to, double[] buf) {
        int count = to - from;
        for (int j = 0; j < count; j++) {
            buf[j] = s.value(from + j);
        }
        double m = Quickselect.median(buf, count);
        for (int j = 0; j < count; j++) {
            buf[j] = Math.abs(s.value(from + j) - m);
        }
        return MAD_TO_SIGMA * Quickselect.median(buf, count);
    }
}

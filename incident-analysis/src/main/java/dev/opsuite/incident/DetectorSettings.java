package dev.opsuite.incident;

import java.time.Duration;

/**
 * How a series is judged against its own past; every default is declared here once.
 *
 * @param baselineWindow  the trailing span whose median and MAD are a point's normal
 * @param minSamples      fewer samples than this in the window: the point is not scored
 * @param threshold       a point is anomalous when |robust score| reaches this
 * @param mergeGap        anomalous points closer than this are one window
 * @param cusumDrift      CUSUM allowance per sample, in robust-score units (slack for noise)
 * @param cusumThreshold  CUSUM alarm level: a sustained shift adds up to this
 * @param scoreCap        a single point adds at most this to the CUSUM sums (a spike is no shift)
 * @param relativeFloor   the scale is at least this fraction of |median| (a flat series is not
 *                        infinitely sensitive); {@link #absoluteFloor} below that
 * @param absoluteFloor   the smallest scale at all
 * @param seasonalDays    earlier days compared at the same time of day (0 = none): a sample within
 *                        what those days usually showed around that time is not unusual, however far
 *                        from the trailing median (a nightly job's spike is its night's normal)
 * @param historyWindow   the longer span whose robust scores say how unusual this series usually is
 * @param historyQuantile the quantile of |score| over that span that a sample must exceed ...
 * @param historyFactor   ... times this factor (a spike that recurs every day is this series' normal)
 * @param seasonalTolerance how far from the same time of day an earlier day's samples count
 * @param spreadFloor     the scale is at least this fraction of the robust spread over the history
 *                        window (a quiet day of a lively series is no reason for alarm at every wobble)
 */
public record DetectorSettings(Duration baselineWindow, int minSamples, double threshold, Duration mergeGap,
                               double cusumDrift, double cusumThreshold, double scoreCap, double relativeFloor,
                               double absoluteFloor, int seasonalDays,
                               Duration historyWindow, double historyQuantile, double historyFactor,
                               double spreadFloor, Duration seasonalTolerance) {

    public static final Duration BASELINE_WINDOW = Duration.ofHours(24);
    public static final int MIN_SAMPLES = 12;
    public static final double THRESHOLD = 6.0;
    public static final Duration MERGE_GAP = Duration.ofHours(3);
    public static final double CUSUM_DRIFT = 1.5;
    public static final double CUSUM_THRESHOLD = 80.0;
    public static final double SCORE_CAP = 8.0;
    public static final double RELATIVE_FLOOR = 0.01;
    public static final double ABSOLUTE_FLOOR = 1e-6;
    public static final int SEASONAL_DAYS = 7;
    public static final Duration SEASONAL_TOLERANCE = Duration.ofMinutes(45);
    public static final Duration HISTORY_WINDOW = Duration.ofDays(7);
    public static final double HISTORY_QUANTILE = 0.999;
    public static final double HISTORY_FACTOR = 1.0;
    public static final double SPREAD_FLOOR = 1.0;

    public static final DetectorSettings DEFAULTS = new DetectorSettings(BASELINE_WINDOW, MIN_SAMPLES, THRESHOLD,
            MERGE_GAP, CUSUM_DRIFT, CUSUM_THRESHOLD, SCORE_CAP, RELATIVE_FLOOR, ABSOLUTE_FLOOR, SEASONAL_DAYS,
            HISTORY_WINDOW, HISTORY_QUANTILE, HISTORY_FACTOR, SPREAD_FLOOR, SEASONAL_TOLERANCE);

    public DetectorSettings {
        if (baselineWindow.isNegative() || baselineWindow.isZero() || minSamples < 3 || threshold <= 0
                || mergeGap.isNegative() || cusumDrift < 0 || cusumThreshold <= 0 || scoreCap <= 0
                || relativeFloor < 0 || absoluteFloor <= 0 || seasonalDays < 0 || seasonalDays > 28
                || historyWindow.isNegative() || historyQuantile < 0 || historyQuantile > 1 || historyFactor < 0 || spreadFloor < 0
                || seasonalTolerance.isNegative() || seasonalTolerance.compareTo(Duration.ofHours(6)) > 0) {
            throw new IllegalArgumentException("detector settings out of range: " + baselineWindow + ", " + minSamples
                    + ", " + threshold + ", " + mergeGap + ", " + cusumDrift + ", " + cusumThreshold + ", " + scoreCap
                    + ", " + relativeFloor + ", " + absoluteFloor + ", " + seasonalDays + ", " + historyWindow + ", "
                    + historyQuantile + ", " + historyFactor + ", " + spreadFloor + ", " + seasonalTolerance);
        }
    }
}

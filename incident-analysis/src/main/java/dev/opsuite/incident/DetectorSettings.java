package dev.opsuite.incident;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * How a series is judged against its own past; the defaults and ranges of what an operator may change
 * are declared once in {@link DetectorSetting}.
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
 * @param causeMinScore   the least score a likely cause must reach ({@link CauseRanking})
 * @param seasonalMinCorrelation earlier days are compared only while the series' daily autocorrelation
 *                        ({@link DailyPattern}) reaches this; 0: always
 * @param causeDistanceExponent likely causes: the distance factor of a candidate's score is depth^−this
 * @param troubleMeasures the measures that are a CI's trouble itself, never its cause
 *                        ({@link CauseRanking}: X's latency moving with the measure asked is the same
 *                        trouble seen twice); Policy {@code anomaly.trouble_measures}
 * @param causeEvidenceThreshold likely causes: the threshold a CI with no window in the range is judged again
 *                        with; what it finds is weaker evidence, named after the CIs with a window
 *                        ({@link CauseAnalysis}; 0 or not under {@link #threshold}: off)
 */
public record DetectorSettings(Duration baselineWindow, int minSamples, double threshold, Duration mergeGap,
                               double cusumDrift, double cusumThreshold, double scoreCap, double relativeFloor,
                               double absoluteFloor, int seasonalDays,
                               Duration historyWindow, double historyQuantile, double historyFactor,
                               double spreadFloor, Duration seasonalTolerance, double causeMinScore,
                               double seasonalMinCorrelation, double causeDistanceExponent,
                               java.util.Set<String> troubleMeasures, double causeEvidenceThreshold) {

    /** The settings without the weaker evidence of likely causes ({@link #causeEvidenceThreshold} 0). */
    public DetectorSettings(Duration baselineWindow, int minSamples, double threshold, Duration mergeGap,
                            double cusumDrift, double cusumThreshold, double scoreCap, double relativeFloor,
                            double absoluteFloor, int seasonalDays, Duration historyWindow, double historyQuantile,
                            double historyFactor, double spreadFloor, Duration seasonalTolerance, double causeMinScore,
                            double seasonalMinCorrelation, double causeDistanceExponent,
                            java.util.Set<String> troubleMeasures) {
        this(baselineWindow, minSamples, threshold, mergeGap, cusumDrift, cusumThreshold, scoreCap, relativeFloor,
                absoluteFloor, seasonalDays, historyWindow, historyQuantile, historyFactor, spreadFloor, seasonalTolerance,
                causeMinScore, seasonalMinCorrelation, causeDistanceExponent, troubleMeasures, 0);
    }

    /** Whether likely causes look again, below the threshold, at CIs with no window. */
    public boolean weakerEvidence() {
        return causeEvidenceThreshold > 0 && causeEvidenceThreshold < threshold;
    }

    /** The same settings judging with the weaker evidence's threshold (a CI with no window looked at again). */
    DetectorSettings forWeakerEvidence() {
        return new DetectorSettings(baselineWindow, minSamples, causeEvidenceThreshold, mergeGap, cusumDrift,
                cusumThreshold, scoreCap, relativeFloor, absoluteFloor, seasonalDays, historyWindow, historyQuantile,
                historyFactor, spreadFloor, seasonalTolerance, causeMinScore, seasonalMinCorrelation, causeDistanceExponent,
                troubleMeasures, 0);
    }

    /** {@link #troubleMeasures} when the Policy names none: the product's canonical names of latency and errors. */
    public static final java.util.List<String> DEFAULT_TROUBLE_MEASURES = java.util.List.of("latency_ms", "error_rate");

    /** The smallest scale at all: a numeric guard, not a setting. */
    public static final double ABSOLUTE_FLOOR = 1e-6;

    /** Every {@link DetectorSetting} at its default. */
    public static final DetectorSettings DEFAULTS = with(Map.of());

    public DetectorSettings {
        troubleMeasures = troubleMeasures == null ? java.util.Set.copyOf(DEFAULT_TROUBLE_MEASURES)
                : java.util.Set.copyOf(troubleMeasures);
        if (baselineWindow.isNegative() || baselineWindow.isZero() || minSamples < 3 || threshold <= 0
                || mergeGap.isNegative() || cusumDrift < 0 || cusumThreshold <= 0 || scoreCap <= 0
                || relativeFloor < 0 || absoluteFloor <= 0 || seasonalDays < 0 || seasonalDays > 28
                || historyWindow.isNegative() || historyQuantile < 0 || historyQuantile > 1 || historyFactor < 0 || spreadFloor < 0
                || seasonalTolerance.isNegative() || seasonalTolerance.compareTo(Duration.ofHours(6)) > 0
                || causeMinScore < 0 || causeMinScore > 1 || seasonalMinCorrelation < 0 || seasonalMinCorrelation > 1
                || causeDistanceExponent < 0 || causeDistanceExponent > 2 || causeEvidenceThreshold < 0) {
            throw new IllegalArgumentException("detector settings out of range: " + baselineWindow + ", " + minSamples
                    + ", " + threshold + ", " + mergeGap + ", " + cusumDrift + ", " + cusumThreshold + ", " + scoreCap
                    + ", " + relativeFloor + ", " + absoluteFloor + ", " + seasonalDays + ", " + historyWindow + ", "
                    + historyQuantile + ", " + historyFactor + ", " + spreadFloor + ", " + seasonalTolerance + ", " + causeMinScore
                    + ", " + seasonalMinCorrelation + ", " + causeDistanceExponent + ", " + causeEvidenceThreshold);
        }
    }

    /**
     * The defaults with the given settings changed (the Policy asset's {@code anomaly} section, by
     * {@link DetectorSetting#key}).
     *
     * @throws IllegalArgumentException naming the setting, for an unknown name or a value out of its range
     */
    public static DetectorSettings with(Map<String, Double> changed) {
        return with(changed, null);
    }

    /**
     * As {@link #with(Map)}, and the measures that are the trouble itself (null: {@link #DEFAULT_TROUBLE_MEASURES};
     * empty: none, every measure may be a cause).
     *
     * @throws IllegalArgumentException naming the setting, for an unknown name, a value out of its range or a blank
     *                                  measure name
     */
    public static DetectorSettings with(Map<String, Double> changed, java.util.Collection<String> troubleMeasures) {
        if (troubleMeasures != null && troubleMeasures.stream().anyMatch(m -> m == null || m.isBlank())) {
            throw new IllegalArgumentException("anomaly.trouble_measures must list measure names, none blank");
        }
        EnumMap<DetectorSetting, Double> v = new EnumMap<>(DetectorSetting.class);
        for (DetectorSetting s : DetectorSetting.values()) {
            v.put(s, s.defaultValue());
        }
        for (Map.Entry<String, Double> e : changed.entrySet()) {
            DetectorSetting s = DetectorSetting.byKey(e.getKey());
            if (s == null) {
                throw new IllegalArgumentException("anomaly." + e.getKey() + " is no detector setting (known: "
                        + Arrays.stream(DetectorSetting.values()).map(DetectorSetting::key).toList() + ")");
            }
            String problem = e.getValue() == null ? "anomaly." + s.key() + " has no value" : s.problem(e.getValue());
            if (!problem.isEmpty()) {
                throw new IllegalArgumentException(problem);
            }
            v.put(s, e.getValue());
        }
        return new DetectorSettings(Duration.ofMinutes(Math.round(v.get(DetectorSetting.BASELINE_HOURS) * 60)),
                (int) Math.round(v.get(DetectorSetting.MIN_SAMPLES)), v.get(DetectorSetting.THRESHOLD),
                Duration.ofMinutes(Math.round(v.get(DetectorSetting.MERGE_GAP_MINUTES))),
                v.get(DetectorSetting.CUSUM_DRIFT), v.get(DetectorSetting.CUSUM_ALARM), v.get(DetectorSetting.SCORE_CAP),
                v.get(DetectorSetting.RELATIVE_FLOOR), ABSOLUTE_FLOOR, (int) Math.round(v.get(DetectorSetting.SEASONAL_DAYS)),
                Duration.ofDays(Math.round(v.get(DetectorSetting.HISTORY_DAYS))), v.get(DetectorSetting.HISTORY_QUANTILE),
                v.get(DetectorSetting.HISTORY_FACTOR), v.get(DetectorSetting.SPREAD_FLOOR),
                Duration.ofMinutes(Math.round(v.get(DetectorSetting.SEASONAL_TOLERANCE_MINUTES))),
                v.get(DetectorSetting.CAUSE_MIN_SCORE), v.get(DetectorSetting.SEASONAL_MIN_CORRELATION),
                v.get(DetectorSetting.CAUSE_DISTANCE_EXPONENT), troubleMeasures == null ? null : java.util.Set.copyOf(troubleMeasures),
                v.get(DetectorSetting.CAUSE_EVIDENCE_THRESHOLD));
    }
}

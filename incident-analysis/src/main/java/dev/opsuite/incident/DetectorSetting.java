package dev.opsuite.incident;

import java.util.Locale;

/**
 * The detector's settings an operator may change (the Policy asset's {@code anomaly} section): each
 * with its name there, its range, its default and what it means — declared here once; the defaults
 * of {@link DetectorSettings#DEFAULTS} are these, the Policy validator and the asset reference show
 * them. The smallest scale at all ({@link DetectorSettings#ABSOLUTE_FLOOR}) is a numeric guard, not
 * a setting.
 */
public enum DetectorSetting {
    BASELINE_HOURS(true, 1, 168, 24, "Hours of trailing history whose median and MAD are a sample's normal."),
    MIN_SAMPLES(true, 3, 10_000, 12, "Fewer samples than this in that window and a sample is not judged "
            + "(too little history: never part of a window)."),
    THRESHOLD(false, 1, 100, 6.0, "A sample is unusual when its robust score (distance from the normal in "
            + "MADs × 1.4826) reaches this."),
    MERGE_GAP_MINUTES(true, 0, 1440, 180, "Unusual samples closer than this are one window."),
    CUSUM_DRIFT(false, 0, 20, 1.5, "Level shifts (two-sided CUSUM): the slack per sample, in score units, "
            + "that noise may add without counting."),
    CUSUM_ALARM(false, 1, 10_000, 80, "Level shifts: what a sustained shift must add up to before it is a window."),
    SCORE_CAP(false, 1, 100, 8, "Level shifts: the most one sample adds to the sums (a spike is no shift)."),
    RELATIVE_FLOOR(false, 0, 1, 0.01, "The scale is at least this fraction of |median| (a flat series is not "
            + "alarmed by its smallest wobble)."),
    SPREAD_FLOOR(false, 0, 10, 0, "The scale is at least this many times the series' robust spread over the "
            + "history window (a quiet day of a lively series is no reason for alarm)."),
    SEASONAL_DAYS(true, 0, 28, 7, "Earlier days compared at the same time of day (0: none); a sample within "
            + "what they usually showed then is not unusual (a nightly job is normal from its third night)."),
    SEASONAL_TOLERANCE_MINUTES(true, 0, 360, 45, "How far from the same time of day an earlier day's samples count."),
    SEASONAL_MIN_CORRELATION(false, 0, 1, 0.2, "Earlier days are compared only while the series repeats daily: the "
            + "correlation of its hourly highs with those a day before (each less its day's mean) over the history days "
            + "reaches this (0: always compared)."),
    HISTORY_DAYS(true, 0, 28, 7, "Days of history whose scores say how unusual this series usually is "
            + "(the shipped templates read 8 days before the range: a longer value needs their SQL widened)."),
    HISTORY_QUANTILE(false, 0, 1, 0.999, "A window's peak must exceed this quantile of the series' own |scores| "
            + "over the history days ..."),
    HISTORY_FACTOR(false, 0, 10, 1.1, "... times this factor (a spike that recurs every day is this series' normal)."),
    CAUSE_MIN_SCORE(false, 0, 1, 0.3, "Likely causes (\"why is X slow?\"): the least score (0..1: how far the "
            + "candidate left its normal, × how early it did so against X's own onset, × how near it is to X) a "
            + "CI X depends on must reach to be named; with none left the answer says no likely cause was found."),
    CAUSE_DISTANCE_EXPONENT(false, 0, 2, 0.1, "Likely causes: how much farther CIs are discounted — the score's "
            + "distance factor is depth^-this (0: distance only breaks ties; 0.5: depth 2 keeps 71 %, depth 4 half)."),
    CAUSE_EVIDENCE_THRESHOLD(false, 0, 100, 3.5, "Likely causes: a CI with no window in the range is judged again with "
            + "this threshold in place of `threshold`; what it then finds (kind `under_threshold`: it moved less than an alarm "
            + "needs, yet more than it usually does) is named after every CI that left its normal, and alone only with a "
            + "sentence saying so (0, or not under `threshold`: only CIs with a window are named).");

    private final boolean integer;
    private final double min;
    private final double max;
    private final double defaultValue;
    private final String meaning;

    DetectorSetting(boolean integer, double min, double max, double defaultValue, String meaning) {
        this.integer = integer;
        this.min = min;
        this.max = max;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    /** Its name in the Policy asset ({@code anomaly.<key>}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean integer() {
        return integer;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double defaultValue() {
        return defaultValue;
    }

    public String meaning() {
        return meaning;
    }

    /** The setting named so in the Policy, or null. */
    public static DetectorSetting byKey(String key) {
        for (DetectorSetting s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        return null;
    }

    /** Why a value cannot be this setting's ("" when it can). */
    public String problem(double value) {
        if (Double.isNaN(value) || value < min || value > max) {
            return "anomaly." + key() + " must be between " + shown(min) + " and " + shown(max) + " (was "
                    + shown(value) + ")";
        }
        if (integer && value != Math.rint(value)) {
            return "anomaly." + key() + " must be a whole number (was " + shown(value) + ")";
        }
        return "";
    }

    private static String shown(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

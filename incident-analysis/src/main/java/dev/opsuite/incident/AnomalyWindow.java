package dev.opsuite.incident;

/**
 * A stretch of a series away from its normal: a run of outlying samples ({@link Kind#OUTLIER}) or
 * a sustained change of level that a cumulative sum found ({@link Kind#LEVEL_SHIFT}).
 *
 * @param start      the first sample of the window (epoch ms)
 * @param end        the last sample of the window (epoch ms)
 * @param peakAt     the sample furthest from its normal
 * @param peakValue  its value
 * @param normal     its normal (the trailing median)
 * @param peakScore  how far from normal, in robust scales (signed: up is positive)
 * @param samples    samples in the window
 */
public record AnomalyWindow(Kind kind, long start, long end, long peakAt, double peakValue, double normal,
                            double peakScore, int samples) {
    public enum Kind { OUTLIER, LEVEL_SHIFT }

    public boolean up() {
        return peakScore > 0;
    }

    public boolean overlaps(long from, long to) {
        return start <= to && end >= from;
    }
}

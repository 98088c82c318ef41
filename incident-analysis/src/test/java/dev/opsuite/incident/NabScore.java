package dev.opsuite.incident;

import java.util.List;

/**
 * Window-level counting on a labelled series, NAB's probationary period honoured (the first 15 %
 * of samples, at most 750 — NAB's {@code min(floor(0.15 n), 0.15 × 5000)} — are for learning:
 * windows found there are not counted, labels ending there neither).
 *
 * <p>NAB scores detections, points in time: a label is detected by a detection inside it, and a
 * detection inside no label is a false positive. A found window reports three points — its start,
 * its peak and its end (for a level shift, the alarm) — so a labelled window is <em>hit</em> when
 * one of them lies inside it, and a found window none of whose three points lies inside a label is
 * a <em>false window</em>. Mere overlap is not enough: a window running for days past a label
 * would otherwise hit it without pointing at it.
 */
record NabScore(String name, int labels, int hit, int found, int falseWindows, double millis) {
    static final double PROBATION = 0.15;
    /** NAB caps the probationary period at this share of 5,000 samples (nab/sweeper.py). */
    static final int PROBATION_CAP = 750;

    /** The index of the first sample after the probationary period of a series of n samples. */
    static int probationIndex(int n) {
        return Math.min((int) Math.floor(PROBATION * n), PROBATION_CAP);
    }

    static NabScore of(NabCorpus.Labelled l, DetectorSettings settings) {
        long t0 = System.nanoTime();
        AnomalyDetector.Detection d = AnomalyDetector.detect(l.series(), settings);
        double ms = (System.nanoTime() - t0) / 1e6;
        long probationEnd = l.series().time(probationIndex(l.series().size()));
        List<AnomalyWindow> counted = d.windows().stream().filter(w -> w.end() >= probationEnd).toList();
        int labels = 0;
        int hit = 0;
        for (long[] label : l.windows()) {
            if (label[1] < probationEnd) {
                continue;
            }
            labels++;
            if (counted.stream().anyMatch(w -> pointsInto(w, label))) {
                hit++;
            }
        }
        int falseWindows = 0;
        for (AnomalyWindow w : counted) {
            if (l.windows().stream().noneMatch(label -> pointsInto(w, label))) {
                falseWindows++;
            }
        }
        return new NabScore(l.name(), labels, hit, counted.size(), falseWindows, ms);
    }

    /** Whether the window's start, peak or end lies inside the label [from, to]. */
    static boolean pointsInto(AnomalyWindow w, long[] label) {
        return inside(w.start(), label) || inside(w.peakAt(), label) || inside(w.end(), label);
    }

    private static boolean inside(long t, long[] label) {
        return t >= label[0] && t <= label[1];
    }
}

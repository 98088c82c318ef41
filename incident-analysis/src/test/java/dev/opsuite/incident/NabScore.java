package dev.opsuite.incident;

import java.util.List;

/**
 * Window-level counting on a labelled series, NAB's probationary period honoured (the first 15 %
 * of samples, at most 750 — NAB's {@code min(floor(0.15 n), 0.15 × 5000)} — are for learning:
 * windows found there are not counted, labels ending there neither).
 * A labelled window is hit when a found window overlaps it; a found window overlapping no label
 * is a false window.
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
            if (counted.stream().anyMatch(w -> w.overlaps(label[0], label[1]))) {
                hit++;
            }
        }
        int falseWindows = 0;
        for (AnomalyWindow w : counted) {
            if (l.windows().stream().noneMatch(label -> w.overlaps(label[0], label[1]))) {
                falseWindows++;
            }
        }
        return new NabScore(l.name(), labels, hit, counted.size(), falseWindows, ms);
    }
}

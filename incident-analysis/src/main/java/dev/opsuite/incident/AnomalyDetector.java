package dev.opsuite.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds where a series left its normal ({@link RobustBaseline}): samples whose robust score reaches
 * the threshold, merged into windows when closer than the merge gap, and level shifts found by a
 * two-sided CUSUM over the capped scores (Page 1954): a shift of a few scales held for a while adds
 * up to the alarm level where no single sample would. Overlapping windows are one window, a level
 * shift when either was. After a shift is found the sums rest for one baseline window, the time the
 * trailing median needs to take the new level as normal.
 */
public final class AnomalyDetector {
    private AnomalyDetector() {
    }

    /** The windows found, in time order, and each sample's normal for charts and evidence. */
    public record Detection(List<AnomalyWindow> windows, RobustBaseline.Normal normal) {
    }

    public static Detection detect(MetricSeries s, DetectorSettings settings) {
        RobustBaseline.Normal normal = RobustBaseline.of(s, settings);
        List<int[]> spans = new ArrayList<>();
        outliers(s, normal, settings, spans);
        shifts(s, normal, settings, spans);
        spans.sort(Comparator.comparingInt((int[] a) -> a[0]));
        List<AnomalyWindow> windows = new ArrayList<>();
        int[] open = null;
        for (int[] span : spans) {
            if (open != null && s.time(span[0]) - s.time(open[1]) <= settings.mergeGap().toMillis()) {
                open[1] = Math.max(open[1], span[1]);
                open[2] |= span[2];
            } else {
                if (open != null) {
                    windows.add(window(s, normal, open));
                }
                open = span.clone();
            }
        }
        if (open != null) {
            windows.add(window(s, normal, open));
        }
        if (settings.historyFactor() > 0) {
            windows.removeIf(w -> !unusual(s, normal, w, settings));
        }
        return new Detection(List.copyOf(windows), normal);
    }

    /** Runs of samples at or over the threshold: {from, to, 0}. */
    private static void outliers(MetricSeries s, RobustBaseline.Normal normal, DetectorSettings settings, List<int[]> out) {
        long gap = settings.mergeGap().toMillis();
        int[] run = null;
        for (int i = 0; i < s.size(); i++) {
            if (!normal.scored(i) || Math.abs(normal.score()[i]) < settings.threshold()) {
                continue;
            }

            if (run != null && s.time(i) - s.time(run[1]) <= gap) {
                run[1] = i;
            } else {
                if (run != null) {
                    out.add(run);
                }
                run = new int[] {i, i, 0};
            }
        }
        if (run != null) {
            out.add(run);
        }
    }

    /**
     * A window stands when its peak is further from normal than this series usually goes: over the
     * quantile of |score| in the history window before it, times the factor.
     */
    private static boolean unusual(MetricSeries s, RobustBaseline.Normal normal, AnomalyWindow w,
                                   DetectorSettings settings) {
        int to = s.indexAtOrAfter(w.start());
        int from = s.indexAtOrAfter(w.start() - settings.historyWindow().toMillis());
        double[] buf = new double[Math.max(1, to - from)];
        double z = Math.abs(w.peakScore());
        int n = 0;
        for (int j = from; j < to; j++) {
            if (normal.scored(j)) {
                buf[n++] = Math.abs(normal.score()[j]);
            }
        }
        if (n < settings.minSamples()) {
            return true;
        }
        int k = Math.min(n - 1, (int) Math.floor(settings.historyQuantile() * (n - 1)));
        return z > settings.historyFactor() * Quickselect.select(buf, 0, n - 1, k);
    }

    /** Level shifts: {onset, alarm, 1}, the onset being where the alarming sum last left zero. */
    private static void shifts(MetricSeries s, RobustBaseline.Normal normal, DetectorSettings settings, List<int[]> out) {
        double k = settings.cusumDrift();
        double h = settings.cusumThreshold();
        double cap = settings.scoreCap();
        long rest = settings.baselineWindow().toMillis();
        double up = 0;
        double down = 0;
        int upFrom = -1;
        int downFrom = -1;
        long restingUntil = Long.MIN_VALUE;
        for (int i = 0; i < s.size(); i++) {
            if (!normal.scored(i) || s.time(i) < restingUntil) {
                continue;
            }
            double z = Math.max(-cap, Math.min(cap, normal.score()[i]));
            double nextUp = Math.max(0, up + z - k);
            double nextDown = Math.max(0, down - z - k);
            if (up == 0 && nextUp > 0) {
                upFrom = i;
            }
            if (down == 0 && nextDown > 0) {
                downFrom = i;
            }
            up = nextUp;
            down = nextDown;
            if (up >= h || down >= h) {
                out.add(new int[] {up >= h ? upFrom : downFrom, i, 1});
                up = down = 0;
                restingUntil = s.time(i) + rest;
            }
        }
    }

    private static AnomalyWindow window(MetricSeries s, RobustBaseline.Normal normal, int[] span) {
        int peak = -1;
        for (int i = span[0]; i <= span[1]; i++) {
            if (normal.scored(i) && (peak < 0 || Math.abs(normal.score()[i]) > Math.abs(normal.score()[peak]))) {
                peak = i;
            }
        }
        return new AnomalyWindow(span[2] == 1 ? AnomalyWindow.Kind.LEVEL_SHIFT : AnomalyWindow.Kind.OUTLIER,
                s.time(span[0]), s.time(span[1]), s.time(peak), s.value(peak), normal.median()[peak],
                normal.score()[peak], span[1] - span[0] + 1);
    }
}

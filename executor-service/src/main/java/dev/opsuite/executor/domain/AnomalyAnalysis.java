package dev.opsuite.executor.domain;

import dev.opsuite.incident.AnomalyDetector;
import dev.opsuite.incident.AnomalyWindow;
import dev.opsuite.incident.DetectorSettings;
import dev.opsuite.incident.MetricSeries;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Query template's {@code analysis: anomaly_windows}: the rows are series (ts, value per CI and
 * metric, in time order, with history before the range asked), the answer is each series' windows
 * that overlap the range (incident-analysis' detector, with the Policy's {@code anomaly} settings). Over a set of CIs
 * an optional column {@code matched} says how many CIs met the set's conditions, of which the rows hold the first
 * ones the template's bound kept, so that the answer can say how many were left unjudged. A sample whose normal could
 * not be formed (too little history) is never part of a window; how many samples of the range
 * were judged is returned beside the windows, so "no window" and "no data" stay apart.
 */
public final class AnomalyAnalysis {
    public static final List<String> COLUMNS = List.of("ci_code", "ci_name", "metric_name", "kind", "start", "end",
            "peak_at", "peak_value", "normal", "score", "samples");
    private static final List<String> NEEDED = List.of("ts", "value", "ci_code", "ci_name", "metric_name");

    private AnomalyAnalysis() {
    }

    /**
     * @param judged samples inside the range that had a normal (0 with windows empty: no data to judge)
     * @param inRange samples inside the range at all
     * @param cis     CIs whose series were read (a set's CIs judged)
     * @param withWindows CIs with at least one window in the range
     * @param found   CIs that match the set's conditions, read or not (the optional column {@code matched}; -1 when
     *                the rows do not say)
     */
    public record Result(SqlPort.Tabular windows, int judged, int inRange, int cis, int withWindows, int found) {
    }

    public static Result of(SqlPort.Tabular series, OffsetDateTime from, OffsetDateTime to, DetectorSettings settings) {
        require(series, NEEDED, "anomaly_windows");
        int ts = series.columns().indexOf("ts");
        int value = series.columns().indexOf("value");
        int code = series.columns().indexOf("ci_code");
        int name = series.columns().indexOf("ci_name");
        int metric = series.columns().indexOf("metric_name");
        int matched = series.columns().indexOf("matched");
        int found = -1;
        Map<List<String>, List<List<Object>>> bySeries = new LinkedHashMap<>();
        java.util.Set<Object> cis = new java.util.HashSet<>();
        java.util.Set<Object> withWindows = new java.util.HashSet<>();
        for (List<Object> row : series.rows()) {
            if (matched >= 0 && row.get(matched) instanceof Number n) {
                found = Math.max(found, n.intValue());
            }
            if (row.get(ts) == null || !(row.get(value) instanceof Number)) {
                continue;
            }
            cis.add(row.get(code));
            bySeries.computeIfAbsent(List.of(String.valueOf(row.get(code)), String.valueOf(row.get(name)),
                    String.valueOf(row.get(metric))), k -> new ArrayList<>()).add(row);
        }
        ZoneOffset zone = from.getOffset(); // the question's, as the range was written
        long fromMs = from.toInstant().toEpochMilli();
        long toMs = to.toInstant().toEpochMilli();
        List<List<Object>> out = new ArrayList<>();
        int judged = 0;
        int inRange = 0;
        for (Map.Entry<List<String>, List<List<Object>>> e : bySeries.entrySet()) {
            MetricSeries s = series(e.getValue(), ts, value);
            AnomalyDetector.Detection d = AnomalyDetector.detect(s, settings);
            for (int i = s.indexAtOrAfter(fromMs); i < s.size() && s.time(i) < toMs; i++) {
                inRange++;
                judged += d.normal().scored(i) ? 1 : 0;
            }
            for (AnomalyWindow w : d.windows()) {
                if (w.overlaps(fromMs, toMs - 1)) {
                    withWindows.add(e.getKey().get(0));
                    out.add(List.of(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2),
                            w.kind().name().toLowerCase(java.util.Locale.ROOT), iso(w.start(), zone), iso(w.end(), zone),
                            iso(w.peakAt(), zone), w.peakValue(), round(w.normal()), round(w.peakScore()), w.samples()));
                }
            }
        }
        return new Result(new SqlPort.Tabular(COLUMNS, out, false), judged, inRange, cis.size(), withWindows.size(),
                found);
    }

    /** The columns an analysis reads, or the template's mistake said with what it returned. */
    static void require(SqlPort.Tabular rows, List<String> needed, String analysis) {
        for (String c : needed) {
            if (!rows.columns().contains(c)) {
                throw new IllegalArgumentException("a template with analysis " + analysis + " must return the column " + c
                        + " (it returned " + rows.columns() + ")");
            }
        }
    }

    static MetricSeries series(List<List<Object>> rows, int ts, int value) {
        long[] t = new long[rows.size()];
        double[] v = new double[rows.size()];
        int n = 0;
        for (List<Object> row : rows) {
            long at = OffsetDateTime.parse(String.valueOf(row.get(ts))).toInstant().toEpochMilli();
            double x = ((Number) row.get(value)).doubleValue();
            if (n > 0 && at <= t[n - 1] || !Double.isFinite(x)) {
                continue; // a repeated stamp or a non-number is not a sample (the table's key forbids the first)
            }
            t[n] = at;
            v[n] = x;
            n++;
        }
        return new MetricSeries(java.util.Arrays.copyOf(t, n), java.util.Arrays.copyOf(v, n));
    }

    static String iso(long epochMillis, ZoneOffset zone) {
        return Instant.ofEpochMilli(epochMillis).atOffset(zone).toString();
    }

    static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }
}

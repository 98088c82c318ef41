package dev.opsuite.executor.domain;

import dev.opsuite.incident.AnomalyDetector;
import dev.opsuite.incident.AnomalyWindow;
import dev.opsuite.incident.DetectorSettings;
import dev.opsuite.incident.MetricSeries;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Query template's {@code analysis: anomaly_band}: the rows are one series (ts, value, ci_code, ci_name,
 * metric_name in time order, with history before the range, as for {@code anomaly_windows}); the answer is each
 * sample of the range with its normal (the detector's trailing median), the band the detector tolerates around it
 * (normal ± threshold × scale) and the window it belongs to (1, 2 … in time order; none outside every window) — the
 * data of a chart with the baseline band and the anomalous windows shaded. Samples with no normal yet have none.
 */
public final class AnomalyBand {
    public static final List<String> COLUMNS = List.of("ts", "value", "normal", "band_low", "band_high", "window");
    private static final List<String> NEEDED = List.of("ts", "value", "ci_code", "ci_name", "metric_name");

    private AnomalyBand() {
    }

    public static SqlPort.Tabular of(SqlPort.Tabular series, OffsetDateTime from, OffsetDateTime to,
                                     DetectorSettings settings) {
        AnomalyAnalysis.require(series, NEEDED, "anomaly_band");
        int ts = series.columns().indexOf("ts");
        int value = series.columns().indexOf("value");
        int code = series.columns().indexOf("ci_code");
        int metric = series.columns().indexOf("metric_name");
        List<List<Object>> first = new ArrayList<>();
        for (List<Object> row : series.rows()) {
            if (row.get(ts) == null || !(row.get(value) instanceof Number)) {
                continue;
            }
            if (!first.isEmpty() && !(same(first.get(0), row, code) && same(first.get(0), row, metric))) {
                // one band is one series: a template that returns several is a mistake said as such
                throw new IllegalArgumentException("a template with analysis anomaly_band must return one series "
                        + "(one ci_code and metric_name)");
            }
            first.add(row);
        }
        MetricSeries s = AnomalyAnalysis.series(first, ts, value);
        AnomalyDetector.Detection d = AnomalyDetector.detect(s, settings);
        long fromMs = from.toInstant().toEpochMilli();
        long toMs = to.toInstant().toEpochMilli();
        ZoneOffset zone = from.getOffset();
        List<AnomalyWindow> windows = d.windows().stream().filter(w -> w.overlaps(fromMs, toMs - 1)).toList();
        List<List<Object>> out = new ArrayList<>();
        double threshold = settings.threshold();
        for (int i = s.indexAtOrAfter(fromMs); i < s.size() && s.time(i) < toMs; i++) {
            long t = s.time(i);
            Integer window = null;
            for (int k = 0; k < windows.size(); k++) {
                if (t >= windows.get(k).start() && t <= windows.get(k).end()) {
                    window = k + 1;
                }
            }
            boolean scored = d.normal().scored(i);
            double median = d.normal().median()[i];
            double spread = threshold * d.normal().scale()[i];
            out.add(Arrays.asList(AnomalyAnalysis.iso(t, zone), s.value(i),
                    scored ? AnomalyAnalysis.round(median) : null,
                    scored ? AnomalyAnalysis.round(median - spread) : null,
                    scored ? AnomalyAnalysis.round(median + spread) : null, window));
        }
        return new SqlPort.Tabular(COLUMNS, out, false);
    }

    private static boolean same(List<Object> a, List<Object> b, int column) {
        return String.valueOf(a.get(column)).equals(String.valueOf(b.get(column)));
    }
}

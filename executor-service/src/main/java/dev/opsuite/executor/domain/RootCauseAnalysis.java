package dev.opsuite.executor.domain;

import dev.opsuite.incident.AnomalyWindow;
import dev.opsuite.incident.CauseAnalysis;
import dev.opsuite.incident.CauseRanking;
import dev.opsuite.incident.DetectorSettings;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A Query template's {@code analysis: root_cause}: the rows are the series of a symptom CI and of the
 * CIs it depends on (ts, value, ci_code, ci_name, metric_name, depth, parent; a CI with no sample in
 * the range comes as one row with no ts), the answer is the likely causes of the symptom's trouble,
 * best first, each with the window that makes it one (incident-analysis' detector and cause ranking,
 * with the Policy's {@code anomaly} settings) — or no row when none is likely enough. An optional
 * column {@code neighbourhood} says how many CIs lay within the depth (the symptom not counted), so that
 * the answer can say how many the template's bound on them left unjudged; an optional column {@code checked}
 * says how many of them the template checked before it chose which to read (the shipped template: of the 64
 * nearest, the 16 whose measures moved most over the range), so that the answer can say how it chose.
 */
public final class RootCauseAnalysis {
    public static final List<String> COLUMNS = List.of("rank", "ci_code", "ci_name", "via", "depth", "metric_name",
            "kind", "start", "peak_at", "peak_value", "normal", "score", "lead_minutes", "likelihood");
    /**
     * The kind of a cause named on weaker evidence: its window was found only below the threshold (the Policy's
     * {@code anomaly.cause_evidence_threshold}), after every CI that left its normal.
     */
    public static final String UNDER_THRESHOLD = "under_threshold";
    private static final List<String> NEEDED = List.of("ts", "value", "ci_code", "ci_name", "metric_name", "depth",
            "parent");

    private RootCauseAnalysis() {
    }

    /**
     * @param judged   samples inside the range that had a normal (0 with no row: no data to judge)
     * @param onset    the symptom's first unusual sample in the range ("" none found)
     * @param cis      CIs of the neighbourhood judged as candidates (the symptom not counted)
     * @param found    CIs within the depth (the symptom not counted; -1 when the rows do not say)
     * @param checked  CIs the template checked before choosing which to read (-1: it read the nearest)
     * @param weakOnly causes were named, all on weaker evidence (none left its normal far enough for an alarm)
     */
    public record Result(SqlPort.Tabular causes, int judged, String onset, int cis, int found, int checked,
                         boolean weakOnly) {
    }

    public static Result of(SqlPort.Tabular rows, String symptom, String symptomMetric, OffsetDateTime from,
                            OffsetDateTime to, DetectorSettings settings) {
        AnomalyAnalysis.require(rows, NEEDED, "root_cause");
        int ts = rows.columns().indexOf("ts");
        int value = rows.columns().indexOf("value");
        int code = rows.columns().indexOf("ci_code");
        int name = rows.columns().indexOf("ci_name");
        int metric = rows.columns().indexOf("metric_name");
        int depth = rows.columns().indexOf("depth");
        int parent = rows.columns().indexOf("parent");
        int neighbourhood = rows.columns().indexOf("neighbourhood");
        int checkedColumn = rows.columns().indexOf("checked");
        int found = -1;
        int checked = -1;
        Map<String, CauseRanking.Node> nodes = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<List<String>, List<List<Object>>> bySeries = new LinkedHashMap<>();
        nodes.put(symptom, new CauseRanking.Node(symptom, 0, ""));
        for (List<Object> row : rows.rows()) {
            String ci = String.valueOf(row.get(code));
            names.putIfAbsent(ci, String.valueOf(row.get(name)));
            if (neighbourhood >= 0 && row.get(neighbourhood) instanceof Number n) {
                found = Math.max(found, n.intValue());
            }
            if (checkedColumn >= 0 && row.get(checkedColumn) instanceof Number n) {
                checked = Math.max(checked, n.intValue());
            }
            int d = row.get(depth) instanceof Number n ? n.intValue() : 0;
            nodes.putIfAbsent(ci, new CauseRanking.Node(ci, d, row.get(parent) == null ? "" : String.valueOf(row.get(parent))));
            if (row.get(ts) != null && row.get(value) instanceof Number && row.get(metric) != null) {
                bySeries.computeIfAbsent(List.of(ci, String.valueOf(row.get(metric))), k -> new ArrayList<>()).add(row);
            }
        }
        List<CauseAnalysis.Series> series = new ArrayList<>();
        for (Map.Entry<List<String>, List<List<Object>>> e : bySeries.entrySet()) {
            series.add(new CauseAnalysis.Series(e.getKey().get(0), e.getKey().get(1),
                    AnomalyAnalysis.series(e.getValue(), ts, value)));
        }
        CauseAnalysis.Result judgement = CauseAnalysis.judge(symptom, symptomMetric, List.copyOf(nodes.values()), series,
                from.toInstant().toEpochMilli(), to.toInstant().toEpochMilli(), settings);
        CauseRanking.Ranking r = judgement.ranking();
        int judged = judgement.judged();
        ZoneOffset zone = from.getOffset();
        List<List<Object>> out = new ArrayList<>();
        for (CauseRanking.Cause c : r.causes()) {
            AnomalyWindow w = c.finding().window();
            String ci = c.finding().ciCode();
            List<Object> row = new ArrayList<>(List.of(out.size() + 1, ci, names.getOrDefault(ci, ci), via(ci, nodes),
                    c.depth(), c.finding().metric(), c.weak() ? UNDER_THRESHOLD : w.kind().name().toLowerCase(Locale.ROOT),
                    AnomalyAnalysis.iso(w.start(), zone), AnomalyAnalysis.iso(w.peakAt(), zone), w.peakValue(),
                    AnomalyAnalysis.round(w.normal()), AnomalyAnalysis.round(w.peakScore())));
            row.add(c.leadMs() == null ? null : Math.round(c.leadMs() / 60_000.0));
            row.add(AnomalyAnalysis.round(c.score()));
            out.add(row);
        }
        String onset = r.onsetMs() == null ? "" : AnomalyAnalysis.iso(r.onsetMs(), zone);
        boolean weakOnly = !r.causes().isEmpty() && r.causes().stream().allMatch(CauseRanking.Cause::weak);
        return new Result(new SqlPort.Tabular(COLUMNS, out, false), judged, onset, r.judged(), found,
                checked, weakOnly);
    }

    /** "payment-api → payment-db → SVR004": the way from the symptom to the CI. */
    static String via(String ci, Map<String, CauseRanking.Node> nodes) {
        List<String> path = new ArrayList<>();
        String at = ci;
        for (int guard = 0; at != null && !at.isEmpty() && guard < 16; guard++) {
            path.add(0, at);
            CauseRanking.Node n = nodes.get(at);
            at = n == null ? null : n.parent();
        }
        return String.join(" → ", path);
    }
}

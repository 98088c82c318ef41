package dev.opsuite.executor.domain;

import dev.opsuite.incident.CauseRanking;
import dev.opsuite.incident.DetectorSettings;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A Query template's {@code analysis: dependency_status}, the health check's view of what a CI depends on: the
 * rows are the series of those CIs (ts, value, ci_code, ci_name, metric_name, depth, parent — a CI with no sample
 * comes as one row with no ts — and per CI its {@code status}, {@code status_down} and {@code critical_events}
 * over the range); the answer is one row per dependency with its status, the measures that had a window in the
 * range ({@link AnomalyAnalysis}, the same detector) and its critical events, those that need a look first. An
 * optional column {@code neighbourhood} says how many CIs lay within the depth, as for likely causes.
 */
public final class DependencyStatus {
    public static final List<String> COLUMNS = List.of("ci_code", "ci_name", "via", "depth", "status", "unusual",
            "critical_events", "trouble", "quiet");
    private static final List<String> NEEDED = List.of("ts", "value", "ci_code", "ci_name", "metric_name", "depth",
            "parent", "status", "status_down", "critical_events");

    private DependencyStatus() {
    }

    /**
     * @param troubled the dependencies that need a look, as "name(code)", in the order of the rows
     * @param judged   samples of the range that had a normal
     * @param cis      dependencies read
     * @param found    dependencies within the depth (-1 when the rows do not say)
     */
    public record Result(SqlPort.Tabular rows, List<String> troubled, int judged, int cis, int found) {
    }

    private record Dep(String code, String name, int depth, String parent, String status, boolean down, long critical) {
    }

    public static Result of(SqlPort.Tabular rows, String root, OffsetDateTime from, OffsetDateTime to,
                            DetectorSettings settings) {
        AnomalyAnalysis.require(rows, NEEDED, "dependency_status");
        List<String> c = rows.columns();
        int code = c.indexOf("ci_code");
        int neighbourhood = c.indexOf("neighbourhood");
        int found = -1;
        Map<String, Dep> deps = new LinkedHashMap<>();
        Map<String, CauseRanking.Node> nodes = new LinkedHashMap<>();
        nodes.put(root, new CauseRanking.Node(root, 0, ""));
        for (List<Object> row : rows.rows()) {
            String ci = String.valueOf(row.get(code));
            if (neighbourhood >= 0 && row.get(neighbourhood) instanceof Number n) {
                found = Math.max(found, n.intValue());
            }
            int depth = row.get(c.indexOf("depth")) instanceof Number n ? n.intValue() : 1;
            Object parent = row.get(c.indexOf("parent"));
            Object status = row.get(c.indexOf("status"));
            deps.putIfAbsent(ci, new Dep(ci, String.valueOf(row.get(c.indexOf("ci_name"))), depth,
                    parent == null ? "" : String.valueOf(parent), status == null ? "" : String.valueOf(status),
                    Boolean.TRUE.equals(row.get(c.indexOf("status_down"))),
                    row.get(c.indexOf("critical_events")) instanceof Number n ? n.longValue() : 0));
            nodes.putIfAbsent(ci, new CauseRanking.Node(ci, depth, parent == null ? "" : String.valueOf(parent)));
        }
        deps.remove(root); // the CI itself is the health check's own subject, not one of its dependencies
        AnomalyAnalysis.Result windows = AnomalyAnalysis.of(rows, from, to, settings);
        Map<String, TreeSet<String>> unusual = new LinkedHashMap<>();
        for (List<Object> w : windows.windows().rows()) {
            unusual.computeIfAbsent(String.valueOf(w.get(0)), k -> new TreeSet<>()).add(String.valueOf(w.get(2)));
        }
        List<Dep> ordered = new ArrayList<>(deps.values());
        ordered.sort(Comparator.comparing((Dep d) -> !troubled(d, unusual)).thenComparingInt(Dep::depth)
                .thenComparing(Dep::code));
        boolean anyTrouble = !ordered.isEmpty() && troubled(ordered.get(0), unusual);
        List<List<Object>> out = new ArrayList<>();
        List<String> troubled = new ArrayList<>();
        for (Dep d : ordered) {
            boolean t = troubled(d, unusual);
            if (t) {
                troubled.add(d.name().equals(d.code()) ? d.code() : d.name() + "(" + d.code() + ")");
            }
            List<Object> row = new ArrayList<>(List.of(d.code(), d.name(), RootCauseAnalysis.via(d.code(), nodes),
                    d.depth(), d.status(), String.join(", ", unusual.getOrDefault(d.code(), new TreeSet<>())),
                    d.critical()));
            row.add(t ? "yes" : null); // "trouble": a block may require it (the first row has it when any has)
            row.add(out.isEmpty() && !anyTrouble ? "yes" : null); // "quiet": on the first row when none has
            out.add(row);
        }
        return new Result(new SqlPort.Tabular(COLUMNS, out, false), troubled, windows.judged(), deps.size(), found);
    }

    /** Down or degraded, a measure with a window in the range, or a critical event in it. */
    private static boolean troubled(Dep d, Map<String, TreeSet<String>> unusual) {
        return d.down() || unusual.containsKey(d.code()) || d.critical() > 0;
    }
}

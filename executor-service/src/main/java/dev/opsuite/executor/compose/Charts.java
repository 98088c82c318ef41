package dev.opsuite.executor.compose;

import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.model.asset.MappingAsset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chart (time series) and network (graph) blocks built from tabular tool results. */
final class Charts {
    private Charts() {}

    /**
     * A time series: {@code {x: "time", series: [{name, unit, points: [[x, y]]}]}}. From an {@code anomaly_band}
     * template (columns {@code normal}, {@code band_low}, {@code band_high}, {@code window}) the measure is followed
     * by its normal and the band, each series with its {@code role} (measure, normal, band_low, band_high), and
     * {@code windows: [{start, end}]} are the anomalous windows to shade — fields added beside the guide's.
     */
    static Block timeSeries(ToolOutput out, MappingAsset.BlockRule rule, String label, String unit, int decimals,
                            String lang) {
        int x = out.columnIndex(rule.x());
        boolean band = MappingAsset.BlockRule.BAND_SERIES.stream().allMatch(c -> out.columnIndex(c) >= 0);
        List<Object> series = new ArrayList<>();
        series.add(series(out, x, out.columnIndex(rule.y()), label, unit, decimals, band ? "measure" : null));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("x", "time");
        if (band) {
            for (String c : MappingAsset.BlockRule.BAND_SERIES) {
                dev.opsuite.model.asset.Text l = rule.seriesLabels().get(c);
                series.add(series(out, x, out.columnIndex(c), l == null ? c : l.in(lang), unit, decimals, c));
            }
            data.put("series", series);
            data.put("windows", windows(out, x, out.columnIndex("window")));
        } else {
            data.put("series", series);
        }
        return new Block("chart", label, "", data);
    }

    private static Map<String, Object> series(ToolOutput out, int x, int y, String name, String unit, int decimals,
                                              String role) {
        List<Object> points = new ArrayList<>();
        for (List<Object> r : out.rows()) {
            Object v = r.get(y);
            points.add(List.of(String.valueOf(r.get(x)), v instanceof Number n
                    ? Double.valueOf(Templates.number(n.doubleValue(), decimals)) : v == null ? "" : v));
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("unit", unit);
        if (role != null) {
            s.put("role", role);
        }
        s.put("points", points);
        return s;
    }

    /** The spans of consecutive samples in the same window: {start, end} of its first and last sample. */
    private static List<Object> windows(ToolOutput out, int x, int window) {
        List<Object> spans = new ArrayList<>();
        Object current = null;
        Map<String, Object> span = null;
        for (List<Object> r : out.rows()) {
            Object w = r.get(window);
            if (w != null && w.equals(current) && span != null) {
                span.put("end", String.valueOf(r.get(x)));
            } else if (w != null) {
                span = new LinkedHashMap<>();
                span.put("start", String.valueOf(r.get(x)));
                span.put("end", String.valueOf(r.get(x)));
                spans.add(span);
            }
            current = w;
        }
        return spans;
    }

    /** The columns of an event a timeline carries, when the rows have them. */
    static final List<String> EVENT_FIELDS = List.of("ci_code", "ci_name", "event_type", "severity", "title");

    /**
     * Events on one time axis, oldest first: {@code {x: "time", events: [{ts, ci_code, ci_name, event_type, severity,
     * title}]}} from rows with the rule's {@code x} column (the event's time) — a block type beside the guide's
     * (text, table, chart, network) for the order of what happened; the rows are the table's, so as bounded.
     */
    static Block timeline(ToolOutput out, MappingAsset.BlockRule rule, String title) {
        int x = out.columnIndex(rule.x());
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < out.rows().size(); i++) {
            Map<String, Object> row = out.row(i);
            Object ts = x < 0 ? null : out.rows().get(i).get(x);
            if (ts == null) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("ts", String.valueOf(ts));
            for (String f : EVENT_FIELDS) {
                if (row.get(f) != null) {
                    e.put(f, String.valueOf(row.get(f)));
                }
            }
            events.add(e);
        }
        events.sort(java.util.Comparator.comparing(e -> java.time.OffsetDateTime.parse((String) e.get("ts")).toInstant()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("x", "time");
        data.put("events", new ArrayList<Object>(events));
        return new Block("timeline", title, "", data);
    }

    /**
     * Nodes and edges from rows carrying ci_code/ci_name/ci_type/status and, per row, the node it
     * was reached from (via) and the relation; the question's CI is the root.
     */
    static Block network(ToolOutput out, String rootCode, String rootLabel) {
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        List<Object> edges = new ArrayList<>();
        if (!rootCode.isEmpty()) {
            nodes.put(rootCode, node(rootCode, rootLabel, "", "", 0, true));
        }
        boolean pathRows = out.columnIndex("from_code") >= 0;
        for (int i = 0; i < out.rows().size(); i++) {
            Map<String, Object> r = out.row(i);
            String code = String.valueOf(r.get("ci_code"));
            int depth = r.get("depth") instanceof Number n ? n.intValue() : i + 1;
            nodes.putIfAbsent(code, node(code, String.valueOf(r.getOrDefault("ci_name", code)),
                    String.valueOf(r.getOrDefault("ci_type", "")), String.valueOf(r.getOrDefault("status", "")), depth, false));
            String from = String.valueOf(pathRows ? r.get("from_code") : r.get("via"));
            if (pathRows) {
                nodes.putIfAbsent(from, node(from, String.valueOf(r.getOrDefault("from_name", from)), "", "", depth - 1, false));
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("source", from);
            e.put("target", code);
            e.put("relation", String.valueOf(r.getOrDefault("relation", "")));
            edges.add(e);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("nodes", new ArrayList<>(nodes.values()));
        data.put("edges", edges);
        return new Block("network", "", "", data);
    }

    private static Map<String, Object> node(String id, String label, String type, String status, int depth, boolean root) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("id", id);
        n.put("label", label);
        n.put("type", type);
        n.put("status", status);
        n.put("depth", depth);
        n.put("root", root);
        return n;
    }
}

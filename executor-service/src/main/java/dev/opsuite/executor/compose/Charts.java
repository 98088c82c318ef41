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

    static Block timeSeries(ToolOutput out, MappingAsset.BlockRule rule, String label, String unit, int decimals) {
        int x = out.columnIndex(rule.x());
        int y = out.columnIndex(rule.y());
        List<Object> points = new ArrayList<>();
        for (List<Object> r : out.rows()) {
            Object v = r.get(y);
            points.add(List.of(String.valueOf(r.get(x)), v instanceof Number n
                    ? Double.valueOf(Templates.number(n.doubleValue(), decimals)) : v == null ? "" : v));
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", label);
        series.put("unit", unit);
        series.put("points", points);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("x", "time");
        data.put("series", List.of(series));
        return new Block("chart", label, "", data);
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

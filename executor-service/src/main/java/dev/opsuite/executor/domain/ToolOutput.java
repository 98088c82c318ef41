package dev.opsuite.executor.domain;

import java.util.List;
import java.util.Map;

/** Tabular output of one executor call (tool), with what the trace needs to explain it. */
public record ToolOutput(
        String tool,
        String queryName,
        List<String> columns,
        List<List<Object>> rows,
        boolean truncated,
        Map<String, Object> meta,
        String error,
        boolean retryable) {

    public ToolOutput {
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : rows;
        meta = meta == null ? Map.of() : meta;
        error = error == null ? "" : error;
    }

    public boolean failed() {
        return !error.isEmpty();
    }

    public int columnIndex(String name) {
        return columns.indexOf(name);
    }

    /** Row i as column -> value. */
    public Map<String, Object> row(int i) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        List<Object> r = rows.get(i);
        for (int c = 0; c < columns.size() && c < r.size(); c++) {
            m.put(columns.get(c), r.get(c));
        }
        return m;
    }
}

package dev.opsuite.executor.domain;

import dev.opsuite.model.asset.QueryTemplate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A redis template's {@code result} mapping: turns the command's own columns into the columns the
 * Mapping asset and COMPOSE expect, so a Redis reply reads like any table.
 *
 * <pre>
 * "result": {"row": true, "fields": ["depth", "consumers"],      // HGETALL: one row, a column per field
 *            "params": ["ci_code"],                              // bound plan values as leading columns
 *            "columns": {"member": "ci_code", "score": "last_seen"},  // renames
 *            "numbers": ["depth"], "times": ["last_seen"]}       // typed: numbers; epoch seconds → ISO time
 * </pre>
 *
 * Redis returns strings: a value named in {@code numbers} that is not a number stays text (never 0),
 * and one in {@code times} that is not epoch seconds stays as it was.
 */
final class RedisResults {
    private RedisResults() {}

    static SqlPort.Tabular map(java.util.Optional<QueryTemplate.Result> given, SqlPort.Tabular t,
                               Map<String, Object> bound) {
        if (given.isEmpty()) {
            return t;
        }
        QueryTemplate.Result result = given.get();
        SqlPort.Tabular out = result.row() ? pivot(t, result.fields()) : t;
        List<String> columns = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        List<String> leading = result.params();
        columns.addAll(leading);
        for (String c : out.columns()) {
            columns.add(result.columns().getOrDefault(c, c));
        }
        for (List<Object> r : out.rows()) {
            List<Object> row = new ArrayList<>();
            leading.forEach(p -> row.add(bound.get(p) == null ? null : String.valueOf(bound.get(p))));
            row.addAll(r);
            rows.add(row);
        }
        typed(columns, rows, result.numbers(), RedisResults::number);
        typed(columns, rows, result.times(), RedisResults::time);
        return new SqlPort.Tabular(columns, rows, out.truncated());
    }

    /** field/value rows (HGETALL) as one row: a column per field, in the order asked or as read. */
    private static SqlPort.Tabular pivot(SqlPort.Tabular t, List<String> fields) {
        int f = t.columns().indexOf("field");
        int v = t.columns().indexOf("value");
        if (f < 0 || v < 0) {
            return t;
        }
        Map<String, Object> byField = new LinkedHashMap<>();
        t.rows().forEach(r -> byField.put(String.valueOf(r.get(f)), r.get(v)));
        if (byField.isEmpty()) {
            return new SqlPort.Tabular(t.columns(), List.of(), t.truncated()); // no hash: no row ("no data")
        }
        List<String> names = fields.isEmpty() ? new ArrayList<>(byField.keySet()) : fields;
        List<Object> row = new ArrayList<>();
        names.forEach(n -> row.add(byField.get(n)));
        return new SqlPort.Tabular(names, List.of(row), t.truncated());
    }

    private static void typed(List<String> columns, List<List<Object>> rows, List<String> names,
                              java.util.function.UnaryOperator<Object> convert) {
        for (String n : names) {
            int i = columns.indexOf(n);
            if (i >= 0) {
                rows.forEach(r -> r.set(i, convert.apply(r.get(i))));
            }
        }
    }

    private static Object number(Object v) {
        if (!(v instanceof String s)) {
            return v;
        }
        try {
            return s.matches("-?\\d{1,18}") ? (Object) Long.parseLong(s) : (Object) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return v;
        }
    }

    private static Object time(Object v) {
        Object n = v instanceof Number ? v : number(v);
        if (!(n instanceof Number num)) {
            return v;
        }
        long ms = num instanceof Double d ? (long) (d * 1000) : num.longValue() * 1000;
        if (num.longValue() > 100_000_000_000L) { // already milliseconds (TS.* timestamps, stream ids)
            ms = num.longValue();
        }
        return Instant.ofEpochMilli(ms).atOffset(ZoneOffset.UTC).toString();
    }
}

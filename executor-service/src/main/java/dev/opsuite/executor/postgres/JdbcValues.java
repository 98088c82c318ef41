package dev.opsuite.executor.postgres;

import dev.opsuite.executor.domain.SqlPort;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Binding Java values to JDBC parameters and reading rows back as plain JSON-able values. */
final class JdbcValues {
    private JdbcValues() {}

    static void bind(Connection c, PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setObject(index, null);
        } else if (value instanceof List<?> list) {
            Object[] arr = list.stream().map(String::valueOf).toArray();
            ps.setArray(index, c.createArrayOf("text", arr));
        } else if (value instanceof OffsetDateTime t) {
            ps.setObject(index, t);
        } else if (value instanceof Integer || value instanceof Long) {
            ps.setLong(index, ((Number) value).longValue());
        } else if (value instanceof Number n) {
            ps.setDouble(index, n.doubleValue());
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else {
            ps.setString(index, value.toString());
        }
    }

    static SqlPort.Tabular read(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String> columns = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            columns.add(md.getColumnLabel(i));
        }
        List<List<Object>> rows = new ArrayList<>();
        boolean truncated = false;
        while (rs.next()) {
            if (rows.size() >= maxRows) {
                truncated = true;
                break;
            }
            List<Object> row = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                row.add(value(rs.getObject(i)));
            }
            rows.add(row);
        }
        return new SqlPort.Tabular(columns, rows, truncated);
    }

    private static Object value(Object o) throws SQLException {
        if (o == null || o instanceof String || o instanceof Boolean) {
            return o;
        }
        if (o instanceof BigDecimal d) {
            return d.doubleValue();
        }
        if (o instanceof Number) {
            return o;
        }
        if (o instanceof Timestamp ts) {
            return ts.toInstant().atOffset(ZoneOffset.UTC).toString();
        }
        if (o instanceof OffsetDateTime t) {
            return t.toString();
        }
        if (o instanceof Array a) {
            List<Object> out = new ArrayList<>();
            for (Object x : (Object[]) a.getArray()) {
                out.add(value(x));
            }
            return out;
        }
        return o.toString(); // jsonb, uuid, interval ... as text
    }
}

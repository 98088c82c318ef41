package dev.opsuite.trace.postgres;

import static dev.opsuite.trace.postgres.Jdbc.nullToEmpty;

import dev.opsuite.trace.domain.PageCursor;
import dev.opsuite.trace.domain.StoredTrace;
import dev.opsuite.trace.domain.TraceFilter;
import dev.opsuite.trace.domain.TraceRecord;
import dev.opsuite.trace.domain.TraceStore;
import dev.opsuite.trace.domain.TraceSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import javax.sql.DataSource;

/** {@link TraceStore} on PostgreSQL table {@code ops.traces}. */
public final class PostgresTraceStore implements TraceStore {

    /*
     * The whole batch is one statement over parallel arrays: atomic without an explicit
     * transaction, one round trip, and an exact count of inserted rows (duplicates are skipped,
     * also within the batch).
     */
    private static final String INSERT = """
            INSERT INTO ops.traces (trace_id, parent_trace_id, feature, endpoint, method, ops_mode, question,
                                    status, route, duration_ms, created_at, body_pb, caller, plan_shape, stage_ms)
            SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                 ?::text[], ?::text[], ?::int4[], ?::text[]::timestamptz[], ?::bytea[], ?::text[],
                                 ?::text[], ?::text[]::jsonb[])
            ON CONFLICT (trace_id) DO NOTHING
            """;

    private static final String FIND = "SELECT body_pb, body::text, created_at FROM ops.traces WHERE trace_id = ?";

    private static final String SUMMARY_COLUMNS = "SELECT trace_id, parent_trace_id, feature, endpoint, question,"
            + " status, route, duration_ms, created_at, caller, plan_shape, stage_ms::text FROM ops.traces";

    private final DataSource db;

    public PostgresTraceStore(DataSource db) {
        this.db = db;
    }

    @Override
    public int insertAll(List<TraceRecord> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            int p = 1;
            ps.setArray(p++, texts(c, batch, TraceRecord::traceId));
            ps.setArray(p++, texts(c, batch, TraceRecord::parentTraceId));
            ps.setArray(p++, texts(c, batch, TraceRecord::feature));
            ps.setArray(p++, texts(c, batch, TraceRecord::endpoint));
            ps.setArray(p++, texts(c, batch, TraceRecord::method));
            ps.setArray(p++, texts(c, batch, TraceRecord::opsMode));
            ps.setArray(p++, texts(c, batch, TraceRecord::question));
            ps.setArray(p++, texts(c, batch, TraceRecord::status));
            ps.setArray(p++, texts(c, batch, TraceRecord::route));
            ps.setArray(p++, c.createArrayOf("int4", batch.stream().map(TraceRecord::durationMs).toArray()));
            ps.setArray(p++, c.createArrayOf("text", batch.stream().map(r -> r.createdAt().toString()).toArray()));
            // byte[][] goes over the wire as a binary bytea[], no hex text
            ps.setObject(p++, batch.stream().map(TraceRecord::body).toArray(byte[][]::new));
            ps.setArray(p++, texts(c, batch, TraceRecord::caller));
            ps.setArray(p++, texts(c, batch, TraceRecord::planShape));
            ps.setArray(p, texts(c, batch, r -> r.stageMs().isEmpty() ? "" : Jdbc.json(r.stageMs())));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Jdbc.failure("write traces", e);
        }
    }

    @Override
    public Optional<StoredTrace> find(String traceId) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(FIND)) {
            ps.setString(1, traceId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] body = rs.getBytes(1);
                return Optional.of(new StoredTrace(body, body == null ? rs.getString(2) : null,
                        rs.getObject(3, OffsetDateTime.class).toInstant()));
            }
        } catch (SQLException e) {
            throw Jdbc.failure("fetch trace", e);
        }
    }

    @Override
    public List<TraceSummary> search(TraceFilter filter, PageCursor after, int limit) {
        StringBuilder sql = new StringBuilder(SUMMARY_COLUMNS).append(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (after != null) {
            // Row comparison matches the (created_at DESC, trace_id DESC) index order exactly.
            sql.append(" AND (created_at, trace_id) < (?, ?)");
            args.add(Jdbc.utc(after.createdAt()));
            args.add(after.traceId());
        }
        if (filter.questionContains() != null) {
            sql.append(" AND question ILIKE ? ESCAPE '\\'");
            args.add("%" + escapeLike(filter.questionContains()) + "%");
        }
        equal(sql, args, "route", filter.route());
        equal(sql, args, "status", filter.status());
        equal(sql, args, "feature", filter.feature());
        equal(sql, args, "parent_trace_id", filter.parentTraceId());
        equal(sql, args, "caller", filter.caller());
        equal(sql, args, "plan_shape", filter.planShape());
        if (filter.since() != null) {
            sql.append(" AND created_at >= ?");
            args.add(Jdbc.utc(filter.since()));
        }
        if (filter.until() != null) {
            sql.append(" AND created_at < ?");
            args.add(Jdbc.utc(filter.until()));
        }
        sql.append(" ORDER BY created_at DESC, trace_id DESC LIMIT ?");
        args.add(limit);

        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<TraceSummary> out = new ArrayList<>(Math.min(limit, 1_000));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TraceSummary(rs.getString(1), nullToEmpty(rs.getString(2)),
                            nullToEmpty(rs.getString(3)), nullToEmpty(rs.getString(4)),
                            nullToEmpty(rs.getString(5)), nullToEmpty(rs.getString(6)),
                            nullToEmpty(rs.getString(7)), rs.getInt(8),
                            rs.getObject(9, OffsetDateTime.class).toInstant(), nullToEmpty(rs.getString(10)),
                            nullToEmpty(rs.getString(11)), stageMs(rs.getString(12))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.failure("search traces", e);
        }
    }

    private static Map<String, Integer> stageMs(String json) {
        if (json == null) {
            return Map.of();
        }
        Map<String, Integer> out = new TreeMap<>();
        Jdbc.readJson(json).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asInt()));
        return out;
    }

    /** User text matched literally: backslash, % and _ lose their LIKE meaning. */
    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            args.add(value);
        }
    }

    private static java.sql.Array texts(Connection c, List<TraceRecord> batch, Function<TraceRecord, String> field)
            throws SQLException {
        return c.createArrayOf("text", batch.stream().map(field).map(Jdbc::emptyToNull).toArray());
    }
}

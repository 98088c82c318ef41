package dev.opsuite.trace.postgres;

import dev.opsuite.trace.domain.AuditLog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** ops.audit: appended in one batch per call, read newest first by id. */
public final class PostgresAuditStore implements AuditLog.Store {
    // an event id already stored is a batch written again (a retry after a replica died): kept once
    private static final String INSERT = "INSERT INTO ops.audit (at, principal, action, target, outcome, remote, detail,"
            + " event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING";

    private final DataSource db;

    public PostgresAuditStore(DataSource db) {
        this.db = db;
    }

    @Override
    public int append(List<AuditLog.Event> events) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (AuditLog.Event e : events) {
                ps.setTimestamp(1, Timestamp.from(e.at()));
                ps.setString(2, e.principal());
                ps.setString(3, e.action());
                ps.setString(4, e.target());
                ps.setString(5, e.outcome());
                ps.setString(6, e.remote());
                ps.setString(7, e.detail());
                ps.setString(8, e.eventId().isEmpty() ? null : e.eventId()); // NULLs never conflict
                ps.addBatch();
            }
            int n = 0;
            for (int r : ps.executeBatch()) {
                n += Math.max(r, 0);
            }
            return n;
        } catch (SQLException e) {
            throw Jdbc.failure("write audit events", e);
        }
    }

    @Override
    public List<AuditLog.Event> search(int limit, long beforeId, String principal, String action, String outcome) {
        StringBuilder sql = new StringBuilder("SELECT id, at, principal, action, target, outcome, remote, detail, event_id"
                + " FROM ops.audit WHERE true");
        List<Object> args = new ArrayList<>();
        if (beforeId > 0) {
            sql.append(" AND id < ?");
            args.add(beforeId);
        }
        for (String[] f : new String[][] {{"principal", principal}, {"action", action}, {"outcome", outcome}}) {
            if (f[1] != null) {
                sql.append(" AND ").append(f[0]).append(" = ?");
                args.add(f[1]);
            }
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<AuditLog.Event> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditLog.Event(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9) == null ? "" : rs.getString(9)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.failure("search audit events", e);
        }
    }
}

package dev.opsuite.trace.postgres;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.GoldenQuery;
import dev.opsuite.proto.v1.RegressionRun;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * ops.golden_queries and ops.regression_runs: each record as its protobuf bytes, with the columns
 * the searches filter by (tags, bound assets) and order by (created_at).
 */
public final class PostgresGoldenStore implements dev.opsuite.trace.golden.GoldenQueries.Store {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final DataSource db;

    public PostgresGoldenStore(DataSource db) {
        this.db = db;
    }

    static String newId(String prefix) {
        StringBuilder b = new StringBuilder(prefix);
        for (int i = 0; i < 16; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** Creates (no query_id) or replaces one; the stored query comes back. */
    @Override
    public GoldenQuery save(GoldenQuery q) {
        boolean create = q.getQueryId().isEmpty();
        GoldenQuery stored = create ? q.toBuilder().setQueryId(newId("gq_"))
                .setCreatedAt(q.getCreatedAt().isEmpty() ? Instant.now().toString() : q.getCreatedAt()).build() : q;
        String sql = create
                ? "INSERT INTO ops.golden_queries (name, tags, bound_assets, created_at, body, query_id) VALUES (?, ?, ?, ?, ?, ?)"
                : "UPDATE ops.golden_queries SET name = ?, tags = ?, bound_assets = ?, created_at = ?, body = ? WHERE query_id = ?";
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, stored.getName());
            ps.setArray(2, c.createArrayOf("text", stored.getTagsList().toArray()));
            ps.setArray(3, c.createArrayOf("text", stored.getBoundAssetsList().toArray()));
            ps.setTimestamp(4, Timestamp.from(Instant.parse(stored.getCreatedAt())));
            ps.setBytes(5, stored.toByteArray());
            ps.setString(6, stored.getQueryId());
            if (ps.executeUpdate() == 0) {
                throw OpsException.notFound("no golden query " + stored.getQueryId());
            }
            return stored;
        } catch (SQLException e) {
            throw Jdbc.failure("save a golden query", e);
        }
    }

    @Override
    public List<GoldenQuery> search(String tag, String boundAsset, int limit) {
        StringBuilder sql = new StringBuilder("SELECT body FROM ops.golden_queries WHERE true");
        List<Object> args = new ArrayList<>();
        if (!tag.isEmpty()) {
            sql.append(" AND ? = ANY(tags)");
            args.add(tag);
        }
        if (!boundAsset.isEmpty()) {
            // bound to "query/ci_queries" is asked by "query/ci_queries" and by "query"; bound to "query" by both too
            String type = boundAsset.contains("/") ? boundAsset.substring(0, boundAsset.indexOf('/')) : boundAsset;
            sql.append(" AND (? = ANY(bound_assets) OR ? = ANY(bound_assets)");
            args.add(boundAsset);
            args.add(type);
            if (!boundAsset.contains("/")) {
                sql.append(" OR EXISTS (SELECT 1 FROM unnest(bound_assets) b WHERE b LIKE ?)");
                args.add(type + "/%");
            }
            sql.append(")");
        }
        sql.append(" ORDER BY created_at DESC, query_id LIMIT ?");
        args.add(limit);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<GoldenQuery> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(parse(rs.getBytes(1), GoldenQuery.parser()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.failure("search golden queries", e);
        }
    }

    @Override
    public Optional<GoldenQuery> fetch(String queryId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT body FROM ops.golden_queries WHERE query_id = ?")) {
            ps.setString(1, queryId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(parse(rs.getBytes(1), GoldenQuery.parser())) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Jdbc.failure("read a golden query", e);
        }
    }

    @Override
    public boolean remove(String queryId) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM ops.golden_queries WHERE query_id = ?")) {
            ps.setString(1, queryId);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw Jdbc.failure("remove a golden query", e);
        }
    }

    @Override
    public RegressionRun record(RegressionRun run) {
        RegressionRun stored = run.toBuilder().setRunId(newId("rr_")).setCreatedAt(Instant.now().toString()).build();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ops.regression_runs (run_id, query_id, created_at, judgment, body) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, stored.getRunId());
            ps.setString(2, stored.getQueryId());
            ps.setTimestamp(3, Timestamp.from(Instant.parse(stored.getCreatedAt())));
            ps.setString(4, stored.getJudgment());
            ps.setBytes(5, stored.toByteArray());
            ps.executeUpdate();
            return stored;
        } catch (SQLException e) {
            if ("23503".equals(e.getSQLState())) {
                throw OpsException.notFound("no golden query " + run.getQueryId());
            }
            throw Jdbc.failure("record a regression run", e);
        }
    }

    @Override
    public List<RegressionRun> runs(String queryId, int limit) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT body FROM ops.regression_runs WHERE query_id = ? ORDER BY created_at DESC, run_id LIMIT ?")) {
            ps.setString(1, queryId);
            ps.setInt(2, limit);
            List<RegressionRun> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(parse(rs.getBytes(1), RegressionRun.parser()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Jdbc.failure("read regression runs", e);
        }
    }

    private static <T> T parse(byte[] body, com.google.protobuf.Parser<T> parser) {
        try {
            return parser.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored golden record does not parse", e);
        }
    }
}

package dev.opsuite.trace.postgres;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.opsuite.proto.v1.AssetReview;
import dev.opsuite.proto.v1.GateReport;
import dev.opsuite.trace.review.AssetReviews;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * ops.asset_reviews (one row per review) and ops.asset_gate_reports (the gate's last report per
 * version, as its protobuf bytes), beside the version's author in ops.assets.created_by.
 */
public final class PostgresReviewStore implements AssetReviews.Store {
    private static final String VERSION = "SELECT created_by, status FROM ops.assets"
            + " WHERE asset_type = ? AND name = ? AND version = ?";

    private final DataSource db;

    public PostgresReviewStore(DataSource db) {
        this.db = db;
    }

    @Override
    public Optional<AssetReview> record(AssetReview review, Consumer<AssetReviews.Version> check) {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                // FOR SHARE: a publish (UPDATE of the row) waits for this review, or this review for it
                Optional<AssetReviews.Version> v = version(c, review.getAssetType(), review.getName(),
                        review.getVersion(), " FOR SHARE");
                if (v.isEmpty()) {
                    c.rollback();
                    return Optional.empty();
                }
                check.accept(v.get());
                AssetReview stored = review.toBuilder().setAt(now()).build();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO ops.asset_reviews (asset_type, name, "
                        + "version, reviewer, decision, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    bind(ps, stored.getAssetType(), stored.getName(), stored.getVersion());
                    ps.setString(4, stored.getReviewer());
                    ps.setString(5, stored.getDecision());
                    ps.setString(6, stored.getComment());
                    ps.setTimestamp(7, Timestamp.from(Instant.parse(stored.getAt())));
                    ps.executeUpdate();
                }
                c.commit();
                return Optional.of(stored);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw Jdbc.failure("record a review", e);
        }
    }

    @Override
    public boolean saveGate(GateReport report) {
        GateReport stored = report.getAt().isEmpty() ? report.toBuilder().setAt(now()).build() : report;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ops.asset_gate_reports (asset_type, name, version, judgment, at, body)"
                        + " SELECT asset_type, name, version, ?, ?, ? FROM ops.assets"
                        + " WHERE asset_type = ? AND name = ? AND version = ?"
                        + " ON CONFLICT (asset_type, name, version)"
                        + " DO UPDATE SET judgment = EXCLUDED.judgment, at = EXCLUDED.at, body = EXCLUDED.body")) {
            ps.setString(1, stored.getJudgment());
            ps.setTimestamp(2, Timestamp.from(Instant.parse(stored.getAt())));
            ps.setBytes(3, stored.toByteArray());
            ps.setString(4, stored.getAssetType());
            ps.setString(5, stored.getName());
            ps.setInt(6, stored.getVersion());
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw Jdbc.failure("store a gate report", e);
        }
    }

    @Override
    public Optional<AssetReviews.Reviewed> fetch(String type, String name, int version) {
        try (Connection c = db.getConnection()) {
            Optional<AssetReviews.Version> v = version(c, type, name, version, "");
            if (v.isEmpty()) {
                return Optional.empty();
            }
            GateReport gate = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT body FROM ops.asset_gate_reports"
                    + " WHERE asset_type = ? AND name = ? AND version = ?")) {
                bind(ps, type, name, version);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        gate = GateReport.parseFrom(rs.getBytes(1));
                    }
                }
            }
            List<AssetReview> reviews = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT reviewer, decision, comment, at FROM ops.asset_reviews"
                    + " WHERE asset_type = ? AND name = ? AND version = ? ORDER BY at, review_id")) {
                bind(ps, type, name, version);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reviews.add(AssetReview.newBuilder().setAssetType(type).setName(name).setVersion(version)
                                .setReviewer(rs.getString(1)).setDecision(rs.getString(2)).setComment(rs.getString(3))
                                .setAt(rs.getTimestamp(4).toInstant().toString()).build());
                    }
                }
            }
            return Optional.of(new AssetReviews.Reviewed(v.get(), gate, reviews));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored gate report does not parse", e);
        } catch (SQLException e) {
            throw Jdbc.failure("read reviews", e);
        }
    }

    private static Optional<AssetReviews.Version> version(Connection c, String type, String name, int version,
                                                         String lock) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(VERSION + lock)) {
            bind(ps, type, name, version);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new AssetReviews.Version(rs.getString(1), rs.getString(2)))
                        : Optional.empty();
            }
        }
    }

    /** Microseconds, as timestamptz keeps them: a review reads back with the time it was answered with. */
    private static String now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS).toString();
    }

    private static void bind(PreparedStatement ps, String type, String name, int version) throws SQLException {
        ps.setString(1, type);
        ps.setString(2, name);
        ps.setInt(3, version);
    }
}

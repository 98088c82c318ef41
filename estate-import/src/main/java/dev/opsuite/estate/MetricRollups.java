package dev.opsuite.estate;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Keeps the hourly and daily metric rollups (migration V5) equal to ci_metric. The importer calls
 * {@link #afterImport} inside each metrics file's transaction (only the hours the file touched are
 * recomputed); {@link #refreshPending} recomputes the (hour, metric) pairs that other writers'
 * statements marked pending, a bounded batch per call, for a periodic job off the request path.
 */
public final class MetricRollups {
    /** Serialises with the importer, which takes the same transaction lock (PgEstateLoader). */
    static final long IMPORT_LOCK_KEY = 0x6f70735f657374L;
    private static final int STATEMENT_TIMEOUT_SECONDS = 120;

    private final DataSource writable;

    /** @param writable a pool that may write the public schema (the importer's) */
    public MetricRollups(DataSource writable) {
        this.writable = writable;
    }

    /**
     * Recomputes up to {@code maxHours} pending (UTC hour, metric) pairs, oldest first, and the
     * (day, metric) pairs holding them, in one transaction; a pair a writer has not committed yet
     * stays pending.
     *
     * @return how many (hour, metric) pairs were recomputed (0: nothing was pending)
     */
    public int refreshPending(int maxHours) throws SQLException {
        if (maxHours <= 0) {
            throw new IllegalArgumentException("maxHours must be positive");
        }
        try (Connection c = writable.getConnection()) {
            c.setAutoCommit(false);
            try {
                int done = refresh(c, maxHours);
                c.commit();
                return done;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** How many (hour, metric) pairs wait for {@link #refreshPending}. */
    public long pendingHours() throws SQLException {
        try (Connection c = writable.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(30);
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM ci_metric_rollup_pending")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static int refresh(Connection c, int maxHours) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL statement_timeout = '" + STATEMENT_TIMEOUT_SECONDS + "s'");
            st.execute("SELECT pg_advisory_xact_lock(" + IMPORT_LOCK_KEY + ")");
        }
        List<OffsetDateTime> hours = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(RollupSql.TAKE_PENDING)) {
            ps.setInt(1, maxHours);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hours.add(rs.getObject(1, OffsetDateTime.class));
                    metrics.add(rs.getString(2));
                }
            }
        }
        if (hours.isEmpty()) {
            return 0;
        }
        Array buckets = c.createArrayOf("timestamptz", hours.toArray());
        Array names = c.createArrayOf("text", metrics.toArray());
        for (String sql : List.of(RollupSql.DELETE_HOURLY_OF_PAIRS, RollupSql.STAGE_HOURLY_OF_PAIRS,
                RollupSql.UPSERT_HOURLY, RollupSql.DELETE_DAILY_OF_PAIRS, RollupSql.INSERT_DAILY_OF_PAIRS)) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (sql.contains("?")) {
                    ps.setArray(1, buckets);
                    ps.setArray(2, names);
                }
                ps.execute();
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE estate_stage_hourly");
        }
        return hours.size();
    }

    /**
     * Before a metrics file's rows go in: can its hours be rolled up from the file alone (no stored
     * row shares a UTC hour with its span)?
     */
    static boolean fileAloneInItsHours(Connection c, TimeSpan span) throws SQLException {
        if (span.isEmpty()) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement(RollupSql.STORED_IN_HOURS)) {
            ps.setArray(1, c.createArrayOf("text", Vocabulary.METRIC_NAMES.toArray()));
            ps.setObject(2, OffsetDateTime.ofInstant(Instant.ofEpochSecond(span.minEpochSecond()), ZoneOffset.UTC));
            ps.setObject(3, OffsetDateTime.ofInstant(Instant.ofEpochSecond(span.maxEpochSecond()), ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return !rs.getBoolean(1);
            }
        }
    }

    /**
     * In the import's transaction, after its rows are stored: recomputes the hourly rows of the
     * (ci_code, metric_name, hour) groups the file touched, then those groups' days.
     */
    static void afterImport(Connection c, boolean fileAlone) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(fileAlone ? RollupSql.STAGE_HOURLY_FROM_FILE : RollupSql.STAGE_HOURLY_OF_TOUCHED);
            st.executeUpdate(RollupSql.UPSERT_HOURLY);
            st.executeUpdate(RollupSql.UPSERT_DAILY_OF_STAGED);
        }
    }
}

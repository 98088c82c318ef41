package dev.opsuite.estate;

import dev.opsuite.estate.demo.DemoEstate;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL load pass: one transaction per file — COPY the normalised rows (streamed straight
 * from the file) into a staging table, then upsert from it. Any failure rolls the whole file back.
 */
final class PgEstateLoader {
    private static final Logger log = LoggerFactory.getLogger(PgEstateLoader.class);
    // Serialises imports across replicas (concurrent metric files would race on partition DDL) and
    // with the rollup refresh (MetricRollups).
    private static final long IMPORT_LOCK_KEY = MetricRollups.IMPORT_LOCK_KEY;
    private static final int COPY_BUFFER = 1 << 16;
    private static final String CARDINALITY_VIOLATION = "21000";
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final String statementTimeout;
    private final MetricPartitions.Unit partitions;

    PgEstateLoader(DataSource dataSource, String statementTimeout, MetricPartitions.Unit partitions) {
        this.dataSource = dataSource;
        this.statementTimeout = statementTimeout;
        this.partitions = partitions;
    }

    /** Every ci_code in the estate, loaded once per validation pass. */
    Set<String> knownCodes() throws SQLException {
        Set<String> codes = new HashSet<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(60);
            try (ResultSet rs = st.executeQuery("SELECT ci_code FROM ci")) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        }
        return codes;
    }

    /** @return rows inserted or changed */
    long load(FileKind kind, Path file, String fileName, TimeSpan span, ImportMeter meter) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long t0 = System.nanoTime();
                prepare(c, kind, fileName, span.days());
                meter.phase(ImportProgress.Phase.COPY);
                copy(c, kind, file, fileName, meter);
                long t1 = System.nanoTime();
                meter.phase(ImportProgress.Phase.UPSERT);
                long changed = kind == FileKind.METRICS ? loadMetrics(c, fileName, span) : upsert(c, kind);
                long t2 = System.nanoTime();
                c.commit();
                log.debug("{}: copy {} ms, upsert {} ms, commit {} ms", fileName, (t1 - t0) / 1_000_000,
                        (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
                return changed;
            } catch (Exception | Error e) {
                try {
                    c.rollback();
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed); // the connection is broken; the pool evicts it
                }
                throw e;
            } finally {
                restoreAutoCommit(c);
            }
        }
    }

    /** Pooled connections go back as they came; a broken one is the pool's to evict. */
    /** The codes of the CIs tagged with this origin (attribute "origin", e.g. the demo's). */
    List<String> codesOfOrigin(String origin) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement(
                     "SELECT ci_code FROM ci WHERE attributes ->> 'origin' = ? ORDER BY ci_code")) {
            ps.setString(1, origin);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Deletes these CIs with their metrics, events, relations and aliases, in one transaction. */
    long deleteCis(List<String> codes) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long deleted;
                try (Statement st = c.createStatement()) {
                    // their rollup rows go here, by code: the pending-hours trigger need not mark their hours
                    st.execute(RollupSql.IMPORT_KEEPS_ROLLUPS);
                }
                for (String sql : List.of(RollupSql.DELETE_HOURLY_OF_CIS, RollupSql.DELETE_DAILY_OF_CIS)) {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setArray(1, c.createArrayOf("text", codes.toArray()));
                        ps.executeUpdate();
                    }
                }
                String[] tables = {"DELETE FROM ci_metric WHERE ci_code = ANY(?)", "DELETE FROM ci_event WHERE ci_code = ANY(?)",
                    "DELETE FROM ci_relation WHERE source_ci_code = ANY(?) OR target_ci_code = ANY(?)"};
                for (String sql : tables) {
                    try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                        java.sql.Array arr = c.createArrayOf("text", codes.toArray());
                        ps.setArray(1, arr);
                        if (sql.contains("target_ci_code")) {
                            ps.setArray(2, arr);
                        }
                        ps.executeUpdate();
                    }
                }
                try (java.sql.PreparedStatement ps = c.prepareStatement("DELETE FROM ci WHERE ci_code = ANY(?)")) {
                    ps.setArray(1, c.createArrayOf("text", codes.toArray()));
                    deleted = ps.executeUpdate(); // aliases go with them (ON DELETE CASCADE)
                }
                c.commit();
                return deleted;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                restoreAutoCommit(c);
            }
        }
    }

    private static void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException ignored) {
            // nothing more to do with this connection
        }
    }

    private void prepare(Connection c, FileKind kind, String fileName, Set<java.time.LocalDate> days)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            // A literal, not a parameter: SET does not take bind values; the value is our own config.
            st.execute("SET LOCAL statement_timeout = '" + statementTimeout.replace("'", "") + "'");
            st.execute("SELECT pg_advisory_xact_lock(" + IMPORT_LOCK_KEY + ")");
            if (!days.isEmpty()) {
                List<String> ddl = MetricPartitions.create(days, partitions, MetricPartitions.existing(c));
                if (ddl.size() > MetricPartitions.MAX_NEW_PER_FILE) {
                    throw dev.opsuite.model.errors.OpsException.invalid(fileName + " spans " + days.size()
                            + " days and would need " + ddl.size() + " new partitions of ci_metric; at most "
                            + MetricPartitions.MAX_NEW_PER_FILE + " per file (split it, or check its timestamps)");
                }
                for (String partition : ddl) {
                    st.execute(partition);
                }
            }
            if (kind == FileKind.METRICS) {
                st.execute(RollupSql.IMPORT_KEEPS_ROLLUPS); // MetricRollups.afterImport keeps them
            }
            st.execute(PgEstateSql.createStaging(kind));
        }
    }

    private static void copy(Connection c, FileKind kind, Path file, String fileName, ImportMeter meter)
            throws Exception {
        PGCopyOutputStream out = new PGCopyOutputStream(c.unwrap(PGConnection.class), PgEstateSql.copy(kind),
                COPY_BUFFER);
        try {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), COPY_BUFFER);
            CopyTextWriter rows = new CopyTextWriter(writer);
            MappedRows.forEach(file, fileName, kind, meter, rows::row);
            writer.flush();
            out.endCopy();
        } finally {
            if (out.isActive()) {
                out.cancelCopy(); // leaves the connection usable for the rollback
            }
        }
    }

    private static long upsert(Connection c, FileKind kind) throws SQLException {
        long changed = 0;
        try (Statement st = c.createStatement()) {
            for (PgEstateSql.Step step : PgEstateSql.upserts(kind)) {
                int n = st.executeUpdate(step.sql());
                changed += step.counted() ? n : 0;
            }
        }
        return changed;
    }

    /**
     * Metrics: a plain INSERT when no stored row can share the file's period, otherwise the upsert.
     * A key twice in the file surfaces here (unique or cardinality violation) and is located from
     * the staging table, keeping the validation pass free of a per-row key set. Then the rollups of
     * the hours the file touched. (Another writer's rows landing in those hours meanwhile were marked
     * pending by its trigger; the refresh cannot clear that mark before this transaction ends, as it
     * takes the same lock.)
     */
    private static long loadMetrics(Connection c, String fileName, TimeSpan span) throws SQLException {
        boolean fileAlone = MetricRollups.fileAloneInItsHours(c, span);
        long changed = insertMetrics(c, fileName, span, fileAlone);
        MetricRollups.afterImport(c, fileAlone);
        return changed;
    }

    private static long insertMetrics(Connection c, String fileName, TimeSpan span, boolean fileAlone)
            throws SQLException {
        // alone in its hours is alone in its own span too: no stored row can conflict
        boolean fresh = fileAlone || !span.isEmpty() && !overlapsStored(c, span);
        try (Statement st = c.createStatement()) {
            Savepoint beforeInsert = c.setSavepoint();
            try {
                return st.executeUpdate(fresh ? PgEstateSql.INSERT_NEW_METRICS : PgEstateSql.UPSERT_METRICS);
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState()) && !CARDINALITY_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                c.rollback(beforeInsert);
                EstateImportException duplicate = duplicateMetric(st, fileName);
                if (duplicate != null) {
                    throw duplicate;
                }
                if (!fresh) {
                    throw e;
                }
                // Another writer filled the period since the check: the upsert copes with that.
                return st.executeUpdate(PgEstateSql.UPSERT_METRICS);
            }
        }
    }

    private static boolean overlapsStored(Connection c, TimeSpan span) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(PgEstateSql.METRICS_OVERLAP)) {
            ps.setArray(1, c.createArrayOf("text", Vocabulary.METRIC_NAMES.toArray()));
            ps.setObject(2, OffsetDateTime.ofInstant(Instant.ofEpochSecond(span.minEpochSecond()), ZoneOffset.UTC));
            // +1 s: the file may carry fractions of a second beyond its last whole second
            ps.setObject(3, OffsetDateTime.ofInstant(Instant.ofEpochSecond(span.maxEpochSecond() + 1), ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The first line repeating another line's key, or null when the staging table has no repeats. */
    private static EstateImportException duplicateMetric(Statement st, String fileName) throws SQLException {
        try (ResultSet rs = st.executeQuery(PgEstateSql.FIRST_DUPLICATE_METRIC)) {
            if (!rs.next()) {
                return null;
            }
            return new EstateImportException(new ImportProblem(fileName, rs.getLong("dup"), 0, null,
                    "duplicate row: same ci_code, metric_name and ts as line " + rs.getLong("first")));
        }
    }

    /** Row counts of the four estate tables. */
    long[] counts() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(30);
            try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM ci), (SELECT count(*) FROM ci_relation),"
                    + " (SELECT count(*) FROM ci_metric), (SELECT count(*) FROM ci_event),"
                    + " (SELECT count(*) FROM ci WHERE attributes ->> 'origin' = '" + DemoEstate.DEMO_ORIGIN + "')")) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)};
            }
        }
    }
}

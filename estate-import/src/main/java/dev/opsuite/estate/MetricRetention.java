package dev.opsuite.estate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Metric retention ({@code ./ops estate retention 30d}): samples older than the cutoff go, whole partitions
 * of ci_metric first (DROP TABLE: no row is read or written, whatever their size), then any older rows left
 * in a partition that straddles the cutoff (a month partition; a day partition never does, the cutoff being
 * a UTC midnight), and the hourly and daily rollups and pending marks before the cutoff — so no answer is
 * ever computed from rollups of samples that are gone. CIs, relations and events are not touched. One
 * transaction, under the importer's lock (no import or rollup refresh runs meanwhile); dropping a partition
 * takes an exclusive lock on ci_metric for the moment of the drop, so queries of metrics wait for it.
 */
final class MetricRetention {
    private static final Pattern KEEP = Pattern.compile("([1-9][0-9]{0,4})d");

    private MetricRetention() {}

    /**
     * "30d": the number of whole UTC days kept before today (1–99999 days); anything else is refused.
     *
     * @throws IllegalArgumentException naming what is accepted
     */
    static int days(String keep) {
        Matcher m = KEEP.matcher(keep == null ? "" : keep.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("keep must be a number of days from 1 to 99999 followed by d"
                    + " (e.g. 30d)");
        }
        return Integer.parseInt(m.group(1));
    }

    /** Samples before this are removed: UTC midnight of today less {@code days} days. */
    static Instant cutoff(Instant now, int days) {
        return now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days));
    }

    static EstateImporter.RetentionReport apply(DataSource dataSource, String statementTimeout, Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL statement_timeout = '" + statementTimeout.replace("'", "") + "'");
                    st.execute("SELECT pg_advisory_xact_lock(" + MetricRollups.IMPORT_LOCK_KEY + ")");
                    // the rollups before the cutoff are deleted here: the pending-hours trigger need not mark them
                    st.execute(RollupSql.IMPORT_KEEPS_ROLLUPS);
                }
                List<String> dropped = new ArrayList<>();
                for (String name : MetricPartitions.existing(c)) {
                    var range = MetricPartitions.range(name);
                    if (range.isPresent() && !range.get().to().isAfter(cutoff)) {
                        try (Statement st = c.createStatement()) {
                            st.execute("DROP TABLE " + range.get().name()); // a name of ours: digits only
                        }
                        dropped.add(name);
                    }
                }
                long rows = delete(c, "DELETE FROM ci_metric WHERE ts < ?", cutoff);
                long rollups = delete(c, "DELETE FROM ci_metric_hourly WHERE bucket < ?", cutoff)
                        + delete(c, "DELETE FROM ci_metric_daily WHERE bucket < ?", cutoff);
                delete(c, "DELETE FROM ci_metric_rollup_pending WHERE bucket < ?", cutoff);
                c.commit();
                return new EstateImporter.RetentionReport(cutoff, List.copyOf(dropped), rows, rollups);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static long delete(Connection c, String sql, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, cutoff.atOffset(java.time.ZoneOffset.UTC));
            return ps.executeLargeUpdate();
        }
    }
}

package dev.opsuite.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hourly and daily rollups (migration V5) against a recomputation from ci_metric, on the real
 * embedded PostgreSQL: after an import, after a second import overlapping the first one's hours
 * (only the touched groups rewritten), after other writers' INSERT/UPDATE/DELETE and the bounded
 * refresh, and after CIs are removed.
 */
class MetricRollupsTest extends EstateTestSupport {
    /** Rollup rows that differ from the raw computation, both ways (missing, extra, or another value). */
    static String mismatches(String table, String unit) {
        return """
                WITH raw AS (
                    SELECT date_trunc('%2$s', ts, 'UTC') AS b, ci_code, metric_name, count(*) AS n, sum(value) AS s,
                           min(value) AS lo, max(value) AS hi, min(ts) AS f, max(ts) AS l,
                           (array_agg(ts ORDER BY value, ts))[1] AS mina, (array_agg(ts ORDER BY value DESC, ts))[1] AS maxa
                    FROM ci_metric GROUP BY 1, 2, 3)
                SELECT count(*) FROM raw FULL JOIN %1$s r
                    ON r.bucket = raw.b AND r.ci_code = raw.ci_code AND r.metric_name = raw.metric_name
                WHERE r.bucket IS NULL OR raw.b IS NULL OR r.samples <> raw.n
                   OR abs(r.sum_value - raw.s) > 1e-9 * greatest(1, abs(raw.s))
                   OR r.min_value <> raw.lo OR r.max_value <> raw.hi OR r.first_ts <> raw.f OR r.last_ts <> raw.l
                   OR r.min_at <> raw.mina OR r.max_at <> raw.maxa""".formatted(table, unit);
    }

    private void assertRollupsMatchRaw() throws SQLException {
        assertTrue(count("SELECT count(*) FROM ci_metric_hourly") > 0, "nothing rolled up");
        assertEquals(0, count(mismatches("ci_metric_hourly", "hour")), "hourly rollup differs from ci_metric");
        assertEquals(0, count(mismatches("ci_metric_daily", "day")), "daily rollup differs from ci_metric");
    }

    /** Two CIs, two metrics, every 10 min over [start, start + hours), values from the seed. */
    private static String metrics(String startIso, int hours, long seed, String... extra) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("ts,ci_code,metric_name,value\n");
        java.time.Instant start = java.time.Instant.parse(startIso);
        for (int i = 0; i < hours * 6; i++) {
            String ts = start.plusSeconds(600L * i).toString();
            for (String ci : List.of("SVR001", "DB003")) {
                for (String m : List.of("cpu_usage", "mem_usage")) {
                    // a tie now and then: the earliest time of the min/max must win on both sides
                    double v = r.nextInt(5) == 0 ? 50.0 : Math.round(r.nextDouble() * 1000) / 10.0;
                    sb.append(ts).append(',').append(ci).append(',').append(m).append(',').append(v).append('\n');
                }
            }
        }
        for (String line : extra) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    @Test
    void anImportRollsUpItsHoursAndDaysAcrossAMonthPartition() throws Exception {
        load("cis", CIS);
        // 2026-11-29T20:05Z .. 2026-12-02T03:55Z: partial first and last hours and days, two partitions
        load("metrics", metrics("2026-11-29T20:05:00Z", 56, 1));
        assertRollupsMatchRaw();
        assertEquals(4, count("SELECT count(*) FROM ci_metric_daily WHERE bucket = '2026-11-30T00:00:00Z'"), "2 CIs x 2 metrics");
        assertEquals(0, count("SELECT count(*) FROM ci_metric_rollup_pending"), "the importer keeps its own rollups");
    }

    @Test
    void aSecondImportRecomputesOnlyTheGroupsItTouched() throws Exception {
        load("cis", CIS);
        load("metrics", metrics("2026-11-20T00:00:00Z", 48, 2));
        List<List<Object>> before = query("SELECT bucket::text, xmin::text FROM ci_metric_hourly"
                + " WHERE ci_code = 'DB003' OR bucket < '2026-11-21T10:00:00Z' ORDER BY 1");
        // SVR001's cpu from 10:30 to 12:20 on the 21st: new values for stored rows, plus rows in a new hour
        StringBuilder second = new StringBuilder("ts,ci_code,metric_name,value\n");
        for (int i = 0; i < 12; i++) {
            second.append(java.time.Instant.parse("2026-11-21T10:30:00Z").plusSeconds(600L * i))
                    .append(",SVR001,cpu_usage,").append(90 + i).append('\n');
        }
        second.append("2026-11-22T00:03:00Z,SVR001,cpu_usage,1.5\n");
        load("metrics", second.toString());
        assertRollupsMatchRaw();
        assertEquals(before, query("SELECT bucket::text, xmin::text FROM ci_metric_hourly"
                + " WHERE ci_code = 'DB003' OR bucket < '2026-11-21T10:00:00Z' ORDER BY 1"),
                "groups the second file did not touch keep their rows (same xmin)");
        assertEquals(4, count("SELECT count(*) FROM ci_metric_hourly WHERE ci_code = 'SVR001'"
                + " AND metric_name = 'cpu_usage' AND bucket >= '2026-11-21T10:00:00Z' AND xmin::text <> ("
                + "SELECT xmin::text FROM ci_metric_hourly WHERE bucket = '2026-11-20T00:00:00Z' LIMIT 1)"),
                "10:00, 11:00, 12:00 and 00:00 of the next day were rewritten");
        assertEquals(1, count("SELECT samples FROM ci_metric_daily WHERE ci_code = 'SVR001'"
                + " AND metric_name = 'cpu_usage' AND bucket = '2026-11-22T00:00:00Z'"));
    }

    @Test
    void otherWritersMarkHoursPendingAndTheBoundedRefreshCatchesUp() throws Exception {
        load("cis", CIS);
        load("metrics", metrics("2026-11-20T00:00:00Z", 30, 3));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO ci_metric VALUES ('2026-11-20T05:01:00Z', 'SVR001', 'cpu_usage', 99.5),"
                    + " ('2026-11-20T07:02:00Z', 'APP001', 'latency_ms', 120)");
            st.execute("UPDATE ci_metric SET value = value + 1 WHERE ci_code = 'DB003' AND ts >= '2026-11-21T03:00:00Z'"
                    + " AND ts < '2026-11-21T03:30:00Z'");
            st.execute("DELETE FROM ci_metric WHERE ts >= '2026-11-20T12:00:00Z' AND ts < '2026-11-20T13:00:00Z'");
        }
        assertEquals(List.of(List.of("2026-11-20 05:00:00+00", "cpu_usage"), List.of("2026-11-20 07:00:00+00", "latency_ms"),
                List.of("2026-11-20 12:00:00+00", "cpu_usage"), List.of("2026-11-20 12:00:00+00", "mem_usage"),
                List.of("2026-11-21 03:00:00+00", "cpu_usage"), List.of("2026-11-21 03:00:00+00", "mem_usage")),
                query("SELECT bucket AT TIME ZONE 'UTC' || '+00', metric_name FROM ci_metric_rollup_pending ORDER BY 1, 2"),
                "the (hour, metric) pairs the statements touched");
        MetricRollups rollups = new MetricRollups(ds);
        assertEquals(4, rollups.refreshPending(4), "a bounded batch");
        assertEquals(2, rollups.pendingHours());
        assertEquals(2, rollups.refreshPending(10));
        assertEquals(0, rollups.refreshPending(10), "nothing left");
        assertRollupsMatchRaw();
        assertEquals(0, count("SELECT count(*) FROM ci_metric_hourly WHERE bucket = '2026-11-20T12:00:00Z'"),
                "an hour whose rows were all deleted keeps no rollup row");
    }

    @Test
    void theJobDrainsPendingHoursInTheBackground() throws Exception {
        load("cis", CIS);
        load("metrics", metrics("2026-11-20T00:00:00Z", 10, 6));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("UPDATE ci_metric SET value = 100 - value WHERE ci_code = 'SVR001'");
        }
        assertEquals(20, new MetricRollups(ds).pendingHours(), "10 hours of cpu and of memory");
        assertTrue(MetricRollupJob.start(ds, java.time.Duration.ZERO, 3).isEmpty(), "0 turns it off");
        try (MetricRollupJob job = MetricRollupJob.start(ds, java.time.Duration.ofMillis(50), 3).orElseThrow()) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (new MetricRollups(ds).pendingHours() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        assertEquals(0, new MetricRollups(ds).pendingHours());
        assertRollupsMatchRaw();
    }

    @Test
    void removedCisLeaveTheRollupsWithTheirMetrics() throws Exception {
        load("cis", CIS);
        load("metrics", metrics("2026-11-20T00:00:00Z", 5, 4));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("UPDATE ci SET attributes = attributes || '{\"origin\": \"gone\"}' WHERE ci_code = 'DB003'");
        }
        importer.removeOrigin("gone");
        assertEquals(0, count("SELECT count(*) FROM ci_metric_hourly WHERE ci_code = 'DB003'"));
        assertEquals(0, count("SELECT count(*) FROM ci_metric_daily WHERE ci_code = 'DB003'"));
        assertEquals(0, count("SELECT count(*) FROM ci_metric_rollup_pending"));
        assertRollupsMatchRaw();
    }

    @Test
    void rowsStoredBeforeTheMigrationArePendingAndTheRefreshFillsTheRollups() throws Exception {
        try (com.zaxxer.hikari.HikariDataSource old = EstateStores.emptyDatabase()) {
            org.flywaydb.core.Flyway flyway = org.flywaydb.core.Flyway.configure().dataSource(old)
                    .locations(EstateSchema.LOCATION).schemas("public").table(EstateSchema.HISTORY_TABLE)
                    .baselineOnMigrate(true).baselineVersion("0").target("4").load();
            flyway.migrate();
            try (Connection c = old.getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE ci_metric_y2026m11 PARTITION OF ci_metric"
                        + " FOR VALUES FROM ('2026-11-01 00:00:00+00') TO ('2026-12-01 00:00:00+00')");
                st.execute("INSERT INTO ci_metric SELECT timestamptz '2026-11-20T00:07:00Z' + i * interval '10 minutes',"
                        + " 'SVR00' || (i % 3), 'cpu_usage', (i * 37) % 101 FROM generate_series(0, 40) i");
            }
            EstateSchema.migrate(old); // V5 on a database that already holds rows
            ds.close();
            ds = old;
            assertEquals(7, count("SELECT count(*) FROM ci_metric_rollup_pending"), "00:00 .. 06:00");
            assertEquals(0, count("SELECT count(*) FROM ci_metric_hourly"));
            MetricRollups rollups = new MetricRollups(old);
            assertEquals(4, rollups.refreshPending(4));
            assertEquals(3, rollups.refreshPending(4));
            assertRollupsMatchRaw();
        }
    }
}

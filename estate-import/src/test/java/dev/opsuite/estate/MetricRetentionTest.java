package dev.opsuite.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ci_metric cut by day (OPS_METRIC_PARTITIONS=day) or by month, and metric retention: whole partitions
 * dropped, the older rows of a partition that straddles the cutoff deleted, the rollups kept equal to
 * what is left, bad values refused with nothing removed.
 */
class MetricRetentionTest extends EstateTestSupport {
    private static final String PARTITIONS = "SELECT c.relname::text FROM pg_inherits i JOIN pg_class c"
            + " ON c.oid = i.inhrelid WHERE i.inhparent = 'ci_metric'::regclass ORDER BY 1";

    /** SVR001's cpu_usage every hour over [from, from + hours). */
    private static String hourly(String from, int hours) {
        StringBuilder sb = new StringBuilder("ts,ci_code,metric_name,value\n");
        Instant t = Instant.parse(from);
        for (int h = 0; h < hours; h++) {
            sb.append(t.plus(h, ChronoUnit.HOURS)).append(",SVR001,cpu_usage,").append(10 + h % 50).append('\n');
        }
        return sb.toString();
    }

    private EstateImporter byDay() {
        return new EstateImporter(ds, EstateStores.neo4j(), "day");
    }

    private List<Object> partitions() throws Exception {
        List<Object> names = new ArrayList<>();
        query(PARTITIONS).forEach(r -> names.add(r.get(0)));
        return names;
    }

    @Test
    void dayPartitionsAreDroppedWholeAndTheRollupsFollow() throws Exception {
        load("cis", CIS);
        EstateImporter importer = byDay();
        importer.importFile("metrics", "m.csv", file("m.csv", hourly("2026-11-28T00:00:00Z", 5 * 24)));
        assertEquals(List.of("ci_metric_y2026m11d28", "ci_metric_y2026m11d29", "ci_metric_y2026m11d30",
                "ci_metric_y2026m12d01", "ci_metric_y2026m12d02"), partitions());

        EstateImporter.RetentionReport r = importer.applyMetricRetention("2d", Instant.parse("2026-12-02T15:30:00Z"));

        assertEquals(Instant.parse("2026-11-30T00:00:00Z"), r.cutoff(), "UTC midnight of today less two days");
        assertEquals(List.of("ci_metric_y2026m11d28", "ci_metric_y2026m11d29"), r.droppedPartitions());
        assertEquals(0, r.deletedMetricRows(), "whole days: no row deleted one by one");
        assertEquals(48 + 2, r.deletedRollupRows(), "48 hourly and 2 daily rollup rows");
        assertEquals(List.of("ci_metric_y2026m11d30", "ci_metric_y2026m12d01", "ci_metric_y2026m12d02"), partitions());
        assertEquals(3 * 24, count("SELECT count(*) FROM ci_metric"));
        assertEquals("2026-11-30 00:00:00+00", query("SELECT to_char(min(ts) AT TIME ZONE 'UTC',"
                + " 'YYYY-MM-DD HH24:MI:SS') || '+00' FROM ci_metric").get(0).get(0));
        assertEquals(0, count(MetricRollupsTest.mismatches("ci_metric_hourly", "hour")));
        assertEquals(0, count(MetricRollupsTest.mismatches("ci_metric_daily", "day")));
        assertEquals(0, count("SELECT count(*) FROM ci_metric_rollup_pending"), "nothing left to recompute");

        EstateImporter.RetentionReport again = importer.applyMetricRetention("2d", Instant.parse("2026-12-02T23:00:00Z"));
        assertEquals(List.of(), again.droppedPartitions(), "applying it again removes nothing more");
        assertEquals(0, again.deletedMetricRows() + again.deletedRollupRows());
    }

    @Test
    void aMonthPartitionAcrossTheCutoffKeepsItsNewerRows() throws Exception {
        load("cis", CIS);
        importer.importFile("metrics", "m.csv", file("m.csv", hourly("2026-11-28T00:00:00Z", 5 * 24)));
        assertEquals(List.of("ci_metric_y2026m11", "ci_metric_y2026m12"), partitions());

        EstateImporter.RetentionReport r = importer.applyMetricRetention("2d", Instant.parse("2026-12-02T15:30:00Z"));

        assertEquals(List.of(), r.droppedPartitions(), "November still holds the 30th");
        assertEquals(48, r.deletedMetricRows(), "the 28th and the 29th, row by row");
        assertEquals(3 * 24, count("SELECT count(*) FROM ci_metric"));
        assertEquals(0, count(MetricRollupsTest.mismatches("ci_metric_hourly", "hour")));
        assertEquals(0, count(MetricRollupsTest.mismatches("ci_metric_daily", "day")));

        r = importer.applyMetricRetention("1d", Instant.parse("2026-12-02T15:30:00Z"));
        assertEquals(List.of("ci_metric_y2026m11"), r.droppedPartitions(), "November is wholly before 1 December");
        assertEquals(0, r.deletedMetricRows());
        assertEquals(2 * 24, count("SELECT count(*) FROM ci_metric"));
    }

    @Test
    void aMonthKeepsTheKindOfPartitionItStartedWith() throws Exception {
        load("cis", CIS);
        importer.importFile("metrics", "nov.csv", file("nov.csv", hourly("2026-11-20T00:00:00Z", 24)));
        EstateImporter days = byDay();
        // November has its month partition: more November rows go there; December is new and cut by day
        days.importFile("metrics", "more.csv", file("more.csv", hourly("2026-11-30T12:00:00Z", 24)));
        assertEquals(List.of("ci_metric_y2026m11", "ci_metric_y2026m12d01"), partitions());
        // December has day partitions: month mode goes on by days there instead of overlapping them
        importer.importFile("metrics", "dec.csv", file("dec.csv", hourly("2026-12-02T00:00:00Z", 24)));
        assertEquals(List.of("ci_metric_y2026m11", "ci_metric_y2026m12d01", "ci_metric_y2026m12d02"), partitions());
        assertEquals(72, count("SELECT count(*) FROM ci_metric"));
    }

    @Test
    void badKeepValuesAreRefusedAndNothingIsRemoved() throws Exception {
        load("cis", CIS);
        importer.importFile("metrics", "m.csv", file("m.csv", hourly("2026-11-28T00:00:00Z", 24)));
        for (String keep : new String[] {"0d", "30", "-1d", "30h", "", "100000d", "1d; DROP TABLE ci", " 3 d", null}) {
            OpsException e = assertThrows(OpsException.class,
                    () -> importer.applyMetricRetention(keep, Instant.parse("2030-01-01T00:00:00Z")), String.valueOf(keep));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertTrue(e.getMessage().contains("e.g. 30d"), e.getMessage());
        }
        assertEquals(24, count("SELECT count(*) FROM ci_metric"));
        assertEquals(4, count("SELECT count(*) FROM ci"), "CIs are not touched");
    }

    @Test
    void aFileNeedingTooManyDayPartitionsIsRefusedWhole() throws Exception {
        load("cis", CIS);
        StringBuilder sb = new StringBuilder("ts,ci_code,metric_name,value\n");
        Instant t = Instant.parse("2010-01-01T00:00:00Z");
        for (int d = 0; d <= MetricPartitions.MAX_NEW_PER_FILE; d++) {
            sb.append(t.plus(d, ChronoUnit.DAYS)).append(",SVR001,cpu_usage,1\n");
        }
        OpsException e = assertThrows(OpsException.class,
                () -> byDay().importFile("metrics", "decade.csv", file("decade.csv", sb.toString())));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains("4001 new partitions"), e.getMessage());
        assertEquals(List.of(), partitions(), "nothing was created");
        assertEquals(0, count("SELECT count(*) FROM ci_metric"));
    }
}

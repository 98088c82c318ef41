package dev.opsuite.kit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.PoolStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pools under one label (the open versions of one Source) are one set of HikariCP meters: gauges summed,
 * timers and timeouts shared; closing one pool leaves the label to the others, closing the last removes it.
 */
class PoolMetricsTest {
    /** A pool's figures as HikariPool reports them. */
    private static PoolStats pool(int active, int idle, int pending, int max) {
        return new PoolStats(0) {
            @Override
            protected void update() {
                activeConnections = active;
                idleConnections = idle;
                totalConnections = active + idle;
                pendingThreads = pending;
                maxConnections = max;
                minConnections = 0;
            }
        };
    }

    private static double value(PrometheusText text, String name, String pool) {
        List<PrometheusText.Sample> s = text.samples(name, Map.of("pool", pool));
        assertEquals(1, s.size(), name + "{pool=" + pool + "}: " + s);
        return s.get(0).value();
    }

    @Test
    void poolsSharingALabelAreMeasuredOnce() {
        try (ProcessMetrics metrics = ProcessMetrics.prometheus()) {
            PoolMetrics pools = metrics.pools();
            IMetricsTracker v1 = pools.labelled("postgres_main").create("src-postgres_main-v1", pool(2, 1, 0, 10));
            IMetricsTracker v2 = pools.labelled("postgres_main").create("src-postgres_main-v2", pool(1, 3, 4, 10));
            IMetricsTracker own = pools.labelled("trace-service-db").create("trace-service-db", pool(0, 2, 0, 8));
            v1.recordConnectionAcquiredNanos(250_000);
            v2.recordConnectionAcquiredNanos(3_000_000);
            v2.recordConnectionUsageMillis(12);
            v2.recordConnectionTimeout();

            PrometheusText text = PrometheusText.parse(metrics.prometheusRegistry().scrape());
            assertEquals(3.0, value(text, "hikaricp_connections_active", "postgres_main"));
            assertEquals(4.0, value(text, "hikaricp_connections_idle", "postgres_main"));
            assertEquals(4.0, value(text, "hikaricp_connections_pending", "postgres_main"));
            assertEquals(20.0, value(text, "hikaricp_connections_max", "postgres_main"));
            assertEquals(7.0, value(text, "hikaricp_connections", "postgres_main"));
            assertEquals(1.0, value(text, "hikaricp_connections_timeout_total", "postgres_main"));
            assertEquals(2.0, value(text, "hikaricp_connections_acquire_seconds_count", "postgres_main"));
            assertEquals("histogram", text.families().get("hikaricp_connections_acquire_seconds"));
            assertEquals("histogram", text.families().get("hikaricp_connections_usage_seconds"));
            assertTrue(text.samples("hikaricp_connections_acquire_seconds_bucket", Map.of("pool", "postgres_main"))
                    .stream().anyMatch(s -> Double.parseDouble(s.labels().get("le")) < 0.001),
                    "buckets under a millisecond");
            assertEquals(2.0, value(text, "hikaricp_connections_idle", "trace-service-db"));
            assertEquals(java.util.Set.of("postgres_main", "trace-service-db"),
                    text.labelValues("hikaricp_connections_active", "pool"));

            v1.close();
            text = PrometheusText.parse(metrics.prometheusRegistry().scrape());
            assertEquals(1.0, value(text, "hikaricp_connections_active", "postgres_main"), "v2 alone");
            assertEquals(2.0, value(text, "hikaricp_connections_acquire_seconds_count", "postgres_main"), "kept");

            v2.close();
            text = PrometheusText.parse(metrics.prometheusRegistry().scrape());
            assertEquals(java.util.Set.of("trace-service-db"), text.labelValues("hikaricp_connections_active", "pool"));
            assertEquals(List.of("trace-service-db"), pools.openLabels());

            // a new version after the last closed: the label again, from zero
            IMetricsTracker v3 = pools.labelled("postgres_main").create("src-postgres_main-v3", pool(1, 0, 0, 5));
            text = PrometheusText.parse(metrics.prometheusRegistry().scrape());
            assertEquals(1.0, value(text, "hikaricp_connections_active", "postgres_main"));
            v3.close();
            own.close();
            assertEquals(List.of(), pools.openLabels());
        }
    }
}

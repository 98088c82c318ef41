package dev.opsuite.kit.metrics;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * HikariCP pools measured through Micrometer's HikariCP binding ({@link MicrometerMetricsTrackerFactory}):
 * {@code hikaricp_connections} (total), {@code _active}, {@code _idle}, {@code _pending}, {@code _max},
 * {@code _min}, {@code hikaricp_connections_timeout_total} and the {@code _acquire}, {@code _usage} and
 * {@code _creation} histograms, under a {@code pool} label the caller chooses — a Source's name, never its
 * host, URL or user — so the label set stays as small as the set of Sources.
 *
 * <p>Pools that share a label (the open versions of one Source, a draft's pool beside the published one's)
 * are measured as one: one binding per label whose gauges are the sums of its pools' figures, and whose
 * timers and timeout counter they share. Registering each pool under the same label would keep only the
 * first pool's gauges, and closing that pool would take the label's meters away from the others. The
 * label's meters are removed when its last pool closes.
 */
public final class PoolMetrics {
    private final MicrometerMetricsTrackerFactory binding;
    /** label → its open pools (guarded by this). */
    private final Map<String, Label> labels = new HashMap<>();

    PoolMetrics(MeterRegistry registry) {
        this.binding = new MicrometerMetricsTrackerFactory(registry);
    }

    /** For {@code HikariConfig.setMetricsTrackerFactory}: the pool is measured under {@code pool=label}. */
    public MetricsTrackerFactory labelled(String label) {
        return (poolName, stats) -> open(label, stats);
    }

    /** The labels with an open pool (for tests). */
    synchronized List<String> openLabels() {
        return labels.keySet().stream().sorted().toList();
    }

    private synchronized IMetricsTracker open(String label, PoolStats stats) {
        Label l = labels.computeIfAbsent(label, Label::new);
        l.pools.add(stats);
        return new Member(l, stats);
    }

    private synchronized void close(Label l, PoolStats stats) {
        l.pools.remove(stats);
        if (l.pools.isEmpty() && labels.get(l.name) == l) {
            labels.remove(l.name);
            l.tracker.close(); // removes the label's meters
        }
    }

    /** One label: the sum of its pools' figures, measured by Micrometer's HikariCP binding. */
    private final class Label {
        final String name;
        final List<PoolStats> pools = new CopyOnWriteArrayList<>();
        final IMetricsTracker tracker;

        Label(String name) {
            this.name = name;
            // no caching of its own: each member caches its figures for a second (HikariPool's PoolStats)
            this.tracker = binding.create(name, new PoolStats(0) {
                @Override
                protected void update() {
                    int total = 0;
                    int idle = 0;
                    int active = 0;
                    int pending = 0;
                    int max = 0;
                    int min = 0;
                    for (PoolStats p : pools) {
                        total += p.getTotalConnections();
                        idle += p.getIdleConnections();
                        active += p.getActiveConnections();
                        pending += p.getPendingThreads();
                        max += p.getMaxConnections();
                        min += p.getMinConnections();
                    }
                    totalConnections = total;
                    idleConnections = idle;
                    activeConnections = active;
                    pendingThreads = pending;
                    maxConnections = max;
                    minConnections = min;
                }
            });
        }
    }

    /** One pool's tracker: its events go to its label's binding; closing it leaves the label to the others. */
    private final class Member implements IMetricsTracker {
        private final Label label;
        private final PoolStats stats;

        Member(Label label, PoolStats stats) {
            this.label = label;
            this.stats = stats;
        }

        @Override
        public void recordConnectionCreatedMillis(long millis) {
            label.tracker.recordConnectionCreatedMillis(millis);
        }

        @Override
        public void recordConnectionAcquiredNanos(long nanos) {
            label.tracker.recordConnectionAcquiredNanos(nanos);
        }

        @Override
        public void recordConnectionUsageMillis(long millis) {
            label.tracker.recordConnectionUsageMillis(millis);
        }

        @Override
        public void recordConnectionTimeout() {
            label.tracker.recordConnectionTimeout();
        }

        @Override
        public void close() {
            PoolMetrics.this.close(label, stats);
        }
    }
}

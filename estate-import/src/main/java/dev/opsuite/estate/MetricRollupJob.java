package dev.opsuite.estate;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic catch-up of the metric rollups with metrics written by anyone but the importer (an
 * operator's own SQL or pipeline, rows stored before migration V5): one daemon thread, one bounded
 * {@link MetricRollups#refreshPending} batch per run, never on a request's path. A failed run (the
 * store restarting) is logged and the next run tries again.
 */
public final class MetricRollupJob implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetricRollupJob.class);

    private final MetricRollups rollups;
    private final int hoursPerRun;
    private final ScheduledExecutorService ticker;

    private MetricRollupJob(MetricRollups rollups, int hoursPerRun) {
        this.rollups = rollups;
        this.hoursPerRun = hoursPerRun;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "metric-rollups");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the job; empty when {@code every} is zero (turned off). */
    public static Optional<MetricRollupJob> start(DataSource writable, Duration every, int hoursPerRun) {
        if (every.isZero() || every.isNegative()) {
            log.info("metric rollup job off: hours written outside imports stay read from the raw rows");
            return Optional.empty();
        }
        MetricRollupJob job = new MetricRollupJob(new MetricRollups(writable), hoursPerRun);
        job.ticker.scheduleWithFixedDelay(job::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return Optional.of(job);
    }

    /** One run: at most {@code hoursPerRun} pending (hour, metric) pairs. */
    void runOnce() {
        try {
            long t0 = System.nanoTime();
            int hours = rollups.refreshPending(hoursPerRun);
            if (hours > 0) {
                log.info("metric rollups: {} pending (hour, metric) pairs recomputed in {} ms", hours,
                        (System.nanoTime() - t0) / 1_000_000);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("metric rollups: refresh failed, next run tries again: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}

package dev.opsuite.executor.grpc;

import dev.opsuite.kit.config.Env;
import dev.opsuite.estate.EstateImporter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Limits of the ImportFile edge, read from the environment in one place:
 * <ul>
 *   <li>{@code OPS_IMPORT_MAX_MB} — largest accepted upload in MiB (default 2048); more is
 *       RESOURCE_EXHAUSTED</li>
 *   <li>{@code OPS_IMPORT_THREADS} — imports running at once (default 2)</li>
 *   <li>{@code OPS_IMPORT_QUEUE} — uploads waiting for a thread (default 8); more is UNAVAILABLE</li>
 *   <li>{@code OPS_IMPORT_SPOOL_DIR} — where uploads are spooled (default java.io.tmpdir)</li>
 *   <li>{@code OPS_IMPORT_MIN_FREE_MB} — free space the spool never eats into (default 512): an upload
 *       is refused (UNAVAILABLE) before it starts, or as it grows, when the disk would go below it</li>
 *   <li>{@code OPS_IMPORT_PROGRESS_MS} — least time between two progress events within a pass of a
 *       streamed import (default 100; each pass's start is always told at once)</li>
 *   <li>{@code OPS_METRIC_PARTITIONS} — how ci_metric's new partitions are cut: {@code month} (default) or
 *       {@code day} (for retention by whole days on large estates)</li>
 * </ul>
 */
public record EstateImportConfig(long maxUploadBytes, int importThreads, int importQueue, Path spoolDir,
                                 long minFreeBytes, Duration progressInterval, String metricPartitions) {
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 2L * 1024 * 1024 * 1024;
    public static final long DEFAULT_MIN_FREE_BYTES = 512L << 20;

    public EstateImportConfig(long maxUploadBytes, int importThreads, int importQueue, Path spoolDir) {
        this(maxUploadBytes, importThreads, importQueue, spoolDir, DEFAULT_MIN_FREE_BYTES,
                EstateImporter.DEFAULT_PROGRESS_INTERVAL, "month");
    }

    public EstateImportConfig {
        if (maxUploadBytes <= 0 || importThreads <= 0 || importQueue <= 0) {
            throw new IllegalArgumentException("estate import limits must be positive");
        }
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("OPS_IMPORT_PROGRESS_MS must be positive");
        }
        EstateImporter.checkMetricPartitions(metricPartitions);
    }

    public static EstateImportConfig defaults() {
        return new EstateImportConfig(DEFAULT_MAX_UPLOAD_BYTES, 2, 8, Path.of(System.getProperty("java.io.tmpdir")));
    }

    public static EstateImportConfig fromEnv(Env env) {
        EstateImportConfig d = defaults();
        return new EstateImportConfig(
                env.getInt("OPS_IMPORT_MAX_MB", (int) (d.maxUploadBytes() >> 20)) * (1L << 20),
                env.getInt("OPS_IMPORT_THREADS", d.importThreads()),
                env.getInt("OPS_IMPORT_QUEUE", d.importQueue()),
                env.get("OPS_IMPORT_SPOOL_DIR").map(Path::of).orElse(d.spoolDir()),
                env.getInt("OPS_IMPORT_MIN_FREE_MB", (int) (DEFAULT_MIN_FREE_BYTES >> 20)) * (1L << 20),
                Duration.ofMillis(env.getInt("OPS_IMPORT_PROGRESS_MS", (int) d.progressInterval().toMillis())),
                env.get("OPS_METRIC_PARTITIONS", d.metricPartitions()).strip().toLowerCase(java.util.Locale.ROOT));
    }
}

package dev.opsuite.launcher;

import dev.opsuite.estate.demo.DemoEstate;
import dev.opsuite.proto.v1.EstateServiceGrpc;
import dev.opsuite.proto.v1.GetEstateStatsRequest;
import dev.opsuite.proto.v1.GetEstateStatsResponse;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the seeded demo estate on first start, through the same path operators use: CSV files
 * posted to the gateway's import route. Skipped when the estate already has CIs.
 */
final class DemoLoader {
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final LauncherConfig config;
    private final int executorPort;
    private final int httpPort;
    private final dev.opsuite.gateway.auth.ApiKeys keys;

    /** @param keys where the loader mints a short-lived estate_admin key for its import (revoked after) */
    DemoLoader(LauncherConfig config, int executorPort, int httpPort, dev.opsuite.gateway.auth.ApiKeys keys) {
        this.config = config;
        this.keys = keys;
        this.executorPort = executorPort;
        this.httpPort = httpPort;
    }

    /** Imports the demo's documents (idempotent: a document whose bytes are already indexed is left alone). */
    private void documents() throws IOException {
        Path dir = Files.createTempDirectory(config.dataDir(), "demo-docs");
        dev.opsuite.estate.demo.DemoDocuments.write(dir);
        long changed = importAndDelete(dir).stream()
                .filter(r -> r.body().path("data").path("rows_upserted").asLong() > 0).count();
        log.info("demo documents: {} new or changed", changed);
    }

    /**
     * Imports a written demo directory through the gateway, with a short-lived estate_admin key (revoked
     * after), then deletes the directory; the first refused file fails the whole.
     */
    private java.util.List<ImportClient.Result> importAndDelete(Path dir) throws IOException {
        var key = keys.create("demo-loader", java.util.List.of("estate_admin"));
        try {
            java.util.List<ImportClient.Result> results = new ImportClient("127.0.0.1", httpPort,
                    java.util.Optional.of(key.token())).importDirectory(dir);
            for (ImportClient.Result r : results) {
                if (!r.ok()) {
                    throw new IOException("demo import of " + r.file() + " failed: " + r.body().path("message").asText());
                }
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("demo import interrupted", e);
        } finally {
            keys.revoke(key.key().id());
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Loads the demo when the estate is empty. Returns whether the demo estate is there afterwards:
     * loaded now, or found (CIs of origin "demo"); false when the estate holds only other CIs.
     */
    boolean loadIfEmpty() throws IOException {
        ManagedChannel ch = dev.opsuite.kit.grpc.Channels.to("127.0.0.1:" + executorPort, 4 * 1024 * 1024,
                dev.opsuite.kit.grpc.Channels.Transport.AUTO, "gateway");
        try {
            GetEstateStatsResponse stats = EstateServiceGrpc.newBlockingStub(ch).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getEstateStats(GetEstateStatsRequest.getDefaultInstance());
            if (stats.getCis() > 0) {
                log.info("estate already loaded ({} CIs of which {} from the demo, {} metric rows); demo not reloaded",
                        stats.getCis(), stats.getDemoCis(), stats.getMetricRows());
                if (stats.getDemoCis() > 0) {
                    try {
                        documents(); // a data directory from before the demo had documents gets them (unchanged stay)
                    } catch (IOException | RuntimeException e) {
                        log.warn("demo documents not imported ({}); the estate's answers are unaffected", e.toString());
                    }
                }
                return stats.getDemoCis() > 0;
            }
        } finally {
            ch.shutdownNow();
        }
        long t0 = System.nanoTime();
        Path dir = config.dataDir().resolve("demo-csv");
        Files.createDirectories(dir);
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        DemoEstate.writeCsv(dir, config.demoSeed(), end, config.demoDays());
        dev.opsuite.estate.demo.DemoDocuments.write(dir); // runbooks, alert explanations, postmortems (docs/)
        long generated = (System.nanoTime() - t0) / 1_000_000;
        for (ImportClient.Result r : importAndDelete(dir)) {
            log.debug("demo {}: {} rows", r.file(), r.body().path("data").path("rows_upserted").asLong());
        }
        log.info("demo estate (seed {}, {} days) generated in {} ms, loaded in {} ms total", config.demoSeed(),
                config.demoDays(), generated, (System.nanoTime() - t0) / 1_000_000);
        return true;
    }
}

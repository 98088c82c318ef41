package dev.opsuite.trace;

import com.zaxxer.hikari.HikariDataSource;
import dev.opsuite.kit.grpc.GrpcServerRunner;
import dev.opsuite.kit.grpc.StageMain;
import dev.opsuite.kit.grpc.StoreProbe;
import dev.opsuite.kit.metrics.ProcessMetrics;
import dev.opsuite.trace.domain.AssetRegistry;
import dev.opsuite.trace.domain.Traces;
import dev.opsuite.trace.grpc.AssetGrpcService;
import dev.opsuite.trace.grpc.TraceGrpcService;
import dev.opsuite.trace.grpc.TraceServiceMeters;
import dev.opsuite.trace.postgres.Database;
import dev.opsuite.trace.postgres.PostgresAssetStore;
import dev.opsuite.trace.postgres.PostgresTraceStore;
import dev.opsuite.trace.seed.SeedDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of trace-service: config → pool → migrations → adapters → domain → gRPC
 * server. {@link TraceServiceMain}, the all-in-one launcher and the tests all start it through here.
 */
public final class TraceServiceApp implements StageMain.Service {
    private static final Logger log = LoggerFactory.getLogger(TraceServiceApp.class);

    private final HikariDataSource pool;
    private final GrpcServerRunner server;
    private final StoreProbe probe;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TraceServiceApp(HikariDataSource pool, GrpcServerRunner server) {
        this.pool = pool;
        this.server = server;
        this.probe = StoreProbe.every(5, "trace-service", server, () -> StoreProbe.sqlReachable(pool));
    }

    /**
     * Starts the service and returns once it is SERVING. Fails (and releases what it opened) when
     * the database is unreachable, a migration fails, the seed directory is invalid or the port is taken.
     */
    public static TraceServiceApp start(TraceConfig cfg) {
        return start(cfg, ProcessMetrics.off());
    }

    /**
     * @param metrics where its meters go — RPC latencies, its pool (HikariCP, pool="trace-service-db"), traces,
     *                audit events and asset changes: its own metrics port's registry, or the all-in-one's (never
     *                closed here)
     */
    public static TraceServiceApp start(TraceConfig cfg, ProcessMetrics metrics) {
        log.info("starting trace-service with {}", cfg);
        Database.migrate(cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword());
        HikariDataSource pool = Database.pool(cfg.dbUrl(), cfg.dbUser(), cfg.dbPassword(), cfg.dbPoolSize(),
                metrics.pools());
        TraceServiceMeters meters = new TraceServiceMeters(metrics.registry());
        try {
            Traces traces = new Traces(new PostgresTraceStore(pool), Clock.systemUTC());
            AssetRegistry assets = new AssetRegistry(new PostgresAssetStore(pool));
            cfg.assetSeedDir().ifPresent(dir -> assets.seed(SeedDirectory.read(dir)));
            GrpcServerRunner server = GrpcServerRunner.start("trace-service", cfg.host(), cfg.port(),
                    List.of(new TraceGrpcService(traces, meters), new AssetGrpcService(assets,
                                    new dev.opsuite.trace.review.AssetReviews(
                                            new dev.opsuite.trace.postgres.PostgresReviewStore(pool)), meters),
                            new dev.opsuite.trace.grpc.AuditGrpcService(new dev.opsuite.trace.domain.AuditLog(
                                    new dev.opsuite.trace.postgres.PostgresAuditStore(pool)), meters),
                            new dev.opsuite.trace.grpc.GoldenGrpcService(new dev.opsuite.trace.golden.GoldenQueries(
                                    new dev.opsuite.trace.postgres.PostgresGoldenStore(pool)))), metrics);
            return new TraceServiceApp(pool, server);
        } catch (IOException e) {
            pool.close();
            throw new UncheckedIOException("trace-service cannot listen on " + cfg.host() + ":" + cfg.port(), e);
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
    }

    /** The port actually bound (useful when configured with 0). */
    public int port() {
        return server.port();
    }

    /** Blocks until the server has terminated (after {@link #close()}). */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    /** Graceful: stop taking calls and drain in-flight ones first, then close the pool they use. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        probe.close();
        try {
            server.close();
        } finally {
            pool.close();
        }
    }
}

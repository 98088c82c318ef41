package dev.opsuite.kit.grpc;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a service's grpc.health.v1 status in step with its stores: NOT_SERVING while the check
 * fails (e.g. the database is unreachable), SERVING again once it passes.
 */
public final class StoreProbe implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StoreProbe.class);
    private final ScheduledExecutorService timer;

    private StoreProbe(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    public static StoreProbe every(long seconds, String name, GrpcServerRunner server, BooleanSupplier storesUp) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-store-probe");
            t.setDaemon(true);
            return t;
        });
        boolean[] last = {true};
        timer.scheduleWithFixedDelay(() -> {
            boolean up;
            try {
                up = storesUp.getAsBoolean();
            } catch (RuntimeException e) {
                up = false;
            }
            if (up != last[0]) {
                log.warn("{}: stores {}", name, up ? "reachable again, SERVING" : "unreachable, NOT_SERVING");
                last[0] = up;
            }
            server.setServing(up);
        }, seconds, seconds, TimeUnit.SECONDS);
        return new StoreProbe(timer);
    }

    /** A database answers "SELECT 1" within 2 s. */
    public static boolean sqlReachable(javax.sql.DataSource db) {
        try (java.sql.Connection c = db.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("SELECT 1");
            return true;
        } catch (java.sql.SQLException e) {
            log.debug("database unreachable: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}

package dev.opsuite.stores;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the all-in-one's embedded stores running: every check interval each child is asked whether
 * it is alive, and a dead one is restarted on its own data directory and port (so connection pools
 * and drivers reconnect to the same address) — at once the first time, then with a doubling backoff
 * up to {@link #MAX_BACKOFF} while restarts keep failing. Restarts are logged with how long the
 * child was down.
 */
public final class StoreSupervisor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreSupervisor.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** A supervised child: whether it runs, and how to start it again on the same data and port. */
    public record Child(String name, BooleanSupplier alive, Restart restart) {}

    @FunctionalInterface
    public interface Restart {
        void run() throws Exception;
    }

    private record Backoff(Instant notBefore, Duration next, Instant downSince) {}

    private final List<Child> children;
    private final Map<String, Backoff> backoff = new ConcurrentHashMap<>();
    private final Map<String, Integer> restarts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    public StoreSupervisor(List<Child> children, Duration every) {
        this.children = List.copyOf(children);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "store-supervisor");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many times each child was restarted (for health and tests). */
    public Map<String, Integer> restarts() {
        return Map.copyOf(restarts);
    }

    private void check() {
        for (Child c : children) {
            boolean alive;
            try {
                alive = c.alive().getAsBoolean();
            } catch (RuntimeException e) {
                alive = false;
            }
            if (alive) {
                backoff.remove(c.name());
                continue;
            }
            Instant now = Instant.now();
            Backoff b = backoff.computeIfAbsent(c.name(), n -> {
                LOG.warn("embedded {} is down; restarting it on its data directory and port", n);
                return new Backoff(now, Duration.ofSeconds(1), now);
            });
            if (now.isBefore(b.notBefore())) {
                continue;
            }
            try {
                c.restart().run();
                restarts.merge(c.name(), 1, Integer::sum);
                backoff.remove(c.name());
                LOG.warn("embedded {} restarted, {} ms after it was found down", c.name(),
                        Duration.between(b.downSince(), Instant.now()).toMillis());
            } catch (Exception e) {
                Duration next = b.next().multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : b.next().multipliedBy(2);
                backoff.put(c.name(), new Backoff(Instant.now().plus(b.next()), next, b.downSince()));
                LOG.warn("restarting embedded {} failed ({}); next attempt in {} s", c.name(), e.getMessage(),
                        b.next().toSeconds());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(90, TimeUnit.SECONDS); // a restart in progress finishes before the stores close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

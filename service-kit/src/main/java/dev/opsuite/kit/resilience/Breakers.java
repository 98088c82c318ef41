package dev.opsuite.kit.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Circuit breakers (resilience4j) per dependency — a Source version, a stage service. Only an
 * outage counts (the caller says which failures are one: a store that refuses connections, not a
 * bad statement); after {@link #FAILURES} outages in a row the breaker opens and every call fails
 * at once with the caller's error instead of waiting for the dependency's timeout. While it is
 * open, a background probe (the caller's cheap check of that dependency) runs every probe interval
 * and closes it when the dependency answers again; the breaker never half-opens on a user request.
 */
public final class Breakers implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Breakers.class);
    /** Outages in the last calls that open a breaker. */
    public static final int FAILURES = 2;
    private static final int MAX_BREAKERS = 256;

    /** One breaker's state for health: CLOSED | OPEN, since when, the last outage. */
    public record State(String name, String state, String since, String lastError) {}

    private static final class Entry {
        final CircuitBreaker breaker;
        volatile BooleanSupplier probe;
        volatile String lastError = "";
        volatile Instant since = Instant.now();

        Entry(CircuitBreaker breaker) {
            this.breaker = breaker;
        }
    }

    private final CircuitBreakerConfig config = CircuitBreakerConfig.custom()
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
            .slidingWindowSize(FAILURES).minimumNumberOfCalls(FAILURES).failureRateThreshold(100)
            .waitDurationInOpenState(Duration.ofDays(365)) // only a probe closes it
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .writableStackTraceEnabled(false).build();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService prober;

    public Breakers(String owner, Duration probeEvery) {
        this.prober = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, owner + "-breaker-probe");
            t.setDaemon(true);
            return t;
        });
        prober.scheduleWithFixedDelay(this::probeOpen, probeEvery.toMillis(), probeEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code call} through the breaker {@code name}.
     *
     * @param outage   which failures mean the dependency is down (only these count)
     * @param probe    a cheap check that the dependency answers again (run off the request path)
     * @param whenOpen the error to fail with at once while open, given the last outage's message
     */
    public <T> T call(String name, Supplier<T> call, Predicate<RuntimeException> outage, BooleanSupplier probe,
                      Function<String, RuntimeException> whenOpen) {
        Entry e = entry(name);
        e.probe = probe;
        if (!e.breaker.tryAcquirePermission()) {
            throw whenOpen.apply(e.lastError);
        }
        long start = System.nanoTime();
        try {
            T result = call.get();
            e.breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (RuntimeException ex) {
            if (outage.test(ex)) {
                e.lastError = String.valueOf(ex.getMessage());
                e.breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
            } else { // the dependency answered, with an error of the request's own making
                e.breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            throw ex;
        }
    }

    /** Whether the breaker is open (calls fail at once). */
    public boolean isOpen(String name) {
        Entry e = entries.get(name);
        return e != null && e.breaker.getState() == CircuitBreaker.State.OPEN;
    }

    public List<State> states() {
        List<State> out = new ArrayList<>();
        entries.forEach((name, e) -> out.add(new State(name, e.breaker.getState().name(), e.since.toString(),
                e.breaker.getState() == CircuitBreaker.State.CLOSED ? "" : e.lastError)));
        out.sort(java.util.Comparator.comparing(State::name));
        return out;
    }

    private Entry entry(String name) {
        Entry e = entries.get(name);
        if (e != null) {
            return e;
        }
        if (entries.size() >= MAX_BREAKERS) { // names are asset versions: bounded, forget closed ones first
            entries.entrySet().removeIf(x -> x.getValue().breaker.getState() == CircuitBreaker.State.CLOSED);
        }
        return entries.computeIfAbsent(name, n -> {
            Entry created = new Entry(CircuitBreaker.of(n, config));
            created.breaker.getEventPublisher().onStateTransition(t -> {
                created.since = Instant.now();
                log.warn("circuit {}: {}{}", n, t.getStateTransition(),
                        t.getStateTransition().getToState() == CircuitBreaker.State.OPEN ? " (" + created.lastError + ")" : "");
            });
            return created;
        });
    }

    private void probeOpen() {
        for (Entry e : entries.values()) {
            if (e.breaker.getState() != CircuitBreaker.State.OPEN || e.probe == null) {
                continue;
            }
            boolean up;
            try {
                up = e.probe.getAsBoolean();
            } catch (RuntimeException ex) {
                up = false;
                e.lastError = String.valueOf(ex.getMessage());
            }
            if (up) {
                e.breaker.transitionToClosedState();
            }
        }
    }

    @Override
    public void close() {
        prober.shutdownNow();
    }
}

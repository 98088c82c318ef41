package dev.opsuite.gateway.auth;

import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-caller limits on the operations that cost the stores something (ask, streamed or not, query, UI actions,
 * stage test, query preview, schema scan, import): a rate (resilience4j RateLimiter, requests per
 * second) and a number of calls in flight (resilience4j Bulkhead), each per authenticated principal
 * — every anonymous loopback caller is one principal. Over either: 429 (gRPC RESOURCE_EXHAUSTED)
 * with Retry-After, before anything runs. Bounded: one pair per principal, and principals are keys
 * (plus anonymous); past MAX_CALLERS the idle entries are dropped.
 */
public final class CallerLimits {
    /** The message prefix the REST edge maps to 429 rather than 413 (both are RESOURCE_EXHAUSTED). */
    public static final String PREFIX = dev.opsuite.kit.grpc.GrpcErrors.RATE_LIMITED;
    static final Set<String> LIMITED = Set.of("Ask", "AskStream", "Query", "RunUiAction", "StageTest", "PreviewQueryAsset",
            "ScanSourceSchema", "Import", "Rca", "CreateGoldenQuery", "RunRegression", "RunRegressionSet",
            "ReviewAssetVersion");
    private static final int MAX_CALLERS = 10_000;

    private record Pair(RateLimiter rate, Bulkhead inFlight) {}

    private final RateLimiterConfig rateConfig;
    private final BulkheadConfig inFlightConfig;
    private final int perSecond;
    private final int concurrent;
    private final Map<String, Pair> callers = new ConcurrentHashMap<>();

    /** @param perSecond requests per second per caller (0: no rate limit); @param concurrent in flight per caller */
    public CallerLimits(int perSecond, int concurrent) {
        if (perSecond < 0 || concurrent < 1) {
            throw new IllegalArgumentException("OPS_RATE_PER_SECOND must be >= 0 and OPS_CONCURRENT_PER_CALLER >= 1");
        }
        this.perSecond = perSecond;
        this.concurrent = concurrent;
        this.rateConfig = RateLimiterConfig.custom().limitForPeriod(Math.max(1, perSecond))
                .limitRefreshPeriod(Duration.ofSeconds(1)).timeoutDuration(Duration.ZERO).build();
        this.inFlightConfig = BulkheadConfig.custom().maxConcurrentCalls(concurrent).maxWaitDuration(Duration.ZERO)
                .build();
    }

    public static boolean limited(String operation) {
        return LIMITED.contains(operation);
    }

    /**
     * Takes a permit for one call of this caller, or refuses it (429). The returned handle must be
     * released exactly once, when the call ends.
     */
    public Runnable acquire(Principal caller, String operation) {
        if (callers.size() >= MAX_CALLERS) {
            callers.values().removeIf(p -> p.inFlight().getMetrics().getAvailableConcurrentCalls() == concurrent);
        }
        Pair p = callers.computeIfAbsent(caller.id(), id -> new Pair(RateLimiter.of(id, rateConfig),
                Bulkhead.of(id, inFlightConfig)));
        if (perSecond > 0 && !p.rate().acquirePermission()) {
            throw new OpsException(ErrorCode.TOO_MANY_REQUESTS, PREFIX + operation + ": more than " + perSecond
                    + " requests per second from " + caller.id() + "; retry after 1 s");
        }
        if (!p.inFlight().tryAcquirePermission()) {
            throw new OpsException(ErrorCode.TOO_MANY_REQUESTS, PREFIX + operation + ": " + concurrent
                    + " requests of " + caller.id() + " are already running; retry after 1 s");
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                p.inFlight().onComplete();
            }
        };
    }
}

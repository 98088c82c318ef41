package dev.opsuite.gateway.stages;

import dev.opsuite.kit.grpc.Channels;
import dev.opsuite.kit.grpc.GrpcErrors;
import dev.opsuite.kit.grpc.StageRetries;
import dev.opsuite.proto.v1.AssetServiceGrpc;
import dev.opsuite.proto.v1.ExecutorServiceGrpc;
import dev.opsuite.proto.v1.PlannerServiceGrpc;
import dev.opsuite.proto.v1.TraceServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Channels and stubs to the stage services (in-process when the service runs in this JVM, see
 * {@link Channels}). Every call has a deadline; a failed call resets the channel's reconnect
 * backoff so a restarted service is used again at once.
 */
public final class StageClients implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StageClients.class);
    private static final int MAX_INBOUND_BYTES = 32 * 1024 * 1024;
    private final ManagedChannel planner;
    private final ManagedChannel executor;
    private final ManagedChannel trace;
    private final io.grpc.Channel plannerCalls;
    private final io.grpc.Channel executorCalls;
    private final io.grpc.Channel traceCalls;
    private final long deadlineMs;
    private final java.util.Map<String, String> targets;

    /**
     * The method of the stub call the current thread makes (blocking stubs start their call on the
     * caller's thread), so that {@link #call} repeats only what {@link StageRetries} allows to repeat.
     */
    private static final ThreadLocal<String> METHOD = new ThreadLocal<>();
    private static final io.grpc.ClientInterceptor METHOD_OF_CALL = new io.grpc.ClientInterceptor() {
        @Override
        public <Q, R> io.grpc.ClientCall<Q, R> interceptCall(io.grpc.MethodDescriptor<Q, R> method,
                                                              io.grpc.CallOptions options, io.grpc.Channel next) {
            METHOD.set(method.getFullMethodName());
            return next.newCall(method, options);
        }
    };

    private final boolean assetsByReference;

    public StageClients(String plannerTarget, String executorTarget, String traceTarget, long deadlineMs,
                        boolean assetsByReference, Channels.Transport transport) {
        this.assetsByReference = assetsByReference;
        this.targets = java.util.Map.of("planner", plannerTarget, "executor", executorTarget, "trace", traceTarget);
        this.planner = Channels.to(plannerTarget, MAX_INBOUND_BYTES, transport, "gateway",
                PlannerServiceGrpc.SERVICE_NAME);
        this.executor = Channels.to(executorTarget, MAX_INBOUND_BYTES, transport, "gateway",
                ExecutorServiceGrpc.SERVICE_NAME);
        this.trace = Channels.to(traceTarget, MAX_INBOUND_BYTES, transport, "gateway", TraceServiceGrpc.SERVICE_NAME);
        this.plannerCalls = io.grpc.ClientInterceptors.intercept(planner, METHOD_OF_CALL);
        this.executorCalls = io.grpc.ClientInterceptors.intercept(executor, METHOD_OF_CALL);
        this.traceCalls = io.grpc.ClientInterceptors.intercept(trace, METHOD_OF_CALL);
        this.deadlineMs = deadlineMs;
        this.breakers = new dev.opsuite.kit.resilience.Breakers("gateway-stages", java.time.Duration.ofSeconds(1));
    }

    private final dev.opsuite.kit.resilience.Breakers breakers;

    /** Stage calls name assets by type, name, version and status; the services fetch each version once. */
    public boolean assetsByReference() {
        return assetsByReference;
    }


    public PlannerServiceGrpc.PlannerServiceBlockingStub planner() {
        return PlannerServiceGrpc.newBlockingStub(plannerCalls).withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS);
    }

    private final java.util.concurrent.atomic.AtomicLong estateGeneration = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Bumped after every import or removal this gateway carried out; sent with each RoutePlan so the
     * planner reloads its estate dictionary at once rather than after its refresh interval.
     */
    public java.util.concurrent.atomic.AtomicLong estateGeneration() {
        return estateGeneration;
    }

    public ExecutorServiceGrpc.ExecutorServiceBlockingStub executor() {
        return ExecutorServiceGrpc.newBlockingStub(executorCalls).withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS);
    }

    public TraceServiceGrpc.TraceServiceBlockingStub trace() {
        return TraceServiceGrpc.newBlockingStub(traceCalls).withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS);
    }

    public dev.opsuite.proto.v1.AuditServiceGrpc.AuditServiceBlockingStub audit() {
        return dev.opsuite.proto.v1.AuditServiceGrpc.newBlockingStub(traceCalls).withDeadlineAfter(deadlineMs,
                TimeUnit.MILLISECONDS);
    }

    public dev.opsuite.proto.v1.GoldenServiceGrpc.GoldenServiceBlockingStub golden() {
        return dev.opsuite.proto.v1.GoldenServiceGrpc.newBlockingStub(traceCalls).withDeadlineAfter(deadlineMs,
                TimeUnit.MILLISECONDS);
    }

    public AssetServiceGrpc.AssetServiceBlockingStub assets() {
        return AssetServiceGrpc.newBlockingStub(traceCalls).withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS);
    }

    /** The target of "planner", "executor" or "trace" as configured (host:port, a replica list, dns:///…). */
    public String target(String service) {
        return targets.get(service);
    }

    /** The deadline of every stage call, in milliseconds. */
    public long deadlineMs() {
        return deadlineMs;
    }

    public ManagedChannel executorChannel() {
        return executor;
    }

    /** name -> channel, for health checks. */
    public List<java.util.Map.Entry<String, ManagedChannel>> channels() {
        return List.of(java.util.Map.entry("planner-service", planner), java.util.Map.entry("executor-service", executor),
                java.util.Map.entry("trace-service", trace));
    }

    /**
     * Runs one downstream call; failures become domain errors naming the service. The channel has
     * already repeated an UNAVAILABLE on the other replicas (its retry policy, {@link StageRetries});
     * when no replica is up (e.g. the only one restarting), a call that may be repeated waits up to
     * 3 s for a replica to be READY and is tried once more. The breaker counts an outage only when
     * the service as a whole is unreachable: no replica READY.
     */
    public <T> T call(String what, ManagedChannel channel, Supplier<T> call) {
        String service = serviceOf(channel);
        return breakers.call(service, () -> callOnce(what, channel, call),
                // an outage is the service unreachable — not a service answering UNAVAILABLE about its own store
                e -> e instanceof dev.opsuite.model.errors.OpsException o && o.code() == dev.opsuite.model.errors.ErrorCode.UNAVAILABLE
                        && channel.getState(false) != io.grpc.ConnectivityState.READY,
                () -> answers(channel),
                last -> dev.opsuite.model.errors.OpsException.knownDown(what + ": " + service + " is unavailable (known down, "
                        + "failing fast until a background check reaches it again; last error: " + last + ")"));
    }

    /** Each stage service's breaker (CLOSED | OPEN), for health. */
    public List<dev.opsuite.kit.resilience.Breakers.State> breakerStates() {
        return breakers.states();
    }

    private String serviceOf(ManagedChannel channel) {
        return channel == planner ? "planner-service" : channel == executor ? "executor-service" : "trace-service";
    }

    /** The background check of an open breaker: the service's grpc.health answers at all. */
    private static boolean answers(ManagedChannel channel) {
        channel.resetConnectBackoff();
        try {
            io.grpc.health.v1.HealthGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.SECONDS)
                    .check(io.grpc.health.v1.HealthCheckRequest.getDefaultInstance());
            return true;
        } catch (io.grpc.StatusRuntimeException e) {
            return e.getStatus().getCode() != io.grpc.Status.Code.UNAVAILABLE
                    && e.getStatus().getCode() != io.grpc.Status.Code.DEADLINE_EXCEEDED;
        }
    }

    private <T> T callOnce(String what, ManagedChannel channel, Supplier<T> call) {
        METHOD.remove();
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            channel.resetConnectBackoff();
            String method = METHOD.get();
            // a call not made through these stubs (method unknown) or one unsafe to repeat is not repeated
            boolean repeatable = method != null && StageRetries.retried(method);
            if (e.getStatus().getCode() != io.grpc.Status.Code.UNAVAILABLE || !repeatable
                    || !awaitReady(channel, 3_000)) {
                log.warn("{} failed: {}", what, e.getStatus());
                throw GrpcErrors.fromStatus(what, e);
            }
        }
        try {
            return call.get();
        } catch (StatusRuntimeException e) {
            channel.resetConnectBackoff();
            log.warn("{} failed after a retry: {}", what, e.getStatus());
            throw GrpcErrors.fromStatus(what, e);
        }
    }

    /** Waits (bounded) for the channel to reconnect; false when it does not within the time. */
    private static boolean awaitReady(ManagedChannel channel, long maxMs) {
        long until = System.nanoTime() + maxMs * 1_000_000;
        while (System.nanoTime() < until) {
            io.grpc.ConnectivityState state = channel.getState(true);
            if (state == io.grpc.ConnectivityState.READY) {
                return true;
            }
            if (state == io.grpc.ConnectivityState.SHUTDOWN) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    public <T> T callPlanner(String what, Supplier<T> call) {
        return call(what, planner, call);
    }

    public <T> T callExecutor(String what, Supplier<T> call) {
        return call(what, executor, call);
    }

    public <T> T callTrace(String what, Supplier<T> call) {
        return call(what, trace, call);
    }

    @Override
    public void close() {
        breakers.close();
        for (ManagedChannel c : List.of(planner, executor, trace)) {
            c.shutdown();
            try {
                if (!c.awaitTermination(2, TimeUnit.SECONDS)) {
                    c.shutdownNow();
                }
            } catch (InterruptedException e) {
                c.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}

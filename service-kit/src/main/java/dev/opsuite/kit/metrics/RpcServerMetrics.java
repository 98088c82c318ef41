package dev.opsuite.kit.metrics;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every call a stage server takes, timed from its start to its close, as {@code ops_rpc_server_duration_seconds}
 * (a histogram) by {@code server} (planner-service, executor-service, trace-service), {@code service} and
 * {@code method} (from the method's descriptor: only the RPCs the server serves reach an interceptor) and
 * {@code status} (the gRPC status code's name, e.g. OK, INVALID_ARGUMENT, UNAUTHENTICATED): bounded sets,
 * never a request's content. A call that ends without a reply is recorded as DEADLINE_EXCEEDED when its
 * deadline passed or was less than 50 ms away (the caller's copy of it fires first and cancels), else
 * CANCELLED (the client left). The outermost interceptor of the server, so refused
 * callers are counted too.
 */
final class RpcServerMetrics implements ServerInterceptor {
    /** How near its deadline a cancelled call counts as DEADLINE_EXCEEDED (the caller's clock fires first). */
    static final long DEADLINE_SLACK_MS = 50;
    static final String NAME = "ops.rpc.server.duration";
    private final MeterRegistry registry;
    private final String server;

    RpcServerMetrics(MeterRegistry registry, String server) {
        this.registry = registry;
        this.server = server;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                      ServerCallHandler<Q, R> next) {
        long start = System.nanoTime();
        MethodDescriptor<Q, R> method = call.getMethodDescriptor();
        AtomicBoolean recorded = new AtomicBoolean();
        ServerCall<Q, R> timed = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                if (recorded.compareAndSet(false, true)) {
                    timer(method, status.getCode()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> listener;
        try {
            listener = next.startCall(timed, headers);
        } catch (RuntimeException e) {
            if (recorded.compareAndSet(false, true)) { // gRPC closes the call UNKNOWN
                timer(method, Status.Code.UNKNOWN).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
            throw e;
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onCancel() {
                if (recorded.compareAndSet(false, true)) {
                    // the call's own context: its deadline passed (DEADLINE_EXCEEDED), or the client left (CANCELLED)
                    Status why = Contexts.statusFromCancelled(Context.current());
                    Status.Code code = why == null || why.getCode() == Status.Code.UNKNOWN ? Status.Code.CANCELLED
                            : why.getCode();
                    // the caller's deadline fires a moment before the server's copy of it: a cancel that
                    // arrives within DEADLINE_SLACK_MS of the call's deadline is that deadline, not a caller leaving
                    io.grpc.Deadline deadline = Context.current().getDeadline();
                    if (code == Status.Code.CANCELLED && deadline != null
                            && deadline.timeRemaining(TimeUnit.MILLISECONDS) <= DEADLINE_SLACK_MS) {
                        code = Status.Code.DEADLINE_EXCEEDED;
                    }
                    timer(method, code).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                }
                super.onCancel();
            }
        };
    }

    private Timer timer(MethodDescriptor<?, ?> method, Status.Code code) {
        String service = method.getServiceName();
        String name = method.getBareMethodName();
        return Timer.builder(NAME).description("Calls a stage server took, by RPC and status")
                .tags("server", server, "service", service == null ? "unknown" : service,
                        "method", name == null ? "unknown" : name, "status", code.name())
                .register(registry);
    }
}

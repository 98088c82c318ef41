package dev.opsuite.gateway.otel;

import com.linecorp.armeria.server.ServiceRequestContext;
import dev.opsuite.conductor.DistributedTrace;
import dev.opsuite.kit.grpc.TraceParent;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The conductor's {@link DistributedTrace} at the gateway: a request continues the trace of the W3C
 * {@code traceparent} header its caller sent (REST or gRPC: both arrive as HTTP headers), or starts one
 * when spans are exported; a header that is not a valid traceparent is ignored. While the stages run,
 * the request's root span is the {@code traceparent} of every stage call (service-kit's channels send it).
 */
public final class W3cTraces implements DistributedTrace {
    private final boolean exporting;

    /** @param exporting whether spans are exported: then every request gets a trace, else only a caller's */
    public W3cTraces(boolean exporting) {
        this.exporting = exporting;
    }

    @Override
    public Ids open() {
        Optional<TraceParent> caller = callers();
        if (caller.isPresent()) {
            return new Ids(caller.get().traceId(), TraceParent.newSpanId(), caller.get().spanId());
        }
        return exporting ? new Ids(TraceParent.newTraceId(), TraceParent.newSpanId(), "") : null;
    }

    @Override
    public <R> R within(Ids ids, Supplier<R> body) {
        // the caller's sampled flag is passed on as it came; a trace of our own is sampled
        boolean sampled = callers().map(TraceParent::sampled).orElse(true);
        return TraceParent.within(new TraceParent(ids.traceId(), ids.spanId(), sampled), body);
    }

    /** The current request's valid traceparent, if any. */
    static Optional<TraceParent> callers() {
        ServiceRequestContext ctx = ServiceRequestContext.currentOrNull();
        return ctx == null ? Optional.empty() : TraceParent.parse(ctx.request().headers().get(TraceParent.HEADER));
    }
}

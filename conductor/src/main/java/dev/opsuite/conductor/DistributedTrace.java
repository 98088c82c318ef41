package dev.opsuite.conductor;

import java.util.function.Supplier;

/**
 * The distributed (W3C Trace Context / OpenTelemetry) trace a request belongs to, as the conductor needs
 * it: the ids recorded in the Execution Trace when it opens (Trace.otel_trace_id, otel_span_id,
 * otel_parent_span_id), and the request's root span made current while the stages run, so that every
 * stage call carries it. The gateway implements it from the caller's {@code traceparent}; exporting the
 * finished trace as spans is a {@link TraceSink}'s business, not the conductor's.
 */
public interface DistributedTrace {
    /**
     * The ids of a new request's root span: the caller's trace continued, or a new trace; null when the
     * request belongs to no distributed trace (no caller's trace and nothing exported).
     */
    Ids open();

    /** Runs {@code body} with {@code ids}' root span current for the calls it makes. */
    <R> R within(Ids ids, Supplier<R> body);

    /**
     * @param traceId      32 lowercase hex digits
     * @param spanId       the root span's id, 16 lowercase hex digits
     * @param parentSpanId the caller's span the root continues, or "" for none
     */
    record Ids(String traceId, String spanId, String parentSpanId) {}

    /** No distributed trace: nothing recorded, nothing made current. */
    DistributedTrace NONE = new DistributedTrace() {
        @Override
        public Ids open() {
            return null;
        }

        @Override
        public <R> R within(Ids ids, Supplier<R> body) {
            return body.get();
        }
    };
}

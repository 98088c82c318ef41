package dev.opsuite.conductor;

import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.Trace;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The one skeleton of every traced operation — an ask, a stage test, a UI action: open the trace
 * (a fresh id, feature, endpoint, the caller), run the body, and write the trace whatever happens.
 * On success the trace gets its duration and goes to the sink before the answer is made; on any
 * failure the trace is marked {@code error} (an ask stopped because its caller left:
 * {@code cancelled}) with the failure's message, still written, and the failure reaches the edge as
 * a {@link Conductor.TracedFailure} carrying the trace id (an unexpected exception as INTERNAL
 * "internal error (trace …)"). A JVM {@link Error} is rethrown as it is, after its trace is written.
 */
final class TracedOperation {
    /** The operation itself; it fills in the trace (stages, status, answer) as it goes. */
    @FunctionalInterface
    interface Body<R> {
        R run(Trace.Builder trace);
    }

    /** The answer, made from what the body returned and the trace as written. */
    @FunctionalInterface
    interface Answer<R, T> {
        T of(R ran, Trace done);
    }

    private final TraceSink traces;
    private final Caller caller;
    private final DistributedTrace distributed;

    TracedOperation(TraceSink traces, Caller caller, DistributedTrace distributed) {
        this.traces = traces;
        this.caller = caller;
        this.distributed = distributed;
    }

    /** A new trace of a POST to {@code endpoint}: a fresh id, the caller's id and roles. */
    Trace.Builder open(String feature, String endpoint, OffsetDateTime createdAt, String mode, String question,
                       List<String> roles) {
        Trace.Builder trace = Trace.newBuilder().setTraceId(UUID.randomUUID().toString().replace("-", ""))
                .setFeature(feature).setEndpoint(endpoint).setMethod("POST").setOpsMode(mode).setQuestion(question)
                .setCreatedAt(createdAt.toString()).addAllRoles(roles).setCaller(caller.id());
        // the caller's distributed trace (W3C traceparent) continued, or a new one when spans are exported
        DistributedTrace.Ids ids = distributed.open();
        if (ids != null) {
            trace.setOtelTraceId(ids.traceId()).setOtelSpanId(ids.spanId()).setOtelParentSpanId(ids.parentSpanId());
        }
        return trace;
    }

    /** Runs the body under the trace; the trace is written exactly once, on success or failure. */
    <R, T> T run(Trace.Builder trace, Body<R> body, Answer<R, T> answer) {
        long start = System.nanoTime();
        String traceId = trace.getTraceId();
        R ran;
        Trace done;
        try {
            ran = trace.getOtelTraceId().isEmpty() ? body.run(trace)
                    // the stage calls carry the request's root span as their traceparent
                    : distributed.within(new DistributedTrace.Ids(trace.getOtelTraceId(), trace.getOtelSpanId(),
                            trace.getOtelParentSpanId()), () -> body.run(trace));
            done = trace.setDurationMs(TraceRecorder.millisSince(start)).build();
        } catch (Throwable t) {
            // an ask whose caller left did not fail: it was stopped (StageListener)
            trace.setDurationMs(TraceRecorder.millisSince(start))
                    .setStatus(t instanceof StageWatch.Cancelled ? "cancelled" : "error")
                    .setErrorMessage(String.valueOf(t.getMessage()));
            traces.submit(trace.build());
            throw failure(t, traceId);
        }
        traces.submit(done);
        try {
            return answer.of(ran, done);
        } catch (RuntimeException e) {
            // the trace is already written (as it ran); the failure still names it
            throw failure(e, traceId);
        }
    }

    private static RuntimeException failure(Throwable t, String traceId) {
        if (t instanceof Error e) {
            throw e;
        }
        if (t instanceof Conductor.TracedFailure f) {
            return f;
        }
        if (t instanceof OpsException e) {
            return new Conductor.TracedFailure(e, traceId);
        }
        return new Conductor.TracedFailure(new OpsException(ErrorCode.INTERNAL, "internal error (trace " + traceId + ")",
                t), traceId);
    }
}

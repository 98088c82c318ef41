package dev.opsuite.conductor;

import dev.opsuite.proto.v1.FetchTraceRequest;
import dev.opsuite.proto.v1.Trace;

/** A trace by id: still queued for storage, or from trace-service. */
public final class TraceLookup {
    private final Stages stages;
    private final TraceSink sink;

    public TraceLookup(Stages stages, TraceSink sink) {
        this.stages = stages;
        this.sink = sink;
    }

    public Trace find(String traceId) {
        return sink.pending(traceId).orElseGet(() ->
                stages.fetchTrace(FetchTraceRequest.newBuilder().setTraceId(traceId).build()).getTrace());
    }
}

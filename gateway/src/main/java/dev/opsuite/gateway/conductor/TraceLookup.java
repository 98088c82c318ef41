package dev.opsuite.gateway.conductor;

import dev.opsuite.proto.v1.FetchTraceRequest;
import dev.opsuite.proto.v1.Trace;

/** A trace by id: still queued for storage, or from trace-service. */
public final class TraceLookup {
    private final StageClients clients;
    private final TraceSink sink;

    public TraceLookup(StageClients clients, TraceSink sink) {
        this.clients = clients;
        this.sink = sink;
    }

    public Trace find(String traceId) {
        return sink.pending(traceId).orElseGet(() -> clients.callTrace("trace-service FetchTrace",
                () -> clients.trace().fetchTrace(FetchTraceRequest.newBuilder().setTraceId(traceId).build())).getTrace());
    }
}

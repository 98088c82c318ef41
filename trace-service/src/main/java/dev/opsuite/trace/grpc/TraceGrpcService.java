package dev.opsuite.trace.grpc;

import dev.opsuite.kit.grpc.Unary;
import dev.opsuite.proto.v1.FetchTraceRequest;
import dev.opsuite.proto.v1.FetchTraceResponse;
import dev.opsuite.proto.v1.SearchTracesRequest;
import dev.opsuite.proto.v1.SearchTracesResponse;
import dev.opsuite.proto.v1.TraceServiceGrpc;
import dev.opsuite.proto.v1.WriteTracesRequest;
import dev.opsuite.proto.v1.WriteTracesResponse;
import dev.opsuite.trace.domain.TraceFilter;
import dev.opsuite.trace.domain.TracePage;
import dev.opsuite.trace.domain.Traces;
import io.grpc.stub.StreamObserver;

/** ops.v1.TraceService over {@link Traces}: map, call, map back. */
public final class TraceGrpcService extends TraceServiceGrpc.TraceServiceImplBase {
    private final Traces traces;

    public TraceGrpcService(Traces traces) {
        this.traces = traces;
    }

    @Override
    public void writeTraces(WriteTracesRequest request, StreamObserver<WriteTracesResponse> out) {
        Unary.respond(out, () -> WriteTracesResponse.newBuilder()
                .setWritten(traces.write(TraceMapper.toNewTraces(request.getTracesList())))
                .build());
    }

    @Override
    public void fetchTrace(FetchTraceRequest request, StreamObserver<FetchTraceResponse> out) {
        Unary.respond(out, () -> FetchTraceResponse.newBuilder()
                .setTrace(TraceMapper.toProto(traces.fetch(request.getTraceId())))
                .build());
    }

    @Override
    public void searchTraces(SearchTracesRequest request, StreamObserver<SearchTracesResponse> out) {
        Unary.respond(out, () -> {
            TraceFilter filter = TraceFilter.of(request.getQ(), request.getRoute(), request.getStatus(),
                    request.getFeature(), request.getParentTraceId());
            TracePage page = traces.search(filter, request.getLimit(), request.getPageToken());
            SearchTracesResponse.Builder b = SearchTracesResponse.newBuilder().setNextPageToken(page.nextPageToken());
            page.traces().forEach(s -> b.addTraces(TraceMapper.toProto(s)));
            return b.build();
        });
    }
}

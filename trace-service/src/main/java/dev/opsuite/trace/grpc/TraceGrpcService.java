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
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

/** ops.v1.TraceService over {@link Traces}: map, call, map back. */
public final class TraceGrpcService implements TraceServiceGrpc.AsyncService, BindableService {
    private final Traces traces;
    private final TraceServiceMeters meters;

    public TraceGrpcService(Traces traces) {
        this(traces, TraceServiceMeters.off());
    }

    public TraceGrpcService(Traces traces, TraceServiceMeters meters) {
        this.traces = traces;
        this.meters = meters;
    }

    /**
     * The generated binding, except that WriteTraces receives each trace as its encoded bytes
     * ({@link RawTraceBatch}); same method name, schema and wire format, so clients and reflection
     * see the contract unchanged.
     */
    @Override
    public ServerServiceDefinition bindService() {
        ServerServiceDefinition generated = TraceServiceGrpc.bindService(this);
        ServiceDescriptor typed = generated.getServiceDescriptor();
        MethodDescriptor<WriteTracesRequest, WriteTracesResponse> typedWrite = TraceServiceGrpc.getWriteTracesMethod();
        MethodDescriptor<RawTraceBatch, WriteTracesResponse> rawWrite =
                typedWrite.toBuilder(RawTraceBatch.MARSHALLER, typedWrite.getResponseMarshaller()).build();
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(typed.getName())
                .setSchemaDescriptor(typed.getSchemaDescriptor());
        for (MethodDescriptor<?, ?> m : typed.getMethods()) {
            descriptor.addMethod(m == typedWrite ? rawWrite : m);
        }
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(descriptor.build());
        for (ServerMethodDefinition<?, ?> m : generated.getMethods()) {
            if (m.getMethodDescriptor() != typedWrite) {
                b.addMethod(m);
            }
        }
        return b.addMethod(rawWrite, ServerCalls.asyncUnaryCall(this::writeTraces)).build();
    }

    private void writeTraces(RawTraceBatch request, StreamObserver<WriteTracesResponse> out) {
        Unary.respond(out, () -> {
            var batch = TraceMapper.toNewTraces(request);
            int written = traces.write(batch);
            meters.traces(batch.size(), written);
            return WriteTracesResponse.newBuilder().setWritten(written).build();
        });
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
                    request.getFeature(), request.getParentTraceId(), request.getCaller(), request.getPlanShape(),
                    request.getSince(), request.getUntil());
            TracePage page = traces.search(filter, request.getLimit(), request.getPageToken());
            SearchTracesResponse.Builder b = SearchTracesResponse.newBuilder().setNextPageToken(page.nextPageToken());
            page.traces().forEach(s -> b.addTraces(TraceMapper.toProto(s)));
            return b.build();
        });
    }
}

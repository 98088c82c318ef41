package dev.opsuite.bench;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import dev.opsuite.proto.v1.FetchTraceRequest;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.TraceServiceGrpc;
import dev.opsuite.proto.v1.WriteTracesRequest;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.opsuite.proto.v1.WriteTracesResponse;
import dev.opsuite.kit.grpc.EncodedRequests;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** gRPC calls of the benchmark: the no-op floor (grpc.health.v1 Check) and trace-service writes. */
final class GrpcProbe implements AutoCloseable {
    private final ManagedChannel channel;

    /**
     * @param tlsDir the product's stage certificates ($OPS_DATA_DIR/tls): stage services speak mutual
     *     TLS; the bench writes traces, so it calls as the gateway identity
     */
    GrpcProbe(int port, java.nio.file.Path tlsDir) throws java.io.IOException {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port, io.grpc.TlsChannelCredentials.newBuilder()
                        .keyManager(tlsDir.resolve("gateway.pem").toFile(), tlsDir.resolve("gateway.key").toFile())
                        .trustManager(tlsDir.resolve("ca.pem").toFile()).build())
                .maxInboundMessageSize(64 * 1024 * 1024).build();
    }

    LoadDriver.Call healthCheck() {
        HealthGrpc.HealthFutureStub stub = HealthGrpc.newFutureStub(channel);
        HealthCheckRequest req = HealthCheckRequest.getDefaultInstance();
        return () -> adapt(stub.withDeadlineAfter(10, TimeUnit.SECONDS).check(req),
                r -> r.getStatus() == HealthCheckResponse.ServingStatus.SERVING);
    }

    Trace fetchTrace(String traceId) {
        return TraceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                .fetchTrace(FetchTraceRequest.newBuilder().setTraceId(traceId).build()).getTrace();
    }

    /**
     * WriteTraces of {@code batch} copies of {@code template}, each with a new id
     * {@code prefix + n}; {@code sent} counts every trace put on the wire, answered or not.
     *
     * <p>The driver must not compete with trace-service for the cores, so it encodes the template
     * once and writes each copy as the template's bytes followed by a fresh trace_id and
     * created_at: protobuf merges concatenated encodings (the last scalar wins), so the service
     * receives exactly a trace with that id. Encoding 200 traces per call the ordinary way cost the
     * driver about a third of what trace-service spent storing them.
     */
    LoadDriver.Call writeTraces(Trace template, int batch, String prefix, AtomicLong sent) {
        byte[] body = template.toBuilder().clearTraceId().clearCreatedAt().build().toByteArray();
        AtomicLong next = new AtomicLong();
        return () -> {
            String now = Instant.now().toString();
            byte[] request;
            try {
                ByteArrayOutputStream buf = new ByteArrayOutputStream(batch * (body.length + 64));
                CodedOutputStream out = CodedOutputStream.newInstance(buf);
                for (int i = 0; i < batch; i++) {
                    byte[] id = Trace.newBuilder().setTraceId(prefix + next.incrementAndGet()).setCreatedAt(now).build()
                            .toByteArray();
                    out.writeTag(WriteTracesRequest.TRACES_FIELD_NUMBER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                    out.writeUInt32NoTag(body.length + id.length);
                    out.writeRawBytes(body);
                    out.writeRawBytes(id);
                }
                out.flush();
                request = buf.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            sent.addAndGet(batch);
            return adapt(ClientCalls.futureUnaryCall(channel.newCall(RAW_WRITE_TRACES,
                    CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS)), request),
                    r -> r.getWritten() == batch);
        };
    }

    /** ops.v1.TraceService/WriteTraces with the request already encoded. */
    private static final MethodDescriptor<byte[], WriteTracesResponse> RAW_WRITE_TRACES =
            EncodedRequests.of(TraceServiceGrpc.getWriteTracesMethod());

    private static <T> CompletableFuture<Boolean> adapt(ListenableFuture<T> f, Predicate<T> ok) {
        CompletableFuture<Boolean> out = new CompletableFuture<>();
        f.addListener(() -> {
            try {
                out.complete(ok.test(f.get()));
            } catch (ExecutionException e) {
                out.complete(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                out.complete(false);
            }
        }, MoreExecutors.directExecutor());
        return out;
    }

    @Override
    public void close() {
        channel.shutdownNow();
    }
}

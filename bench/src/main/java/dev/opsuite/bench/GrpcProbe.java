package dev.opsuite.bench;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import dev.opsuite.proto.v1.FetchTraceRequest;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.TraceServiceGrpc;
import dev.opsuite.proto.v1.WriteTracesRequest;
import io.grpc.ManagedChannel;
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

    GrpcProbe(int port) {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext()
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
     */
    LoadDriver.Call writeTraces(Trace template, int batch, String prefix, AtomicLong sent) {
        TraceServiceGrpc.TraceServiceFutureStub stub = TraceServiceGrpc.newFutureStub(channel);
        AtomicLong next = new AtomicLong();
        return () -> {
            WriteTracesRequest.Builder req = WriteTracesRequest.newBuilder();
            String now = Instant.now().toString();
            for (int i = 0; i < batch; i++) {
                req.addTraces(template.toBuilder().setTraceId(prefix + next.incrementAndGet()).setCreatedAt(now));
            }
            sent.addAndGet(batch);
            return adapt(stub.withDeadlineAfter(30, TimeUnit.SECONDS).writeTraces(req.build()),
                    r -> r.getWritten() == batch);
        };
    }

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

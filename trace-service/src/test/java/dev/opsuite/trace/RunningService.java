package dev.opsuite.trace;

import dev.opsuite.proto.v1.AssetServiceGrpc;
import dev.opsuite.proto.v1.TraceServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.concurrent.TimeUnit;

/** A started {@link TraceServiceApp} and a real loopback channel to it. */
final class RunningService implements AutoCloseable {
    final TraceServiceApp app;
    final ManagedChannel channel;

    private RunningService(TraceServiceApp app) {
        this.app = app;
        this.channel = ManagedChannelBuilder.forAddress("127.0.0.1", app.port()).usePlaintext().build();
    }

    static RunningService start(TraceConfig cfg) {
        return new RunningService(TraceServiceApp.start(cfg));
    }

    /** Every call gets a deadline, as in production. */
    TraceServiceGrpc.TraceServiceBlockingStub traces() {
        return TraceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    AssetServiceGrpc.AssetServiceBlockingStub assets() {
        return AssetServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        app.close();
    }
}

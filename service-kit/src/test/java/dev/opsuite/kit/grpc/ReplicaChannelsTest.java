package dev.opsuite.kit.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.AssetServiceGrpc;
import dev.opsuite.proto.v1.GetAssetRequest;
import dev.opsuite.proto.v1.GetAssetResponse;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.SaveAssetRequest;
import dev.opsuite.proto.v1.SaveAssetResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A replica list target balances over real gRPC servers on loopback TCP, repeats an UNAVAILABLE read on
 * the other replica but never a write listed in {@link StageRetries}, and loses no call when a replica stops.
 */
class ReplicaChannelsTest {

    /** One replica: counts its calls; while {@code failing}, answers UNAVAILABLE as a dying server would. */
    private static final class Replica extends AssetServiceGrpc.AssetServiceImplBase {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicInteger writes = new AtomicInteger();
        final AtomicBoolean failing = new AtomicBoolean();

        @Override
        public void getAsset(GetAssetRequest request, StreamObserver<GetAssetResponse> out) {
            reads.incrementAndGet();
            if (failing.get()) {
                out.onError(Status.UNAVAILABLE.withDescription("replica going away").asRuntimeException());
                return;
            }
            out.onNext(GetAssetResponse.newBuilder().setAsset(ResolvedAsset.newBuilder().setName(request.getName()))
                    .build());
            out.onCompleted();
        }

        @Override
        public void saveAsset(SaveAssetRequest request, StreamObserver<SaveAssetResponse> out) {
            writes.incrementAndGet();
            if (failing.get()) {
                out.onError(Status.UNAVAILABLE.withDescription("replica going away").asRuntimeException());
                return;
            }
            out.onNext(SaveAssetResponse.getDefaultInstance());
            out.onCompleted();
        }
    }

    private static GrpcServerRunner start(Replica r) throws Exception {
        return GrpcServerRunner.start("replica", "127.0.0.1", 0, List.of(r), List.of(), 4, 1024 * 1024);
    }

    private static ManagedChannel channel(GrpcServerRunner a, GrpcServerRunner b) {
        return Channels.to("127.0.0.1:" + a.port() + ",127.0.0.1:" + b.port(), 1024 * 1024, Channels.Transport.AUTO,
                "gateway", AssetServiceGrpc.SERVICE_NAME);
    }

    private static GetAssetResponse read(ManagedChannel ch) {
        return AssetServiceGrpc.newBlockingStub(ch).withDeadlineAfter(5, TimeUnit.SECONDS)
                .getAsset(GetAssetRequest.newBuilder().setName("n").build());
    }

    /** Calls until both replicas have answered one (each connects and passes its health check in its own time). */
    private static void untilBothServe(ManagedChannel ch, Replica ra, Replica rb) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((ra.reads.get() == 0 || rb.reads.get() == 0) && System.nanoTime() < until) {
            read(ch);
            Thread.sleep(5);
        }
        assertTrue(ra.reads.get() > 0 && rb.reads.get() > 0, "both replicas serve: " + ra.reads + " / " + rb.reads);
    }

    @Test
    void readsAreSpreadAndRepeatedOnTheOtherReplicaWritesAreNot() throws Exception {
        Replica ra = new Replica();
        Replica rb = new Replica();
        try (GrpcServerRunner a = start(ra); GrpcServerRunner b = start(rb)) {
            ManagedChannel ch = channel(a, b);
            try {
                untilBothServe(ch, ra, rb);
                int a0 = ra.reads.get();
                int b0 = rb.reads.get();
                for (int i = 0; i < 40; i++) {
                    assertEquals("n", read(ch).getAsset().getName());
                }
                // round_robin: once both are READY, calls alternate between them (pick_first would send all to one)
                assertTrue(ra.reads.get() - a0 >= 15 && rb.reads.get() - b0 >= 15, ra.reads + " / " + rb.reads);

                ra.failing.set(true);
                int before = rb.reads.get();
                for (int i = 0; i < 20; i++) {
                    assertEquals("n", read(ch).getAsset().getName()); // every one answered by b
                }
                assertEquals(20, rb.reads.get() - before);

                // a write that failed UNAVAILABLE on a replica it reached is not repeated anywhere
                int failed = 0;
                for (int i = 0; i < 10; i++) {
                    try {
                        AssetServiceGrpc.newBlockingStub(ch).withDeadlineAfter(5, TimeUnit.SECONDS)
                                .saveAsset(SaveAssetRequest.getDefaultInstance());
                    } catch (StatusRuntimeException e) {
                        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
                        failed++;
                    }
                }
                assertEquals(ra.writes.get(), failed, "each failed write reached a only once");
                assertTrue(failed > 0 && rb.writes.get() == 10 - failed, ra.writes + " / " + rb.writes);
            } finally {
                ch.shutdownNow();
            }
        }
    }

    @Test
    void aReplicaStoppingUnderLoadLosesNoCall() throws Exception {
        Replica ra = new Replica();
        Replica rb = new Replica();
        GrpcServerRunner a = start(ra);
        try (GrpcServerRunner b = start(rb)) {
            ManagedChannel ch = channel(a, b);
            ExecutorService callers = Executors.newFixedThreadPool(4);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger ok = new AtomicInteger();
            List<Future<List<String>>> runs = new ArrayList<>();
            try {
                untilBothServe(ch, ra, rb);
                for (int c = 0; c < 4; c++) {
                    runs.add(callers.submit(() -> {
                        List<String> errors = new ArrayList<>();
                        while (!stop.get()) {
                            try {
                                read(ch);
                                ok.incrementAndGet();
                            } catch (StatusRuntimeException e) {
                                errors.add(e.getStatus().toString());
                            }
                        }
                        return errors;
                    }));
                }
                Thread.sleep(300);
                int aBefore = ra.reads.get();
                a.close(); // NOT_SERVING at once, in-flight calls finish, then the port closes
                int bAtStop = rb.reads.get();
                Thread.sleep(700);
                stop.set(true);
                List<String> errors = new ArrayList<>();
                for (Future<List<String>> f : runs) {
                    errors.addAll(f.get(10, TimeUnit.SECONDS));
                }
                assertTrue(errors.isEmpty(), errors.size() + " failed calls: " + errors.stream().limit(5).toList());
                assertTrue(aBefore > 0, "a served before it stopped");
                assertTrue(rb.reads.get() - bAtStop > 0, "b served the rest");
                assertTrue(ok.get() > 50, "calls made: " + ok.get());
            } finally {
                stop.set(true);
                callers.shutdownNow();
                ch.shutdownNow();
                a.close();
            }
        }
    }
}

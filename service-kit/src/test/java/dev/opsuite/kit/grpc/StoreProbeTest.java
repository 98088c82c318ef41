package dev.opsuite.kit.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** grpc.health.v1 follows the store check: NOT_SERVING while it fails, SERVING when it passes again. */
class StoreProbeTest {

    @Test
    void healthFollowsTheStores() throws Exception {
        AtomicBoolean up = new AtomicBoolean(true);
        try (GrpcServerRunner server = GrpcServerRunner.start("probe-test", "127.0.0.1", 0, List.of());
             StoreProbe probe = StoreProbe.every(1, "probe-test", server, up::get)) {
            ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
            try {
                assertEquals(ServingStatus.SERVING, await(ch, ServingStatus.SERVING));
                up.set(false);
                assertEquals(ServingStatus.NOT_SERVING, await(ch, ServingStatus.NOT_SERVING));
                up.set(true);
                assertEquals(ServingStatus.SERVING, await(ch, ServingStatus.SERVING));
            } finally {
                ch.shutdownNow();
            }
        }
    }

    private static ServingStatus await(ManagedChannel ch, ServingStatus wanted) throws InterruptedException {
        ServingStatus s = null;
        // generous deadline: a loaded CI machine may take seconds to connect; the loop bounds the wait
        for (int i = 0; i < 100 && s != wanted; i++) {
            s = HealthGrpc.newBlockingStub(ch).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .check(HealthCheckRequest.getDefaultInstance()).getStatus();
            if (s != wanted) {
                Thread.sleep(100);
            }
        }
        return s;
    }
}

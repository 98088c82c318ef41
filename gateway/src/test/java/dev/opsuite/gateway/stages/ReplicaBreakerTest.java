package dev.opsuite.gateway.stages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.grpc.Channels;
import dev.opsuite.kit.grpc.GrpcServerRunner;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.ExecutorServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The gateway's breaker for a stage service counts an outage only when no replica is reachable: with one
 * replica of two dead, every call is served by the other and the breaker stays closed; with both gone it opens.
 */
class ReplicaBreakerTest {

    private static final class Executor extends ExecutorServiceGrpc.ExecutorServiceImplBase {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void execute(ExecuteRequest request, StreamObserver<ExecuteResponse> out) {
            calls.incrementAndGet();
            out.onNext(ExecuteResponse.getDefaultInstance());
            out.onCompleted();
        }
    }

    private static int deadPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // closed again: connections to it are refused
        }
    }

    @Test
    void oneDeadReplicaIsNoOutageBothAre() throws Exception {
        Executor live = new Executor();
        GrpcServerRunner server = GrpcServerRunner.start("executor-service", "127.0.0.1", 0, List.of(live), List.of(),
                2, 1024 * 1024);
        String executors = "127.0.0.1:" + deadPort() + ",127.0.0.1:" + server.port();
        try (StageClients clients = new StageClients("127.0.0.1:" + deadPort(), executors, "127.0.0.1:" + deadPort(),
                2_000, false, Channels.Transport.TCP)) {
            for (int i = 0; i < 20; i++) {
                clients.callExecutor("executor-service Execute", () -> clients.executor()
                        .execute(ExecuteRequest.getDefaultInstance()));
            }
            assertEquals(20, live.calls.get(), "every call served by the live replica");
            assertTrue(clients.breakerStates().stream().allMatch(s -> s.state().equals("CLOSED")),
                    clients.breakerStates().toString());

            server.close();
            for (int i = 0; i < 3; i++) {
                assertThrows(OpsException.class, () -> clients.callExecutor("executor-service Execute",
                        () -> clients.executor().execute(ExecuteRequest.getDefaultInstance())));
            }
            assertTrue(clients.breakerStates().stream().anyMatch(s -> s.name().equals("executor-service")
                    && s.state().equals("OPEN")), clients.breakerStates().toString());
            OpsException fast = assertThrows(OpsException.class, () -> clients.callExecutor("executor-service Execute",
                    () -> clients.executor().execute(ExecuteRequest.getDefaultInstance())));
            assertTrue(fast.getMessage().contains("known down"), fast.getMessage());
        } finally {
            server.close();
        }
    }
}

package dev.opsuite.kit.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.config.Env;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * OPS_GRPC_HEALTH_PORT: a stage server run apart (mutual TLS on its own port) answers grpc.health.v1 in
 * plaintext on the health port — the same status — and nothing else there; its stage port still refuses
 * plaintext.
 */
class HealthPortTest {
    @AfterEach
    void reset() {
        GrpcServerRunner.configureHealthPort(Env.of(Map.of()));
        StageAuth.configure("");
    }

    @Test
    void healthAloneInPlaintextBesideAMutualTlsPort() throws Exception {
        Path tls = Files.createTempDirectory("health-port-tls");
        StagePki.ensure(tls, List.of());
        StageAuth.configureTls(tls);
        GrpcServerRunner.configureHealthPort(Env.of(Map.of("OPS_GRPC_HEALTH_PORT", "0")));
        try (GrpcServerRunner runner = GrpcServerRunner.start("planner-service", "127.0.0.1", 0, List.of())) {
            assertTrue(runner.healthPort() > 0);
            ManagedChannel health = plaintext(runner.healthPort());
            ManagedChannel stage = plaintext(runner.port());
            try {
                assertEquals(ServingStatus.SERVING, check(health));
                runner.setServing(false);
                assertEquals(ServingStatus.NOT_SERVING, check(health), "the same status as the stage port's");
                runner.setServing(true);
                assertEquals(ServingStatus.SERVING, check(health));
                assertEquals(Status.Code.UNIMPLEMENTED, reflect(health), "nothing but health on the health port");
                StatusRuntimeException tlsOnly = assertThrows(StatusRuntimeException.class, () -> check(stage));
                assertEquals(Status.Code.UNAVAILABLE, tlsOnly.getStatus().getCode(), "the stage port speaks TLS only");
            } finally {
                health.shutdownNow();
                stage.shutdownNow();
            }
        }
    }

    @Test
    void noHealthPortUnlessConfigured() throws Exception {
        try (GrpcServerRunner runner = GrpcServerRunner.start("planner-service", "127.0.0.1", 0, List.of())) {
            assertEquals(-1, runner.healthPort());
        }
    }

    @Test
    void aValueThatIsNotAPortIsRefused() {
        for (String bad : List.of("http", "-2", "65536")) {
            assertThrows(IllegalArgumentException.class,
                    () -> GrpcServerRunner.configureHealthPort(Env.of(Map.of("OPS_GRPC_HEALTH_PORT", bad))), bad);
        }
    }

    private static ManagedChannel plaintext(int port) {
        return Grpc.newChannelBuilderForAddress("127.0.0.1", port, InsecureChannelCredentials.create()).build();
    }

    private static ServingStatus check(ManagedChannel channel) {
        return HealthGrpc.newBlockingStub(channel).withDeadlineAfter(5, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance()).getStatus();
    }

    private static Status.Code reflect(ManagedChannel channel) throws Exception {
        CompletableFuture<Status.Code> done = new CompletableFuture<>();
        StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
                .withDeadlineAfter(5, TimeUnit.SECONDS).serverReflectionInfo(new StreamObserver<>() {
                    @Override
                    public void onNext(ServerReflectionResponse value) {
                        done.complete(Status.Code.OK);
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.complete(Status.fromThrowable(t).getCode());
                    }

                    @Override
                    public void onCompleted() {
                        done.complete(Status.Code.OK);
                    }
                });
        requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
        requests.onCompleted();
        return done.get(10, TimeUnit.SECONDS);
    }
}

package dev.opsuite.kit.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests name stage services as {@code dns:///<service>:<port>} (deploy/k8s): such a target
 * resolves through gRPC's DNS resolver, and mutual TLS checks the server certificate against the host part,
 * which the certificates of {@code ./ops tls DIR HOST...} carry.
 */
class DnsTargetTlsTest {
    @AfterEach
    void reset() {
        StageAuth.configure("");
    }

    @Test
    void aDnsTargetReachesAStageServerOverMutualTls() throws Exception {
        Path tls = Files.createTempDirectory("dns-target-tls");
        StagePki.ensure(tls, List.of()); // names localhost, as ./ops tls names the Services
        StageAuth.configureTls(tls);
        try (GrpcServerRunner runner = GrpcServerRunner.start("planner-service", "127.0.0.1", 0, List.of())) {
            ManagedChannel channel = Channels.to("dns:///localhost:" + runner.port(), 1 << 20, Channels.Transport.TCP,
                    "gateway");
            try {
                assertEquals(ServingStatus.SERVING, HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.getDefaultInstance()).getStatus());
            } finally {
                channel.shutdownNow();
            }
        }
    }
}

package dev.opsuite.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.config.Env;
import dev.opsuite.proto.v1.SearchTracesRequest;
import dev.opsuite.proto.v1.TraceServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerBasicsTest {

    @Test
    void healthIsServingAndReflectionListsTheServices() throws Exception {
        try (RunningService svc = RunningService.start(TestDatabase.config(TestDatabase.freshDatabaseUrl()))) {
            HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(svc.channel)
                    .withDeadlineAfter(5, TimeUnit.SECONDS);
            for (String service : List.of("", "ops.v1.TraceService", "ops.v1.AssetService")) {
                assertEquals(HealthCheckResponse.ServingStatus.SERVING,
                        health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus(), service);
            }

            CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
            StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(svc.channel)
                    .withDeadlineAfter(5, TimeUnit.SECONDS)
                    .serverReflectionInfo(new StreamObserver<>() {
                        @Override
                        public void onNext(ServerReflectionResponse r) {
                            answer.complete(r);
                        }

                        @Override
                        public void onError(Throwable t) {
                            answer.completeExceptionally(t);
                        }

                        @Override
                        public void onCompleted() {
                        }
                    });
            requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
            requests.onCompleted();
            List<String> services = answer.get(5, TimeUnit.SECONDS).getListServicesResponse().getServiceList()
                    .stream().map(ServiceResponse::getName).toList();
            assertTrue(services.containsAll(List.of("ops.v1.TraceService", "ops.v1.AssetService",
                    "grpc.health.v1.Health")), services.toString());
        }
    }

    @Test
    void closeStopsTheServerAndIsIdempotent() throws InterruptedException {
        TraceServiceApp app = TraceServiceApp.start(TestDatabase.config(TestDatabase.freshDatabaseUrl()));
        ManagedChannel channel = ManagedChannelBuilder.forAddress("127.0.0.1", app.port()).usePlaintext().build();
        try {
            TraceServiceGrpc.TraceServiceBlockingStub stub = TraceServiceGrpc.newBlockingStub(channel);
            assertEquals(0, stub.withDeadlineAfter(5, TimeUnit.SECONDS)
                    .searchTraces(SearchTracesRequest.getDefaultInstance()).getTracesCount());
            app.close();
            app.close();
            GrpcAssertions.assertStatus(Status.Code.UNAVAILABLE, () -> stub.withDeadlineAfter(5, TimeUnit.SECONDS)
                    .searchTraces(SearchTracesRequest.getDefaultInstance()));
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void configReadsTheEnvironmentWithDefaults() {
        TraceConfig cfg = TraceConfig.from(Env.of(Map.of("OPS_TRACE_DB_URL", "jdbc:postgresql://db:5432/ops")));
        assertEquals(new TraceConfig("127.0.0.1", 9093, "jdbc:postgresql://db:5432/ops", null, null, 8,
                Optional.empty()), cfg);

        TraceConfig full = TraceConfig.from(Env.of(Map.of(
                "OPS_TRACE_DB_URL", "jdbc:postgresql://db:5432/ops?password=hunter2",
                "OPS_TRACE_HOST", "0.0.0.0", "OPS_TRACE_PORT", "19093", "OPS_TRACE_DB_USER", "ops",
                "OPS_TRACE_DB_PASSWORD", "s3cret", "OPS_TRACE_DB_POOL", "16", "OPS_ASSET_SEED_DIR", "/seed")));
        assertEquals(new TraceConfig("0.0.0.0", 19093, "jdbc:postgresql://db:5432/ops?password=hunter2", "ops",
                "s3cret", 16, Optional.of(Path.of("/seed"))), full);
        assertFalse(full.toString().contains("s3cret"), full.toString());
        assertFalse(full.toString().contains("hunter2"), full.toString());

        assertThrows(IllegalArgumentException.class, () -> TraceConfig.from(Env.of(Map.of())));
        assertThrows(IllegalArgumentException.class, () -> TraceConfig.from(Env.of(Map.of(
                "OPS_TRACE_DB_URL", "jdbc:postgresql://db/ops", "OPS_TRACE_PORT", "ninety"))));
        assertThrows(IllegalArgumentException.class, () -> TraceConfig.from(Env.of(Map.of(
                "OPS_TRACE_DB_URL", "jdbc:postgresql://db/ops", "OPS_TRACE_DB_POOL", "0"))));
    }
}

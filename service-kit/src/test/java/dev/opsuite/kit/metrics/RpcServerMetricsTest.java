package dev.opsuite.kit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.grpc.Channels;
import dev.opsuite.kit.grpc.GrpcServerRunner;
import dev.opsuite.proto.v1.AssetServiceGrpc;
import dev.opsuite.proto.v1.GetAssetRequest;
import dev.opsuite.proto.v1.GetAssetResponse;
import dev.opsuite.proto.v1.ResolvedAsset;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server given a registry times every call by server, service, method and status — over TCP and
 * in-process alike, a failed call and one past its deadline too — as a Prometheus histogram; the request's content
 * is in no label.
 */
class RpcServerMetricsTest {
    private static final class Assets extends AssetServiceGrpc.AssetServiceImplBase {
        @Override
        public void getAsset(GetAssetRequest request, StreamObserver<GetAssetResponse> out) {
            switch (request.getName()) {
                case "denied" -> out.onError(Status.PERMISSION_DENIED.withDescription("no").asRuntimeException());
                case "slow" -> { // until the caller's deadline cancels the call, which then gets no reply
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (!Context.current().isCancelled() && System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                }
                default -> {
                    out.onNext(GetAssetResponse.newBuilder().setAsset(ResolvedAsset.newBuilder()
                            .setName(request.getName())).build());
                    out.onCompleted();
                }
            }
        }
    }

    private static void call(ManagedChannel ch, String name, long deadlineMs) {
        AssetServiceGrpc.newBlockingStub(ch).withDeadlineAfter(deadlineMs, TimeUnit.MILLISECONDS)
                .getAsset(GetAssetRequest.newBuilder().setAssetType("query").setName(name).build());
    }

    @Test
    void everyCallIsTimedByMethodAndStatus() throws Exception {
        try (ProcessMetrics metrics = ProcessMetrics.prometheus();
             GrpcServerRunner server = GrpcServerRunner.start("trace-service", "127.0.0.1", 0, List.of(new Assets()),
                     metrics)) {
            String target = "127.0.0.1:" + server.port();
            ManagedChannel tcp = Channels.to(target, 1024 * 1024, Channels.Transport.TCP, "gateway");
            ManagedChannel local = Channels.to(target, 1024 * 1024, Channels.Transport.AUTO, "gateway");
            try {
                call(tcp, "서버A의 CPU", 5_000);
                call(local, "SVR001", 5_000);
                assertEquals(Status.Code.PERMISSION_DENIED, assertThrows(StatusRuntimeException.class,
                        () -> call(tcp, "denied", 5_000)).getStatus().getCode());
                assertEquals(Status.Code.DEADLINE_EXCEEDED, assertThrows(StatusRuntimeException.class,
                        () -> call(tcp, "slow", 100)).getStatus().getCode());
                // the server sees the cancellation a moment after the caller gave up
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (!metrics.prometheusRegistry().scrape().contains("status=\"DEADLINE_EXCEEDED\"")
                        && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
            } finally {
                tcp.shutdownNow();
                local.shutdownNow();
            }
            PrometheusText text = PrometheusText.parse(metrics.prometheusRegistry().scrape());
            assertEquals("histogram", text.families().get("ops_rpc_server_duration_seconds"));
            Map<String, String> getAsset = Map.of("server", "trace-service", "service", "ops.v1.AssetService",
                    "method", "GetAsset");
            List<PrometheusText.Sample> counts = text.samples("ops_rpc_server_duration_seconds_count", getAsset);
            assertEquals(Set.of("OK", "PERMISSION_DENIED", "DEADLINE_EXCEEDED"),
                    Set.copyOf(counts.stream().map(s -> s.labels().get("status")).toList()), counts.toString());
            assertEquals(2.0, text.samples("ops_rpc_server_duration_seconds_count",
                    Map.of("method", "GetAsset", "status", "OK")).get(0).value(), "TCP and in-process");
            assertTrue(text.samples("ops_rpc_server_duration_seconds_bucket", getAsset).size() > 10, "buckets");
            assertEquals(Set.of("server", "service", "method", "status", "le"),
                    Set.copyOf(text.samples("ops_rpc_server_duration_seconds_bucket").stream()
                            .flatMap(s -> s.labels().keySet().stream()).toList()));
            assertTrue(text.allLabelValues().stream().noneMatch(v -> v.contains("서버") || v.contains("SVR001")
                    || v.contains("denied") || v.contains("slow")), "nothing of a request in a label");
        }
    }
}

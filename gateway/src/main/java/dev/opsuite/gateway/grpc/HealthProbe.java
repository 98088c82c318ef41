package dev.opsuite.gateway.grpc;

import dev.opsuite.proto.v1.ComponentHealth;
import dev.opsuite.proto.v1.GetHealthResponse;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Readiness: asks each stage service's grpc.health.v1 (executor-service and trace-service report
 * NOT_SERVING while their stores are unreachable).
 */
public final class HealthProbe {
    private final List<Map.Entry<String, ManagedChannel>> channels;
    private volatile String startupPending;

    private final java.util.function.Supplier<List<dev.opsuite.proto.v1.BreakerState>> breakers;

    /** @param breakers the circuit breakers to show: the gateway's per stage service and executor-service's per Source */
    public HealthProbe(List<Map.Entry<String, ManagedChannel>> channels, String startupPending,
                       java.util.function.Supplier<List<dev.opsuite.proto.v1.BreakerState>> breakers) {
        this.channels = channels;
        this.startupPending = startupPending;
        this.breakers = breakers;
    }

    /** Start-up work still running beside the services (e.g. the demo load); null when done. */
    public void setStartupPending(String what) {
        this.startupPending = what;
    }

    public GetHealthResponse check() {
        GetHealthResponse.Builder report = GetHealthResponse.newBuilder().setReady(true);
        report.addComponents(ComponentHealth.newBuilder().setName("gateway").setStatus("SERVING"));
        String pending = startupPending;
        if (pending != null) {
            report.setReady(false);
            report.addComponents(ComponentHealth.newBuilder().setName("startup").setStatus("NOT_SERVING")
                    .setDetail(pending));
        }
        for (Map.Entry<String, ManagedChannel> e : channels) {
            String status;
            String detail = "";
            try {
                HealthCheckResponse r = HealthGrpc.newBlockingStub(e.getValue()).withDeadlineAfter(1, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.newBuilder().setService("").build());
                status = r.getStatus().name();
            } catch (StatusRuntimeException ex) {
                e.getValue().resetConnectBackoff();
                status = "UNKNOWN";
                detail = ex.getStatus().getCode().name();
            }
            if (!"SERVING".equals(status)) {
                report.setReady(false);
            }
            report.addComponents(ComponentHealth.newBuilder().setName(e.getKey()).setStatus(status).setDetail(detail));
        }
        // an open breaker is a known outage: calls needing it fail at once until a background check closes it.
        // Health is open to anyone: the state and since when, never the driver's error (hosts, ports) — that is logged
        for (dev.opsuite.proto.v1.BreakerState b : breakers.get()) {
            report.addComponents(ComponentHealth.newBuilder().setName("breaker " + b.getName()).setStatus(b.getState())
                    .setDetail(b.getState().equals("OPEN") ? "since " + b.getSince() : ""));
        }
        return report.build();
    }
}

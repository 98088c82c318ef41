package dev.opsuite.trace;

import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.metrics.MetricsPort;
import dev.opsuite.kit.metrics.ProcessMetrics;
import java.util.Optional;

/** Runs trace-service as its own process, configured from the environment (see README.md). */
public final class TraceServiceMain {
    private TraceServiceMain() {}

    public static void main(String[] args) throws InterruptedException {
        // stage calls over TCP: mutual TLS with OPS_STAGE_TLS_DIR, or OPS_STAGE_TLS=off with OPS_STAGE_TOKEN
        dev.opsuite.kit.grpc.StageAuth.configure(Env.system());
        // OPS_GRPC_HEALTH_PORT: grpc.health.v1 alone in plaintext, for probes without a certificate (Kubernetes)
        dev.opsuite.kit.grpc.GrpcServerRunner.configureHealthPort(Env.system());
        // OPS_METRICS_PORT: its meters at GET /metrics in the Prometheus text format (unset: none kept)
        Optional<MetricsPort> metrics = MetricsPort.start(Env.system(), "trace-service");
        TraceServiceApp app;
        try {
            app = TraceServiceApp.start(TraceConfig.from(Env.system()),
                    metrics.map(MetricsPort::metrics).orElseGet(ProcessMetrics::off));
        } catch (RuntimeException | Error e) {
            metrics.ifPresent(MetricsPort::close); // its HTTP server would keep the JVM up
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            metrics.ifPresent(MetricsPort::close);
        }, "trace-service-shutdown"));
        app.awaitTermination();
    }
}

package dev.opsuite.kit.grpc;

import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.metrics.MetricsPort;
import dev.opsuite.kit.metrics.ProcessMetrics;
import java.util.Optional;

/**
 * The start of a stage service run as its own process (planner-, executor- and trace-service's main
 * classes): stage-call authentication and the plaintext health port from the environment, the metrics
 * port when OPS_METRICS_PORT is set, the service itself, a shutdown hook closing both, then waiting
 * until the server ends.
 */
public final class StageMain {
    private StageMain() {}

    /** A started stage service. */
    public interface Service extends AutoCloseable {
        void awaitTermination() throws InterruptedException;

        @Override
        void close();
    }

    /** Starts the service on the environment's configuration with the given meters. */
    @FunctionalInterface
    public interface Starter {
        Service start(Env env, ProcessMetrics metrics) throws Exception;
    }

    /** @param service its name in the metrics and the shutdown thread (e.g. "planner-service") */
    public static void run(String service, Starter starter) throws Exception {
        Env env = Env.system();
        // stage calls over TCP: mutual TLS with OPS_STAGE_TLS_DIR, or OPS_STAGE_TLS=off with OPS_STAGE_TOKEN
        StageAuth.configure(env);
        // OPS_GRPC_HEALTH_PORT: grpc.health.v1 alone in plaintext, for probes without a certificate (Kubernetes)
        GrpcServerRunner.configureHealthPort(env);
        // OPS_METRICS_PORT: its meters at GET /metrics in the Prometheus text format (unset: none kept)
        Optional<MetricsPort> metrics = MetricsPort.start(env, service);
        Service app;
        try {
            app = starter.start(env, metrics.map(MetricsPort::metrics).orElseGet(ProcessMetrics::off));
        } catch (Exception | Error e) {
            metrics.ifPresent(MetricsPort::close); // its HTTP server would keep the JVM up
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            metrics.ifPresent(MetricsPort::close);
        }, service + "-shutdown"));
        app.awaitTermination();
    }
}

package dev.opsuite.trace;

import dev.opsuite.kit.config.Env;

/** Runs trace-service as its own process, configured from the environment (see README.md). */
public final class TraceServiceMain {
    private TraceServiceMain() {}

    public static void main(String[] args) throws InterruptedException {
        // stage calls over TCP: mutual TLS with OPS_STAGE_TLS_DIR, or OPS_STAGE_TLS=off with OPS_STAGE_TOKEN
        dev.opsuite.kit.grpc.StageAuth.configure(Env.system());
        // OPS_GRPC_HEALTH_PORT: grpc.health.v1 alone in plaintext, for probes without a certificate (Kubernetes)
        dev.opsuite.kit.grpc.GrpcServerRunner.configureHealthPort(Env.system());
        TraceServiceApp app = TraceServiceApp.start(TraceConfig.from(Env.system()));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "trace-service-shutdown"));
        app.awaitTermination();
    }
}

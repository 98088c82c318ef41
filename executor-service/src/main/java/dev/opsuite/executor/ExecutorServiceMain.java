package dev.opsuite.executor;

import dev.opsuite.kit.config.Env;

/** Runs executor-service alone: OPS_EXECUTOR_PORT (default 9092), optional OPS_ESTATE_* stores. */
public final class ExecutorServiceMain {
    private ExecutorServiceMain() {}

    public static void main(String[] args) throws Exception {
        // stage calls over TCP: mutual TLS with OPS_STAGE_TLS_DIR, or OPS_STAGE_TLS=off with OPS_STAGE_TOKEN
        dev.opsuite.kit.grpc.StageAuth.configure(Env.system());
        // OPS_GRPC_HEALTH_PORT: grpc.health.v1 alone in plaintext, for probes without a certificate (Kubernetes)
        dev.opsuite.kit.grpc.GrpcServerRunner.configureHealthPort(Env.system());
        ExecutorServiceApp app = ExecutorServiceApp.start(ExecutorConfig.from(Env.system()));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "executor-shutdown"));
        app.awaitTermination();
    }
}

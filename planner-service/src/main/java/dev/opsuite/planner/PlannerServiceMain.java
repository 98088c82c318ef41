package dev.opsuite.planner;

import dev.opsuite.kit.config.Env;

/** Runs planner-service alone: OPS_PLANNER_PORT (default 9091). */
public final class PlannerServiceMain {
    private PlannerServiceMain() {}

    public static void main(String[] args) throws Exception {
        // stage calls over TCP: mutual TLS with OPS_STAGE_TLS_DIR, or OPS_STAGE_TLS=off with OPS_STAGE_TOKEN
        dev.opsuite.kit.grpc.StageAuth.configure(Env.system());
        // OPS_GRPC_HEALTH_PORT: grpc.health.v1 alone in plaintext, for probes without a certificate (Kubernetes)
        dev.opsuite.kit.grpc.GrpcServerRunner.configureHealthPort(Env.system());
        PlannerServiceApp app = PlannerServiceApp.start(PlannerConfig.from(Env.system()));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "planner-shutdown"));
        app.awaitTermination();
    }
}

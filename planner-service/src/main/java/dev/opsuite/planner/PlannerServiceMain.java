package dev.opsuite.planner;

import dev.opsuite.kit.config.Env;

/** Runs planner-service alone: OPS_PLANNER_PORT (default 9091). */
public final class PlannerServiceMain {
    private PlannerServiceMain() {}

    public static void main(String[] args) throws Exception {
        // stage services answer only callers presenting OPS_STAGE_TOKEN (the gateway and each other)
        dev.opsuite.kit.grpc.StageAuth.configure(Env.system());
        PlannerServiceApp app = PlannerServiceApp.start(PlannerConfig.from(Env.system()));
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "planner-shutdown"));
        app.awaitTermination();
    }
}

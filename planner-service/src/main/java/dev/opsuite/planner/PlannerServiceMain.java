package dev.opsuite.planner;

import dev.opsuite.kit.grpc.StageMain;

/** Runs planner-service alone: OPS_PLANNER_PORT (default 9091). */
public final class PlannerServiceMain {
    private PlannerServiceMain() {}

    public static void main(String[] args) throws Exception {
        StageMain.run("planner-service", (env, metrics) -> PlannerServiceApp.start(PlannerConfig.from(env), metrics));
    }
}

package dev.opsuite.planner;

import dev.opsuite.kit.config.Env;

/** planner-service configuration, read from the environment in one place. */
public record PlannerConfig(String host, int port) {
    public static PlannerConfig from(Env env) {
        return new PlannerConfig(env.get("OPS_PLANNER_HOST", "127.0.0.1"), env.getInt("OPS_PLANNER_PORT", 9091));
    }
}

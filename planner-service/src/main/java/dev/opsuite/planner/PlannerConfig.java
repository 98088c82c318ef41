package dev.opsuite.planner;

import dev.opsuite.kit.config.Env;
import dev.opsuite.llm.LlmConfig;

/** planner-service configuration, read from the environment in one place (LLM settings: see LlmConfig). */
public record PlannerConfig(String host, int port, LlmConfig llm) {
    public static PlannerConfig from(Env env) {
        return new PlannerConfig(env.get("OPS_PLANNER_HOST", "127.0.0.1"), env.getInt("OPS_PLANNER_PORT", 9091),
                LlmConfig.from(env));
    }
}

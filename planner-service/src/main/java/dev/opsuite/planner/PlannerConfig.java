package dev.opsuite.planner;

import dev.opsuite.kit.grpc.StageTarget;
import dev.opsuite.kit.config.Env;
import dev.opsuite.llm.LlmConfig;
import java.util.Optional;

/**
 * planner-service configuration, read from the environment in one place (LLM settings: see LlmConfig).
 * registryTarget (OPS_REGISTRY_TARGET, trace-service host:port): lets requests name assets by
 * version instead of carrying their content; without it every asset must come with its content.
 * executorTarget (OPS_EXECUTOR_TARGET): executor-service, which serves the estate dictionary for
 * entity linking; dictionaryRefreshMs (OPS_DICTIONARY_REFRESH_MS): how often the estate's revision
 * is checked (an import is seen by the next question after at most this long).
 */
public record PlannerConfig(String host, int port, LlmConfig llm, Optional<String> registryTarget,
                            Optional<String> executorTarget, long dictionaryRefreshMs) {
    public PlannerConfig(String host, int port, LlmConfig llm) {
        this(host, port, llm, Optional.empty(), Optional.empty(), 1000);
    }

    public PlannerConfig(String host, int port, LlmConfig llm, Optional<String> registryTarget) {
        this(host, port, llm, registryTarget, Optional.empty(), 1000);
    }

    public static PlannerConfig from(Env env) {
        return new PlannerConfig(env.get("OPS_PLANNER_HOST", "127.0.0.1"), env.getInt("OPS_PLANNER_PORT", 9091),
                LlmConfig.from(env),
                StageTarget.check("OPS_REGISTRY_TARGET", env.get("OPS_REGISTRY_TARGET")),
                StageTarget.check("OPS_EXECUTOR_TARGET", env.get("OPS_EXECUTOR_TARGET")),
                env.getInt("OPS_DICTIONARY_REFRESH_MS", 1000));
    }
}

package dev.opsuite.launcher;

import dev.opsuite.executor.ExecutorConfig;
import dev.opsuite.executor.ExecutorServiceApp;
import dev.opsuite.gateway.GatewayApp;
import dev.opsuite.gateway.GatewayConfig;
import dev.opsuite.kit.config.Env;
import dev.opsuite.llm.LlmConfig;
import dev.opsuite.llm.testing.ScriptedOpenAiServer;
import dev.opsuite.planner.PlannerConfig;
import dev.opsuite.planner.PlannerServiceApp;
import java.nio.file.Path;
import java.util.Map;

/**
 * A planner, an executor and a gateway configured with an LLM (the scripted OpenAI-wire server),
 * beside the shared OpsStack: same stores, same trace-service, so the LLM tests cost no second
 * database or Neo4j and the shared stack stays LLM-free.
 */
final class LlmStack implements AutoCloseable {
    static final String API_KEY = "sk-e2e-secret-5f4e3d2c1b0a";
    final ScriptedOpenAiServer llm;
    private final PlannerServiceApp planner;
    private final ExecutorServiceApp executor;
    private final GatewayApp gateway;
    private final Path dataDir = TempData.create("ops-llm-e2e-");

    LlmStack(AllInOne ops) throws Exception {
        this(ops, Map.of());
    }

    /** @param gatewayEnv more settings of the gateway (e.g. OPS_LLM_DAILY_TOKENS) */
    LlmStack(AllInOne ops, Map<String, String> gatewayEnv) throws Exception {
        llm = new ScriptedOpenAiServer();
        Env env = ops.serviceEnv().with(Map.of(
                "OPENAI_BASE_URL", llm.baseUrl(),
                "OPENAI_API_KEY", API_KEY,
                "OPS_LLM_MODEL", "e2e-model",
                "OPS_LLM_TIMEOUT_MS", "1500",
                "OPS_LLM_MAX_RETRIES", "2",
                "OPS_LLM_BACKOFF_MS", "20"));
        planner = PlannerServiceApp.start(PlannerConfig.from(env.with(Map.of("OPS_PLANNER_PORT", "0"))));
        executor = ExecutorServiceApp.start(ExecutorConfig.from(env.with(Map.of("OPS_EXECUTOR_PORT", "0"))));
        gateway = GatewayApp.start(GatewayConfig.from(env.with(Map.of(
                "OPS_HTTP_PORT", "0",
                "OPS_PLANNER_TARGET", "127.0.0.1:" + planner.port(),
                "OPS_EXECUTOR_TARGET", "127.0.0.1:" + executor.port(),
                "OPS_TRACE_TARGET", "127.0.0.1:" + ops.tracePort(),
                "OPS_DATA_DIR", dataDir.toString(),
                // the same keys as the shared stack, so the tests' keys open this gateway too
                "OPS_KEYS_FILE", ops.keysFile().toString())).with(gatewayEnv)));
    }

    Path dataDir() {
        return dataDir;
    }

    int httpPort() {
        return gateway.port();
    }

    @Override
    public void close() {
        gateway.close();
        executor.close();
        planner.close();
        llm.close();
        TempData.delete(dataDir);
    }
}

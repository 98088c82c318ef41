package dev.opsuite.launcher;

import dev.opsuite.kit.config.Env;
import java.nio.file.Path;
import java.util.Map;

/**
 * One embedded default for the end-to-end tests: real PostgreSQL, real Neo4j (own JVM), the four
 * services on loopback ports and the demo estate (2 days of metrics to keep the suite quick).
 * Started once per JVM and shared by the test classes.
 */
final class OpsStack {
    private static AllInOne instance;
    private static Path dataDir;

    private OpsStack() {}

    /**
     * An all-in-one of a test's own on {@code dataDir}: any free port, the shipped default assets (without
     * the default golden set), the rules only (no LLM, whatever the machine's environment says), no
     * per-caller rate limit, and these settings on top.
     */
    static AllInOne start(Path dataDir, Map<String, String> settings) throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "OPS_HTTP_PORT", "0",
                "OPS_DATA_DIR", dataDir.toString(),
                "OPS_ASSET_SEED_DIR", Path.of("..", "assets", "defaults").toAbsolutePath().toString(),
                "OPS_LLM_MODEL", "",
                "OPS_RATE_PER_SECOND", "0",
                // the default golden set gates every publish of a default asset: on only where a test says so
                "OPS_GOLDEN_DEFAULTS", "false"));
        env.putAll(settings);
        return AllInOne.start(LauncherConfig.from(Env.of(env)));
    }

    static synchronized AllInOne get() throws Exception {
        if (instance == null) {
            dataDir = TempData.create("ops-e2e-");
            // the suites ask as a handful of callers, fast; CallerLimitsEndToEndTest tests the limits;
            // progress within an import's pass however fast this machine reads (ImportProgressEndToEndTest)
            instance = start(dataDir, Map.of("OPS_DEMO_DAYS", "2", "OPS_CONCURRENT_PER_CALLER", "1000",
                    "OPS_IMPORT_PROGRESS_MS", "5"));
            AllInOne started = instance;
            Path dir = dataDir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                TempData.delete(dir);
            }));
        }
        return instance;
    }

    /**
     * Another gateway beside the shared stack: the same stage services, stores and keys, its own data
     * directory and these settings (limits, an access Policy, an LLM…).
     */
    static dev.opsuite.gateway.GatewayApp gatewayBeside(AllInOne ops, Path data, java.util.Map<String, String> settings) {
        return dev.opsuite.gateway.GatewayApp.start(dev.opsuite.gateway.GatewayConfig.from(ops.serviceEnv().with(
                java.util.Map.of("OPS_HTTP_PORT", "0",
                        "OPS_PLANNER_TARGET", "127.0.0.1:" + ops.plannerPort(),
                        "OPS_EXECUTOR_TARGET", "127.0.0.1:" + ops.executorPort(),
                        "OPS_TRACE_TARGET", "127.0.0.1:" + ops.tracePort(),
                        "OPS_DATA_DIR", data.toString(),
                        // the same keys as the shared stack, so the tests' keys open this gateway too
                        "OPS_KEYS_FILE", ops.keysFile().toString())).with(settings)));
    }
}

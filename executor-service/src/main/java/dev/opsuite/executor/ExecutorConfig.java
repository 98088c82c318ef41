package dev.opsuite.executor;

import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.grpc.StageTarget;
import java.util.Optional;

/**
 * executor-service configuration, read from the environment in one place. The estate store
 * (writable, for the importer) is optional and its limits are EstateImportConfig's; queries use the Source assets' own connections,
 * whose *_ref values resolve from the same environment.
 */
public record ExecutorConfig(String host, int port, Optional<String> estateDbUrl, String estateDbUser,
                             String estateDbPassword, Optional<String> estateNeo4jUri, String estateNeo4jUser,
                             String estateNeo4jPassword, int maxSourcePools, java.time.Duration sourcePoolIdle,
                             Env env) {

    /**
     * trace-service host:port (OPS_REGISTRY_TARGET): lets requests name assets by version instead of
     * carrying their content; without it every asset must come with its content.
     */
    public Optional<String> registryTarget() {
        return StageTarget.check("OPS_REGISTRY_TARGET", env.get("OPS_REGISTRY_TARGET"));
    }

    /** How often a Source whose breaker is open is checked again (OPS_BREAKER_PROBE_MS, default 2000). */
    public java.time.Duration breakerProbe() {
        return java.time.Duration.ofMillis(Math.max(100, env.getInt("OPS_BREAKER_PROBE_MS", 2000)));
    }

    /** How often pending metric rollups are recomputed (OPS_METRIC_ROLLUP_SECONDS, default 30; 0: never). */
    public java.time.Duration metricRollupEvery() {
        return java.time.Duration.ofSeconds(Math.max(0, env.getInt("OPS_METRIC_ROLLUP_SECONDS", 30)));
    }

    /** Pending (hour, metric) pairs one run recomputes at most (OPS_METRIC_ROLLUP_HOURS, default 24, at least 1). */
    public int metricRollupHours() {
        return Math.max(1, env.getInt("OPS_METRIC_ROLLUP_HOURS", 24));
    }

    /** Where the document collections' indexes live (OPS_DOCS_DIR); empty: this executor keeps no documents. */
    public Optional<java.nio.file.Path> docsDir() {
        return env.get("OPS_DOCS_DIR").filter(s -> !s.isBlank()).map(java.nio.file.Path::of);
    }

    public static ExecutorConfig from(Env env) {
        StageTarget.check("OPS_REGISTRY_TARGET", env.get("OPS_REGISTRY_TARGET")); // a bad target stops the start
        return new ExecutorConfig(env.get("OPS_EXECUTOR_HOST", "127.0.0.1"), env.getInt("OPS_EXECUTOR_PORT", 9092),
                env.get("OPS_ESTATE_DB_URL"), env.get("OPS_ESTATE_DB_USER", "postgres"),
                env.get("OPS_ESTATE_DB_PASSWORD", ""), env.get("OPS_ESTATE_NEO4J_URI"),
                env.get("OPS_ESTATE_NEO4J_USER", ""), env.get("OPS_ESTATE_NEO4J_PASSWORD", ""),
                env.getInt("OPS_SOURCE_POOLS_MAX", 32),
                java.time.Duration.ofMinutes(env.getInt("OPS_SOURCE_POOL_IDLE_MINUTES", 30)), env);
    }
}

package dev.opsuite.gateway;

import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.grpc.Channels;
import dev.opsuite.kit.grpc.StageTarget;
import java.nio.file.Path;
import java.time.ZoneId;

/** Gateway configuration, read from the environment in one place. */
public record GatewayConfig(
        int httpPort,
        String plannerTarget,
        String executorTarget,
        String traceTarget,
        long stageDeadlineMs,
        ZoneId zone,
        int traceBatchSize,
        int traceQueueCapacity,
        Path traceSpillDir,
        int maxRequestBytes,
        int maxQuestionChars,
        boolean assetsByReference,
        Channels.Transport stageTransport,
        java.time.Clock clock,
        String httpHost,
        String anonymousRole,
        Path keysFile,
        Path adminKeyFile,
        int ratePerSecond,
        int concurrentPerCaller,
        java.util.Optional<dev.opsuite.gateway.auth.OidcVerifier.Config> oidc,
        String traceDurable,
        int maxInFlight,
        long llmDailyTokens,
        boolean llmConfigured,
        java.util.Optional<Path> llmUsageFile,
        java.util.Optional<String> accessPolicy,
        int accessRefreshMs,
        dev.opsuite.llm.LlmConfig llm,
        dev.opsuite.gateway.otel.OtelConfig otel) {

    public GatewayConfig {
        if (!java.util.List.of("off", "write", "fsync").contains(traceDurable)) {
            throw new IllegalArgumentException("OPS_TRACE_DURABLE must be off, write or fsync, not '" + traceDurable + "'");
        }
        if (!"none".equals(anonymousRole) && !loopbackHost(httpHost)) {
            throw new IllegalArgumentException("OPS_HTTP_HOST=" + httpHost + " is not a loopback address, and "
                    + "OPS_ANONYMOUS_ROLE=" + anonymousRole + " would let anyone who reaches it in without a key: "
                    + "set OPS_ANONYMOUS_ROLE=none to bind beyond loopback");
        }
    }

    /** Whether a bind host is loopback only (a name is resolved; the wildcard 0.0.0.0 / :: is not). */
    static boolean loopbackHost(String host) {
        try {
            java.net.InetAddress a = java.net.InetAddress.getByName(host);
            return a.isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("OPS_HTTP_HOST=" + host + " does not resolve", e);
        }
    }

    /** The clock every request reads "now" from: the system clock in OPS_TIMEZONE, or fixed at OPS_NOW. */
    static java.time.Clock clock(ZoneId zone, java.util.Optional<String> fixed) {
        if (fixed.isEmpty() || fixed.get().isBlank()) {
            return java.time.Clock.system(zone);
        }
        try {
            return java.time.Clock.fixed(java.time.OffsetDateTime.parse(fixed.get()).toInstant(), zone);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("OPS_NOW must be an RFC 3339 timestamp with offset, e.g. 2026-11-27T15:00:00+09:00");
        }
    }

    public static GatewayConfig from(Env env) {
        return new GatewayConfig(
                env.getInt("OPS_HTTP_PORT", 8080),
                // host:port, a replica list host:port,host:port or dns:///name:port; a bad one stops the start
                StageTarget.parse("OPS_PLANNER_TARGET", env.get("OPS_PLANNER_TARGET", "127.0.0.1:9091")).text(),
                StageTarget.parse("OPS_EXECUTOR_TARGET", env.get("OPS_EXECUTOR_TARGET", "127.0.0.1:9092")).text(),
                StageTarget.parse("OPS_TRACE_TARGET", env.get("OPS_TRACE_TARGET", "127.0.0.1:9093")).text(),
                env.getInt("OPS_STAGE_DEADLINE_MS", 10_000),
                ZoneId.of(env.get("OPS_TIMEZONE", "Asia/Seoul")),
                env.getInt("OPS_TRACE_BATCH_SIZE", 200),
                env.getInt("OPS_TRACE_QUEUE", 20_000),
                Path.of(env.get("OPS_TRACE_SPILL_DIR", env.get("OPS_DATA_DIR", "data") + "/trace-spill")),
                env.getInt("OPS_MAX_REQUEST_BYTES", 4 * 1024 * 1024),
                env.getInt("OPS_MAX_QUESTION_CHARS", 2000),
                // only when the stage services have OPS_REGISTRY_TARGET: they fetch each version once
                "true".equalsIgnoreCase(env.get("OPS_ASSETS_BY_REFERENCE", "false")),
                // auto: a stage service running in this JVM (the all-in-one) is called in-process
                Channels.Transport.parse(env.get("OPS_STAGE_TRANSPORT", "auto")),
                // fixed only for reproducible runs (tests, recorded demos): every answer's "now"
                clock(ZoneId.of(env.get("OPS_TIMEZONE", "Asia/Seoul")), env.get("OPS_NOW")),
                // secure by default: loopback only; anything wider needs OPS_ANONYMOUS_ROLE=none and keys
                env.get("OPS_HTTP_HOST", "127.0.0.1"),
                env.get("OPS_ANONYMOUS_ROLE", "viewer"),
                Path.of(env.get("OPS_KEYS_FILE", env.get("OPS_DATA_DIR", "data") + "/keys.json")),
                // where the first start writes the admin key it creates (blank counts as unset: the default file)
                Path.of(env.get("OPS_ADMIN_KEY_FILE", env.get("OPS_DATA_DIR", "data") + "/admin.key")),
                // per authenticated caller, on ask/query/UI actions/stage test/preview/scan/import
                env.getInt("OPS_RATE_PER_SECOND", 50),
                env.getInt("OPS_CONCURRENT_PER_CALLER", 16),
                // bearer JWTs beside API keys, when an issuer is configured
                env.get("OPS_OIDC_ISSUER").filter(s -> !s.isBlank()).map(issuer ->
                        new dev.opsuite.gateway.auth.OidcVerifier.Config(issuer, env.get("OPS_OIDC_JWKS_URL", ""),
                                env.get("OPS_OIDC_AUDIENCE", ""), env.get("OPS_OIDC_ROLES_CLAIM", "roles"),
                                env.get("OPS_OIDC_NAME_CLAIM", "preferred_username"))),
                // off: traces queue in memory (a kill -9 loses the queued ones); write | fsync: journaled first
                env.get("OPS_TRACE_DURABLE", "off").trim().toLowerCase(java.util.Locale.ROOT),
                // all callers' working requests in flight together; beyond it: 503 at once (load shedding);
                // below the 64 worker threads, so a request admitted never waits for a thread
                env.getInt("OPS_MAX_IN_FLIGHT", 48),
                // language-model tokens per caller per day (planner and summary); negative: unlimited
                env.getInt("OPS_LLM_DAILY_TOKENS", 200_000),
                env.get("OPS_LLM_MODEL").filter(s -> !s.isBlank()).isPresent(),
                env.get("OPS_DATA_DIR").map(d -> Path.of(d, "llm-usage.json")),
                // the Policy asset whose rbac.operations narrows the access table (default: the default Policy)
                env.get("OPS_ACCESS_POLICY").filter(s -> !s.isBlank()),
                env.getInt("OPS_ACCESS_REFRESH_MS", 2000),
                // the RCA narrative's model (options.use_llm): the same OPS_LLM_* / OPENAI_* settings as the stages
                dev.opsuite.llm.LlmConfig.from(env),
                // the Execution Trace also as OTLP spans, when OTEL_EXPORTER_OTLP_ENDPOINT is set
                dev.opsuite.gateway.otel.OtelConfig.from(env));
    }
}

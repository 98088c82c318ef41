package dev.opsuite.gateway;

import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.grpc.Channels;
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
        Channels.Transport stageTransport) {

    public static GatewayConfig from(Env env) {
        return new GatewayConfig(
                env.getInt("OPS_HTTP_PORT", 8080),
                env.get("OPS_PLANNER_TARGET", "127.0.0.1:9091"),
                env.get("OPS_EXECUTOR_TARGET", "127.0.0.1:9092"),
                env.get("OPS_TRACE_TARGET", "127.0.0.1:9093"),
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
                Channels.Transport.parse(env.get("OPS_STAGE_TRANSPORT", "auto")));
    }
}

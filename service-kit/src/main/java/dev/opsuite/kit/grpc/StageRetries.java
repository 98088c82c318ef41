package dev.opsuite.kit.grpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which stage calls gRPC repeats on another replica, as the channels' service config: round_robin,
 * client-side health checking, and a retry policy on UNAVAILABLE for every method of the stage
 * services except those whose repetition could do the work twice. Reads and the pipeline's stage
 * calls are functions of their request; trace writes are idempotent by trace id ({@code ON CONFLICT
 * (trace_id) DO NOTHING}) and audit writes by the gateway's event id, so all are retried. The
 * methods below create something new at each call (a draft version, a golden query or run id, a
 * review), change state a second call would find changed (publish, archive, retire, remove) or
 * stream an upload: a call that failed
 * UNAVAILABLE after reaching a replica is not repeated (gRPC still repeats, transparently, a call
 * that never left this process).
 */
public final class StageRetries {
    /** Attempts of a retried call: the first and up to two more, each on the next replica. */
    public static final int MAX_ATTEMPTS = 3;
    static final long RETRY_BUFFER_PER_CALL = 8L * 1024 * 1024;
    static final long RETRY_BUFFER = 64L * 1024 * 1024;

    /** The stage services whose methods are retried, unless listed in {@link #NOT_RETRIED}. */
    static final List<String> SERVICES = List.of("ops.v1.PlannerService", "ops.v1.ExecutorService",
            "ops.v1.TraceService", "ops.v1.AssetService", "ops.v1.GoldenService", "ops.v1.AuditService",
            "ops.v1.EstateService", "grpc.health.v1.Health");

    /** service/method never repeated after it may have reached a replica. */
    public static final Set<String> NOT_RETRIED = Set.of(
            "ops.v1.AssetService/SaveAsset",
            "ops.v1.AssetService/PublishAsset",
            "ops.v1.AssetService/ArchiveAsset",
            "ops.v1.AssetService/RecordAssetReview",
            "ops.v1.AssetService/RecordGateReport",
            "ops.v1.GoldenService/SaveGoldenQuery",
            "ops.v1.GoldenService/RemoveGoldenQuery",
            "ops.v1.GoldenService/RecordRegressionRun",
            "ops.v1.ExecutorService/RetireSource",
            "ops.v1.EstateService/ImportFile",
            "ops.v1.EstateService/ImportFileStream",
            "ops.v1.EstateService/RemoveOrigin");

    private StageRetries() {}

    /** Whether a call of {@code fullMethodName} ("ops.v1.AssetService/SaveAsset") may be repeated. */
    public static boolean retried(String fullMethodName) {
        return !NOT_RETRIED.contains(fullMethodName);
    }

    /** The service config of a stage channel; numbers as Double, as gRPC's JSON maps want them. */
    static Map<String, Object> serviceConfig(String healthService) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("loadBalancingConfig", List.of(Map.of("round_robin", Map.of())));
        if (healthService != null) {
            config.put("healthCheckConfig", Map.of("serviceName", healthService));
        }
        List<Object> names = new ArrayList<>();
        SERVICES.forEach(s -> names.add(Map.of("service", s)));
        Map<String, Object> retried = new LinkedHashMap<>();
        retried.put("name", names);
        retried.put("retryPolicy", Map.of(
                "maxAttempts", (double) MAX_ATTEMPTS,
                "initialBackoff", "0.05s",
                "maxBackoff", "0.5s",
                "backoffMultiplier", 2.0,
                "retryableStatusCodes", List.of("UNAVAILABLE")));
        List<Object> once = new ArrayList<>();
        NOT_RETRIED.stream().sorted().forEach(m -> {
            int slash = m.indexOf('/');
            once.add(Map.of("service", m.substring(0, slash), "method", m.substring(slash + 1)));
        });
        // a method's own entry wins over its service's: these carry no retry policy
        return withMethodConfig(config, List.of(retried, Map.of("name", once)));
    }

    private static Map<String, Object> withMethodConfig(Map<String, Object> config, List<Object> methodConfig) {
        config.put("methodConfig", methodConfig);
        return config;
    }
}

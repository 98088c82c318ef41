package dev.opsuite.conductor;

import dev.opsuite.kit.json.AssetProtos;
import dev.opsuite.model.asset.PolicyAsset;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.ReplanResponse;
import dev.opsuite.proto.v1.ReplanTrigger;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.ValidatedPlan;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * CONTROL: evaluates the triggers an EXECUTE raised under the Policy's replan limits and records
 * every decision (retry, stop) as a replan event. Transient tool errors are retried up to
 * max_internal_retries; other triggers stop here and reach the answer (e.g. slot_missing offers
 * the candidates as actions).
 */
final class ControlLoop {
    private final Pipeline pipeline;
    private final TraceRecorder recorder;
    private final int maxReplans;
    private final int maxRetries;

    ControlLoop(Pipeline pipeline, TraceRecorder recorder, List<ResolvedAsset> assets) {
        this.pipeline = pipeline;
        this.recorder = recorder;
        PolicyAsset.Replan replan = assets.stream().filter(a -> a.getAssetType().equals("policy")).findFirst()
                .map(a -> PolicyAsset.of(AssetProtos.toDoc(a))).orElse(PolicyAsset.DEFAULTS).replan();
        this.maxReplans = replan.maxReplans();
        this.maxRetries = replan.maxInternalRetries();
    }

    ExecuteResponse execute(ValidatedPlan validated) {
        ExecuteResponse r = executeWithRetries(validated);
        int replans = 0;
        while (true) {
            ReplanTrigger empty = first(r, "empty_result");
            if (empty == null) {
                break;
            }
            Plan current = r.hasResolvedPlan() ? r.getResolvedPlan() : validated.getPlan();
            if (replans >= maxReplans) {
                recorder.replan(empty, current, null, "stop", Map.of("reason", "max_replans reached",
                        "max_replans", maxReplans));
                return r;
            }
            ReplanResponse patch = pipeline.replan(current, empty);
            if (!patch.getPatched()) {
                recorder.replan(empty, current, null, "stop", Map.of("reason", stopReason("empty_result")));
                return r;
            }
            ValidatedPlan next = pipeline.validate(patch.getPlan());
            if (!next.getAllowed()) {
                recorder.replan(empty, current, patch.getPlan(), "stop", Map.of("reason",
                        "the fallback plan is not allowed by policy", "fallback", patch.getFallback()));
                return r;
            }
            replans++;
            recorder.replan(empty, current, patch.getPlan(), "replan", Map.of("fallback", patch.getFallback(),
                    "replan", replans, "max_replans", maxReplans));
            validated = next;
            r = executeWithRetries(next);
        }
        for (ReplanTrigger t : r.getTriggersList()) {
            if (!t.getTriggerType().equals("tool_error_retryable")) {
                recorder.replan(t, validated, null, "stop", Map.of("reason", stopReason(t.getTriggerType())));
            }
        }
        return r;
    }

    private ExecuteResponse executeWithRetries(ValidatedPlan validated) {
        ExecuteResponse r = pipeline.execute(validated);
        int retries = 0;
        while (true) {
            ReplanTrigger retryable = first(r, "tool_error_retryable");
            if (retryable == null) {
                return r;
            }
            if (retries >= maxRetries) {
                recorder.replan(retryable, validated, null, "stop", Map.of("reason", "retry budget exhausted",
                        "retries", retries, "max_internal_retries", maxRetries));
                return r;
            }
            retries++;
            recorder.replan(retryable, validated, validated, "retry", Map.of("attempt", retries,
                    "max_internal_retries", maxRetries));
            r = pipeline.execute(validated);
        }
    }

    private static ReplanTrigger first(ExecuteResponse r, String type) {
        return r.getTriggersList().stream().filter(t -> t.getTriggerType().equals(type)).findFirst().orElse(null);
    }

    private static String stopReason(String type) {
        return switch (type) {
            case "slot_missing" -> "the operator must name or choose the CI; candidates are offered as actions";
            case "empty_result" -> "no fallback applies to this plan (nothing to widen or relax)";
            case "tool_error_fatal" -> "a fatal tool error is not retried";
            default -> "no replan rule for " + type;
        };
    }

    static ReplanTrigger trigger(String type, String stage, String severity, String reason) {
        return ReplanTrigger.newBuilder().setTriggerType(type).setStageName(stage).setSeverity(severity)
                .setReason(reason).setTimestamp(Instant.now().toString()).build();
    }
}

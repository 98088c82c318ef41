package dev.opsuite.gateway.grpc;

import dev.opsuite.kit.errors.OpsException;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.ListTracesRequest;
import java.util.Set;
import java.util.regex.Pattern;

/** Input checks of the public RPCs: clear INVALID_ARGUMENT messages, before any work is done. */
public final class RequestChecks {
    private static final Set<String> ASSET_TYPES = Set.of("source", "schema", "resolver", "query", "mapping", "prompt",
            "policy", "screen");
    private static final Set<String> PLANNER_STRATEGIES = Set.of("rules_first", "llm_only", "rules_only");
    private static final Pattern TRACE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern ASSET_REF = Pattern.compile("[A-Za-z0-9_.-]{1,100}(@[0-9]{1,9}|\\(draft\\))?");
    private final int maxQuestionChars;

    public RequestChecks(int maxQuestionChars) {
        this.maxQuestionChars = maxQuestionChars;
    }

    void ask(AskRequest r) {
        if (r.getQuestion().isBlank() && !r.hasRerun()) {
            throw OpsException.invalid("question is required");
        }
        if (r.getQuestion().length() > maxQuestionChars) {
            throw OpsException.invalid("question is longer than " + maxQuestionChars + " characters ("
                    + r.getQuestion().length() + ")");
        }
        String mode = r.getMode();
        if (!mode.isEmpty() && !mode.equals("real")) {
            throw OpsException.invalid("mode must be 'real'" + (mode.equals("mock")
                    ? " (mock mode is not available in this build)" : ", got '" + clip(mode) + "'"));
        }
        String strategy = r.getPlannerStrategy();
        if (!strategy.isEmpty() && !PLANNER_STRATEGIES.contains(strategy)) {
            throw OpsException.invalid("planner_strategy must be rules_first, llm_only or rules_only, got '"
                    + clip(strategy) + "'");
        }
        if (r.hasRerun() && !r.getRerun().hasBasePlan()) {
            throw OpsException.invalid("rerun.base_plan is required");
        }
        r.getAssetOverridesMap().forEach((type, ref) -> {
            if (!ASSET_TYPES.contains(type)) {
                throw OpsException.invalid("asset_overrides: unknown asset type '" + clip(type) + "'");
            }
            if (!ASSET_REF.matcher(ref).matches()) {
                throw OpsException.invalid("asset_overrides." + type + ": expected name, name@version or name(draft)");
            }
        });
        for (String ref : new String[] {r.getResolverAsset(), r.getSchemaAsset(), r.getSourceAsset()}) {
            if (!ref.isEmpty() && !ASSET_REF.matcher(ref).matches()) {
                throw OpsException.invalid("*_asset fields take name, name@version or name(draft)");
            }
        }
    }

    String traceId(String id) {
        if (!TRACE_ID.matcher(id).matches()) {
            throw OpsException.invalid("trace_id must be 1-128 characters of [A-Za-z0-9_-]");
        }
        return id;
    }

    void list(ListTracesRequest r) {
        if (r.getLimit() < 0 || r.getLimit() > 500) {
            throw OpsException.invalid("limit must be between 1 and 500");
        }
        if (r.getQ().length() > 500) {
            throw OpsException.invalid("q is longer than 500 characters");
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

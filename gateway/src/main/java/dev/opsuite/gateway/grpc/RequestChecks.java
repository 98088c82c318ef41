package dev.opsuite.gateway.grpc;

import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.conductor.StageTester;
import dev.opsuite.proto.v1.ListTracesRequest;
import dev.opsuite.proto.v1.StageTestRequest;
import java.util.regex.Pattern;

/** Input checks of the public RPCs: clear INVALID_ARGUMENT messages, before any work is done. */
public final class RequestChecks {
    private static final Pattern TRACE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern ASSET_REF = Pattern.compile("[A-Za-z0-9_.-]{1,100}(@[0-9]{1,9}|\\(draft\\))?");
    private static final int MAX_TEST_PLAN_BYTES = 64 * 1024;
    private final int maxQuestionChars;

    public RequestChecks(int maxQuestionChars) {
        this.maxQuestionChars = maxQuestionChars;
    }

    void ask(AskRequest r) {
        if (r.getQuestion().isBlank() && !r.hasRerun()) {
            throw OpsException.invalidField("question", "question is required");
        }
        if (r.getQuestion().indexOf('\0') >= 0) {
            throw OpsException.invalidField("question", "question must not contain the NUL character");
        }
        if (r.getQuestion().length() > maxQuestionChars) {
            throw OpsException.invalidField("question", "question is longer than " + maxQuestionChars + " characters ("
                    + r.getQuestion().length() + ")");
        }
        mode(r.getMode());
        dev.opsuite.model.PlannerStrategy.ofRequest(r.getPlannerStrategy());
        if (r.hasRerun() && !r.getRerun().hasBasePlan()) {
            throw OpsException.invalidField("rerun.base_plan", "rerun.base_plan is required");
        }
        overrides(r.getAssetOverridesMap());
        for (String ref : new String[] {r.getResolverAsset(), r.getSchemaAsset(), r.getSourceAsset()}) {
            if (!ref.isEmpty() && !ASSET_REF.matcher(ref).matches()) {
                throw OpsException.invalid("*_asset fields take name, name@version or name(draft)");
            }
        }
    }

    void stageTest(StageTestRequest r) {
        StageTester.stage(r.getStage());
        if (r.getQuestion().length() > maxQuestionChars) {
            throw OpsException.invalidField("question", "question is longer than " + maxQuestionChars + " characters ("
                    + r.getQuestion().length() + ")");
        }
        if (r.getQuestion().isBlank() && r.getBaselineTraceId().isBlank()) {
            throw OpsException.invalidField("question", "stage-test needs a question or a baseline_trace_id");
        }
        if (!r.getBaselineTraceId().isEmpty()) {
            traceId(r.getBaselineTraceId());
        }
        mode(r.getMode());
        overrides(r.getAssetOverridesMap());
        if (r.hasTestPlan() && r.getTestPlan().getSerializedSize() > MAX_TEST_PLAN_BYTES) {
            throw OpsException.invalidField("test_plan", "test_plan is larger than " + MAX_TEST_PLAN_BYTES + " bytes");
        }
    }

    static void overrides(java.util.Map<String, String> overrides) {
        overrides.forEach((type, ref) -> {
            if (dev.opsuite.model.AssetType.parse(type).isEmpty()) {
                throw OpsException.invalidField("asset_overrides", "asset_overrides: unknown asset type '" + clip(type) + "'");
            }
            if (!ASSET_REF.matcher(ref).matches()) {
                throw OpsException.invalidField("asset_overrides." + type, "asset_overrides." + type + ": expected name, name@version or name(draft)");
            }
        });
    }

    private static void mode(String mode) {
        dev.opsuite.model.OpsMode.of(mode);
    }

    String stage(String stage) {
        return StageTester.stage(stage);
    }

    String traceId(String id) {
        return traceId(id, "trace_id");
    }

    /** A trace id in the request field {@code field}: 1-128 characters of [A-Za-z0-9_-]. */
    String traceId(String id, String field) {
        if (!TRACE_ID.matcher(id).matches()) {
            throw OpsException.invalidField(field, field + " must be 1-128 characters of [A-Za-z0-9_-]");
        }
        return id;
    }

    void list(ListTracesRequest r) {
        if (r.getLimit() < 0 || r.getLimit() > 500) {
            throw OpsException.invalidField("limit", "limit must be between 1 and 500");
        }
        if (r.getQ().length() > 500) {
            throw OpsException.invalidField("q", "q is longer than 500 characters");
        }
        if (r.getPlanShape().length() > dev.opsuite.model.PlanShape.MAX_LENGTH) {
            throw OpsException.invalidField("plan_shape", "plan_shape is longer than "
                    + dev.opsuite.model.PlanShape.MAX_LENGTH + " characters");
        }
        dev.opsuite.model.Rfc3339.window(dev.opsuite.model.Rfc3339.instant("since", r.getSince()),
                dev.opsuite.model.Rfc3339.instant("until", r.getUntil()));
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

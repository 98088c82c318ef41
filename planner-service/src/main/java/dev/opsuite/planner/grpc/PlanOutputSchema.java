package dev.opsuite.planner.grpc;

import dev.opsuite.kit.json.ProtoJsonSchema;
import dev.opsuite.proto.v1.PlanOutput;
import java.util.Map;
import java.util.Set;

/**
 * The structured-output schema of the LLM planner, derived from the ops.v1.PlanOutput
 * descriptor. Left out: what the planner, not the model, fills in (planner, candidates found at
 * EXECUTE, the normalised question, time bounds resolved from the named range, the words a document
 * search looks for: the question's own) and free-form references.
 */
public final class PlanOutputSchema {
    public static final Map<String, Object> SCHEMA = ProtoJsonSchema.of(PlanOutput.getDescriptor(), Set.of(
            "PlanOutput.planner", "Plan.candidates", "Plan.normalized_question", "Plan.language",
            "MetricSpec.time_from", "MetricSpec.time_to", "HistorySpec.time_from", "HistorySpec.time_to",
            "Plan.unexplained", "Plan.understanding", "PrimarySpec.ci_name", "SecondarySpec.ci_name",
            "DirectAnswerPayload.actions", "DocumentsSpec.text"));

    private PlanOutputSchema() {}
}

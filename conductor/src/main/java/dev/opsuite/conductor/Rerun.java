package dev.opsuite.conductor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.Plan;
import java.util.Map;

/** Rerun: the base plan with the patch merged in (JSON merge) and the operator's CI selection. */
final class Rerun {
    private Rerun() {}

    static Plan plan(dev.opsuite.proto.v1.Rerun rerun) {
        if (!rerun.hasBasePlan()) {
            throw OpsException.invalid("rerun.base_plan is required");
        }
        Plan.Builder plan = patched(rerun.getBasePlan(), rerun.hasPatch() ? rerun.getPatch() : null, "rerun.patch")
                .toBuilder();
        if (!rerun.getSelectedCiId().isBlank()) {
            plan.getPrimaryBuilder().setCiCode(rerun.getSelectedCiId().trim()).clearMentions();
            plan.clearMissingSlots().clearCandidates();
        }
        if (!rerun.getSelectedSecondaryCiId().isBlank()) {
            plan.getSecondaryBuilder().setCiCode(rerun.getSelectedSecondaryCiId().trim()).clearMentions();
            plan.clearMissingSlots().clearCandidates();
        }
        return plan.build();
    }

    /** {@code base} with {@code patch} JSON-merged in (null removes a field); the result must fit the Plan contract. */
    static Plan patched(Plan base, com.google.protobuf.Struct patch, String what) {
        if (patch == null || patch.getFieldsCount() == 0) {
            return base;
        }
        try {
            ObjectNode tree = (ObjectNode) ModelJson.MAPPER.readTree(Structs.toJson(base));
            merge(tree, ModelJson.MAPPER.readTree(Structs.toJson(patch)));
            return Structs.fromJsonStrict(ModelJson.MAPPER.writeValueAsString(tree), Plan.newBuilder()).build();
        } catch (IllegalArgumentException e) {
            throw OpsException.invalid(what + " does not fit the Plan contract: " + e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw OpsException.invalid(what + " is not valid JSON");
        }
    }

    private static void merge(ObjectNode target, JsonNode patch) {
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode obj && e.getValue().isObject()) {
                merge(obj, e.getValue());
            } else if (e.getValue().isNull()) {
                target.remove(e.getKey());
            } else {
                target.set(e.getKey(), e.getValue());
            }
        }
    }
}

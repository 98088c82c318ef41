package dev.opsuite.kit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.json.RandomMessages;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.Plan;
import org.junit.jupiter.api.Test;

/**
 * ModelJson's generated-marshaller legs give exactly what the JsonFormat legs gave: the same
 * PlanModel from a Plan, the same Plan from a PlanModel, and a failure where those failed.
 */
class ModelJsonTest {

    private static PlanModel viaJsonFormat(Plan plan) throws Exception {
        return ModelJson.MAPPER.readValue(Structs.toJson(plan), PlanModel.class);
    }

    private static Plan viaJsonFormat(PlanModel model) throws Exception {
        JsonNode tree = ModelJson.MAPPER.valueToTree(model);
        ModelJson.stripZeroInts(tree);
        return Structs.fromJson(ModelJson.MAPPER.writeValueAsString(tree), Plan.newBuilder()).build();
    }

    @Test
    void sameModelsAndPlansAsTheJsonFormatRoute() throws Exception {
        RandomMessages random = new RandomMessages(7);
        int compared = 0;
        int refused = 0;
        for (int i = 0; i < 2_000; i++) {
            random.allowUnprintable = i % 10 == 0;
            Plan.Builder b = Plan.newBuilder();
            random.fill(b, 0);
            Plan plan = b.build();
            PlanModel expected;
            try {
                expected = viaJsonFormat(plan);
            } catch (Exception e) {
                assertThrows(RuntimeException.class, () -> ModelJson.fromProto(plan, PlanModel.class), plan.toString());
                refused++;
                continue;
            }
            PlanModel actual = ModelJson.fromProto(plan, PlanModel.class);
            assertEquals(expected, actual, plan.toString());
            assertEquals(viaJsonFormat(actual), ModelJson.toProto(actual, Plan.newBuilder()).build(), actual.toString());
            compared++;
        }
        assertTrue(compared > 1_000, "compared " + compared);
        assertTrue(refused > 0, "the JsonFormat route refused some inputs: " + refused);
    }
}

package dev.opsuite.planner.domain.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.asset.SchemaAsset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The default Prompt asset's few-shot examples are what the model is shown as right answers: each
 * must pass the checks a model-written plan is held to (the strict PlanOutput reading, then the
 * SchemaCatalog's names and the Plan contract's vocabularies), and live state (#21) is among them.
 */
class ShippedFewShotsTest {
    private static final Path DEFAULTS = Path.of("..", "assets", "defaults");

    @Test
    void everyShippedFewShotIsAPlanTheLlmChecksAccept() throws Exception {
        JsonNode prompt = ModelJson.MAPPER.readTree(DEFAULTS.resolve("prompt/ci_planner.json").toFile());
        SchemaAsset catalog = SchemaAsset.from(ModelJson.MAPPER.readTree(DEFAULTS.resolve("schema/ci_schema.json").toFile()));
        List<String> wrong = new ArrayList<>();
        List<String> metrics = new ArrayList<>();
        boolean korean = false;
        boolean english = false;
        for (JsonNode shot : prompt.path("few_shot")) {
            String q = shot.path("question").asText();
            try {
                LlmPlanOutput out = LlmPlanOutput.parse(shot.path("plan_output").toString());
                if ("plan".equals(out.kind())) {
                    List<String> errors = LlmPlanChecks.check(out.plan(), catalog);
                    if (!errors.isEmpty()) {
                        wrong.add(q + ": " + errors);
                    }
                    metrics.add(out.plan().metric().metricName());
                }
            } catch (IllegalArgumentException e) {
                wrong.add(q + ": " + e.getMessage());
            }
            boolean hangul = q.codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3);
            korean |= hangul;
            english |= !hangul;
        }
        assertEquals(List.of(), wrong);
        assertEquals(5, prompt.path("few_shot").size(), "the shipped examples: " + prompt.path("few_shot").size());
        assertTrue(korean && english, "examples in both languages");
        assertTrue(metrics.stream().anyMatch(Set.of("heartbeat", "queue_depth", "open_alerts")::contains),
                "a live-state reading among the examples: " + metrics);
    }
}

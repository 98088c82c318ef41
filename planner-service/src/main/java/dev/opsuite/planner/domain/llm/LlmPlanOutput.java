package dev.opsuite.planner.domain.llm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.PlanModel;

/**
 * A PlanOutput as the model writes it (proto-JSON names), read strictly: an unknown field, a
 * wrong type or an unknown enum value is an error to feed back, never ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record LlmPlanOutput(String kind, PlanModel plan, Direct directAnswer, Reject rejectPayload,
                            Double confidence, String reason) {
    public record Direct(String answer, Double confidence) {}

    public record Reject(String reason, String policy) {}

    private static final ObjectMapper STRICT = ModelJson.MAPPER.copy()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, false);

    /** Fields of the contract the planner fills in (left out of the model's schema too). */
    private static final String[][] PLANNER_OWNED = {{"planner"}, {"plan", "candidates"}, {"plan", "normalized_question"},
            {"plan", "language"}, {"plan", "metric", "time_from"}, {"plan", "metric", "time_to"},
            {"plan", "history", "time_from"}, {"plan", "history", "time_to"}, {"plan", "unexplained"},
            {"plan", "understanding"}, {"plan", "primary", "ci_name"}, {"plan", "secondary", "ci_name"},
            {"plan", "documents", "text"}};

    /** The parsed output, or an IllegalArgumentException whose message says what is wrong and where. */
    public static LlmPlanOutput parse(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("the answer is empty; a PlanOutput JSON object is required");
        }
        try {
            JsonNode tree = STRICT.readTree(json.strip());
            if (tree != null && tree.isObject()) {
                for (String[] path : PLANNER_OWNED) {
                    JsonNode v = tree.at("/" + String.join("/", path));
                    if (!v.isMissingNode() && !v.isNull()) {
                        throw new IllegalArgumentException("field $." + String.join(".", path)
                                + " is filled by the planner, not the model; leave it out");
                    }
                }
            }
            LlmPlanOutput out = tree == null || tree.isNull() ? null : STRICT.treeToValue(tree, LlmPlanOutput.class);
            if (out == null) {
                throw new IllegalArgumentException("the answer is JSON null; a PlanOutput object is required");
            }
            return out;
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("unknown field '" + e.getPropertyName() + "' at " + path(e)
                    + " (allowed: " + e.getKnownPropertyIds() + ")");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a valid PlanOutput: " + e.getOriginalMessage() + " at " + path(e));
        }
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder("$");
            m.getPath().forEach(r -> sb.append(r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]"));
            return sb.toString();
        }
        return e.getLocation() == null ? "$" : "line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr();
    }
}

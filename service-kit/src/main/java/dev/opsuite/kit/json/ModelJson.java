package dev.opsuite.kit.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Message;

/**
 * The bridge between generated proto messages and the domain's plain records: both speak proto
 * JSON with snake_case names. Used only by the grpc layers.
 */
public final class ModelJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false)
            // a record's helpers (PlanModel.isKorean) are no fields of the message: only its components are written
            .setVisibility(com.fasterxml.jackson.annotation.PropertyAccessor.IS_GETTER,
                    com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE);

    private ModelJson() {}

    public static <T> T fromProto(Message message, Class<T> type) {
        try {
            return MAPPER.readValue(Structs.toJson(message), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <B extends Message.Builder> B toProto(Object model, B builder) {
        try {
            JsonNode tree = MAPPER.valueToTree(model);
            stripZeroInts(tree);
            return Structs.fromJsonStrict(MAPPER.writeValueAsString(tree), builder);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + model.getClass().getSimpleName(), e);
        }
    }

    /** Zero ints mean "unset" in proto3; dropping them keeps JSON output minimal. */
    private static void stripZeroInts(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            obj.properties().removeIf(e -> e.getValue().isIntegralNumber() && e.getValue().asLong() == 0
                    || e.getValue().isBoolean() && !e.getValue().asBoolean());
            obj.forEach(ModelJson::stripZeroInts);
        } else if (node != null && node.isArray()) {
            node.forEach(ModelJson::stripZeroInts);
        }
    }
}

package dev.opsuite.kit.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonParser;
import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.curioswitch.common.protobuf.json.MessageMarshaller;
import dev.opsuite.kit.json.Structs;

/**
 * The bridge between generated proto messages and the domain's plain records: both speak proto
 * JSON with snake_case names. Used only by the grpc layers.
 */
public final class ModelJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);

    private ModelJson() {}

    /*
     * The proto <-> JSON legs use the generated marshaller (protobuf-jackson, as Armeria's
     * transcoding does), one per message type, built on first use. It prints and parses the same
     * proto JSON as JsonFormat several times faster; JsonFormat took about a tenth of the stage
     * services' CPU per ask here (README, Performance).
     */
    private static final Map<Descriptors.Descriptor, MessageMarshaller> MARSHALLERS = new ConcurrentHashMap<>();

    private static MessageMarshaller marshaller(Message prototype) {
        return MARSHALLERS.computeIfAbsent(prototype.getDescriptorForType(), d -> MessageMarshaller.builder()
                .register(prototype.getDefaultInstanceForType())
                .preservingProtoFieldNames(true)
                .omittingInsignificantWhitespace(true)
                .ignoringUnknownFields(true)
                .build());
    }

    public static <T> T fromProto(Message message, Class<T> type) {
        String json;
        try {
            json = marshaller(message).writeValueAsString(message);
        } catch (IOException e) {
            json = null;
        }
        // the marshaller writes a non-finite Struct number as a string where JsonFormat refuses it:
        // a suspicious text takes JsonFormat's path and gets its verdict
        if (json == null || json.contains("NaN") || json.contains("Infinity")) {
            json = Structs.toJson(message);
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public static <B extends Message.Builder> B toProto(Object model, B builder) {
        JsonNode tree = MAPPER.valueToTree(model);
        stripZeroInts(tree);
        try (JsonParser tokens = MAPPER.treeAsTokens(tree)) {
            marshaller(builder.getDefaultInstanceForType()).mergeValue(tokens, builder);
            return builder;
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid JSON for " + builder.getDescriptorForType().getName()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Zero ints mean "unset" in proto3; dropping them keeps JSON output minimal. */
    static void stripZeroInts(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            obj.properties().removeIf(e -> e.getValue().isIntegralNumber() && e.getValue().asLong() == 0
                    || e.getValue().isBoolean() && !e.getValue().asBoolean());
            obj.forEach(ModelJson::stripZeroInts);
        } else if (node != null && node.isArray()) {
            node.forEach(ModelJson::stripZeroInts);
        }
    }
}

package dev.opsuite.kit.json;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON Schema derived from a proto message descriptor, in the proto-JSON shape (snake_case
 * field names, enums by name), for structured output: every object closed
 * (additionalProperties false) and every property listed as required but nullable, which is
 * what strict structured output demands. Generated from the contract so the two cannot drift.
 * Fields named in {@code excluded} ("Message.field") and free-form Struct/Value fields are left
 * out: the model must not set them.
 */
public final class ProtoJsonSchema {
    private static final int MAX_DEPTH = 8;

    private ProtoJsonSchema() {}

    public static Map<String, Object> of(Descriptor message, Set<String> excluded) {
        return object(message, excluded, 0);
    }

    private static Map<String, Object> object(Descriptor d, Set<String> excluded, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("message nesting deeper than " + MAX_DEPTH + " at " + d.getFullName());
        }
        Map<String, Object> props = new LinkedHashMap<>();
        for (FieldDescriptor f : d.getFields()) {
            if (excluded.contains(d.getName() + "." + f.getName()) || isFreeForm(f)) {
                continue;
            }
            Map<String, Object> type = single(f, excluded, depth);
            props.put(f.getName(), f.isRepeated() ? Map.of("type", "array", "items", type) : nullable(type));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", props);
        schema.put("required", new ArrayList<>(props.keySet()));
        schema.put("additionalProperties", false);
        return schema;
    }

    private static Map<String, Object> single(FieldDescriptor f, Set<String> excluded, int depth) {
        return switch (f.getJavaType()) {
            case MESSAGE -> object(f.getMessageType(), excluded, depth + 1);
            case ENUM -> {
                List<Object> names = new ArrayList<>();
                for (EnumValueDescriptor v : f.getEnumType().getValues()) {
                    if (v.getNumber() != 0) { // *_UNSPECIFIED is "not set", i.e. null here
                        names.add(v.getName());
                    }
                }
                yield Map.of("type", "string", "enum", names);
            }
            case INT, LONG -> Map.of("type", "integer");
            case FLOAT, DOUBLE -> Map.of("type", "number");
            case BOOLEAN -> Map.of("type", "boolean");
            default -> Map.of("type", "string");
        };
    }

    private static Map<String, Object> nullable(Map<String, Object> type) {
        if ("object".equals(type.get("type"))) {
            return Map.of("anyOf", List.of(type, Map.of("type", "null")));
        }
        Map<String, Object> out = new LinkedHashMap<>(type);
        out.put("type", List.of(type.get("type"), "null"));
        if (type.get("enum") instanceof List<?> values) {
            List<Object> withNull = new ArrayList<>(values);
            withNull.add(null);
            out.put("enum", withNull);
        }
        return out;
    }

    private static boolean isFreeForm(FieldDescriptor f) {
        return f.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                && f.getMessageType().getFullName().startsWith("google.protobuf.");
    }
}

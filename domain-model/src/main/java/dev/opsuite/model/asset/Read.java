package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the asset records read a member of a content: a member that is absent, JSON null or of
 * another kind than the field declares reads as the field's default. The asset validator
 * (trace-service) refuses a member of the wrong kind on save, so only content that never went
 * through the registry (a test's, a direct caller's) can carry one; the readers then act on the
 * default rather than on a coerced value ("5" is not read as 5, nor "true" as true).
 */
final class Read {
    private Read() {}

    /** A whole number (5 and 5.0 alike: Struct contents carry doubles); a fraction is truncated. */
    static int integer(JsonNode node, int byDefault) {
        return node != null && node.isNumber() ? node.intValue() : byDefault;
    }

    static double number(JsonNode node, double byDefault) {
        return node != null && node.isNumber() && Double.isFinite(node.doubleValue()) ? node.doubleValue() : byDefault;
    }

    static boolean bool(JsonNode node, boolean byDefault) {
        return node != null && node.isBoolean() ? node.booleanValue() : byDefault;
    }

    static String string(JsonNode node, String byDefault) {
        return node != null && node.isTextual() ? node.textValue() : byDefault;
    }

    /** The string elements of an array, in order; other elements (and a member that is no array) are left out. */
    static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(e -> {
                if (e.isTextual()) {
                    out.add(e.textValue());
                }
            });
        }
        return List.copyOf(out);
    }

    /** The object elements of an array, in order; other elements are left out. */
    static List<JsonNode> objects(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(e -> {
                if (e.isObject()) {
                    out.add(e);
                }
            });
        }
        return out;
    }

    /** The members of an object in order (empty for anything else). */
    static Map<String, JsonNode> members(JsonNode node) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The string members of an object, in order (members of other kinds are left out). */
    static Map<String, String> stringMap(JsonNode node) {
        return membersOf(node, JsonNode::isTextual, JsonNode::textValue);
    }

    /** The members of an object as lists of their string elements ({@link #strings}), in order. */
    static Map<String, List<String>> stringLists(JsonNode node) {
        return membersOf(node, v -> true, Read::strings);
    }

    /** The number members of an object, in order (members of other kinds are left out). */
    static Map<String, Double> numberMap(JsonNode node) {
        return membersOf(node, JsonNode::isNumber, JsonNode::doubleValue);
    }

    /** The number members of an object as whole numbers ({@link #integer}: a fraction is truncated), in order. */
    static Map<String, Integer> integerMap(JsonNode node) {
        return membersOf(node, JsonNode::isNumber, JsonNode::intValue);
    }

    private static <V> Map<String, V> membersOf(JsonNode node, java.util.function.Predicate<JsonNode> kind,
                                                java.util.function.Function<JsonNode, V> value) {
        Map<String, V> out = new LinkedHashMap<>();
        members(node).forEach((k, v) -> {
            if (kind.test(v)) {
                out.put(k, value.apply(v));
            }
        });
        return ordered(out);
    }

    /** An unmodifiable copy keeping the asset's order (Map.copyOf does not). */
    static <K, V> Map<K, V> ordered(Map<K, V> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** Whether the member is given at all (JSON null counts as given, as the readers always took it). */
    static boolean given(JsonNode node) {
        return node != null && !node.isMissingNode();
    }
}

package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text for people in an asset: one plain string, or a string per language ({"ko": …, "en": …}).
 * Read in a language, an object without that language falls back to English, then to "".
 */
public record Text(String plain, Map<String, String> languages) {
    public static final Text EMPTY = new Text("", Map.of());

    public Text {
        languages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(languages)); // in the asset's order
    }

    public static Text of(String plain) {
        return new Text(plain, Map.of());
    }

    /** From an asset member: a string, an object of language → string, else (absent, null, other kinds) empty. */
    public static Text from(JsonNode node) {
        return from(node, EMPTY);
    }

    /** As {@link #from(JsonNode)}, with {@code byDefault} for an absent or null member. */
    public static Text from(JsonNode node, Text byDefault) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return byDefault;
        }
        if (node.isTextual()) {
            return of(node.textValue());
        }
        if (!node.isObject()) {
            return EMPTY;
        }
        Map<String, String> languages = new LinkedHashMap<>();
        node.properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                languages.put(e.getKey(), e.getValue().asText());
            }
        });
        return new Text(null, languages);
    }

    /** The text in this language: the plain string, else that language's, else English, else "". */
    public String in(String language) {
        if (plain != null) {
            return plain;
        }
        String v = languages.get(language);
        return v != null ? v : languages.getOrDefault("en", "");
    }
}

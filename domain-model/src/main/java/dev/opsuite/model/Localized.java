package dev.opsuite.model;

import com.fasterxml.jackson.databind.JsonNode;

/** Asset texts given per language ({"ko": ..., "en": ...}) or as one plain string. */
public final class Localized {
    private Localized() {}

    public static String text(JsonNode node, String language) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isTextual()) {
            return node.asText();
        }
        JsonNode v = node.path(language);
        return v.isMissingNode() ? node.path("en").asText("") : v.asText();
    }
}

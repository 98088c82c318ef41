package dev.opsuite.model;

import com.fasterxml.jackson.databind.JsonNode;

/** One applied asset version and its content. */
public record AssetDoc(String type, String name, int version, String status, JsonNode content) {
    /** name@version, as recorded in applied_assets; drafts are marked. */
    public String ref() {
        return name + "@" + version + ("draft".equals(status) ? "(draft)" : "");
    }
}

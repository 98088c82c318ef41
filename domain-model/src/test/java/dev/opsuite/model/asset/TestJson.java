package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Asset contents written in the tests with single quotes for readability. */
final class TestJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestJson() {}

    /** A default asset of the repository (assets/defaults/TYPE/FILE). */
    static JsonNode defaultAsset(String type, String file) {
        try {
            return JSON.readTree(java.nio.file.Path.of("..", "assets", "defaults", type, file).toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}

package dev.opsuite.executor.compose;

import java.util.Map;

/** An answer block: text/markdown use content, table/chart/network use data. */
public record Block(String type, String title, String content, Map<String, Object> data) {
    public static Block text(String content) {
        return new Block("text", "", content, Map.of());
    }
}

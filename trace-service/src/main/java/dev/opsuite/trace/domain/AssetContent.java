package dev.opsuite.trace.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An asset's content between plain Java (Map, List, ...) and the JSON text the store keeps. */
final class AssetContent {
    private static final ObjectMapper JSON = new ObjectMapper();

    private AssetContent() {}

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored asset content is not a JSON object", e);
        }
    }

    /** JSON text; whole numbers (protobuf hands every number as a double) are written without ".0". */
    static String write(Map<String, ?> content) {
        try {
            return JSON.writeValueAsString(normalize(content));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("asset content cannot be written as JSON", e);
        }
    }

    private static Object normalize(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), normalize(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(normalize(x)));
            return out;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        return v;
    }
}

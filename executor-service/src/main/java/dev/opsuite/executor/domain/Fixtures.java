package dev.opsuite.executor.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.errors.OpsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Mode "mock": a Query-asset template answers from its own {@code fixtures} instead of its source.
 * A fixture matches when each of its {@code params} equals the bound parameter of that name (by JSON
 * value); a fixture without params matches any call. The first match wins; no match is an error the
 * trace records (tool_error_fatal), never a silent empty result.
 */
final class Fixtures {
    private Fixtures() {}

    static SqlPort.Tabular answer(QueryTemplate query, Map<String, Object> bound, int maxRows) {
        for (QueryTemplate.Fixture f : query.fixtures()) {
            if (matches(f.params(), bound)) {
                List<String> columns = f.columns();
                List<List<Object>> rows = new ArrayList<>();
                for (List<JsonNode> row : f.rows()) {
                    if (rows.size() == maxRows) {
                        return new SqlPort.Tabular(columns, rows, true);
                    }
                    List<Object> values = new ArrayList<>();
                    row.forEach(v -> values.add(ModelJson.MAPPER.convertValue(v, Object.class)));
                    rows.add(values);
                }
                return new SqlPort.Tabular(columns, rows, false);
            }
        }
        throw OpsException.notFound("mock mode: query " + query.name()
                + " has no fixture matching its parameters " + ModelJson.MAPPER.valueToTree(bound));
    }

    /** A fixture without params ({} or none) matches any call. */
    private static boolean matches(Map<String, JsonNode> want, Map<String, Object> bound) {
        for (Map.Entry<String, JsonNode> e : want.entrySet()) {
            if (!bound.containsKey(e.getKey())) {
                return false;
            }
            JsonNode actual = ModelJson.MAPPER.valueToTree(bound.get(e.getKey()));
            if (!sameValue(e.getValue(), actual)) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.asDouble(), b.asDouble()) == 0;
        }
        if (a.isValueNode() && b.isValueNode()) {
            return a.asText().equals(b.asText()); // timestamps bind as objects but compare as their text
        }
        return a.equals(b);
    }
}

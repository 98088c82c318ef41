package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;

/** Drafts of the default assets that break an answer in a known way, for RCA and Regression Watch tests. */
final class BrokenDrafts {
    private BrokenDrafts() {}

    /**
     * A draft of ci_queries whose metric_latest matches no row (an impossible condition): "서버A의 CPU
     * 사용량은?" asked with it finds nothing. Saved as asset_admin; returns the draft's version.
     */
    static int emptyMetricLatest(Http http) throws Exception {
        ObjectNode content = (ObjectNode) http.get("/ops/assets/query/ci_queries").data().path("content").deepCopy();
        for (JsonNode q : content.path("queries")) {
            if (q.path("name").asText().equals("metric_latest")) {
                ((ObjectNode) q).put("statement", q.path("statement").asText()
                        .replace("WHERE c.ci_code = :ci_code", "WHERE c.ci_code = :ci_code AND c.ci_name IS NULL"));
            }
        }
        ObjectNode save = ModelJson.MAPPER.createObjectNode();
        save.set("content", content);
        Http.Reply saved = http.post("/ops/assets/query/ci_queries", save.toString(), "asset_admin");
        assertEquals(200, saved.status(), saved.raw());
        return saved.data().path("version").asInt();
    }
}

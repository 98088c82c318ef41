package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** POST /ops/query: a general question with explicitly chosen asset versions. */
class QueryEndpointTest {
    private static Http http;

    @BeforeAll
    static void up() throws Exception {
        http = new Http(OpsStack.get());
    }

    @Test
    void answersWithTheChosenAssetsAndRecordsThem() throws Exception {
        Http.Reply r = http.post("/ops/query", "{\"question\":\"서버A의 CPU 사용량은?\",\"mode\":\"real\","
                + "\"assets\":{\"query\":\"ci_queries@1\",\"mapping\":\"ci_mapping\"}}");
        assertEquals(200, r.status(), r.raw());
        assertTrue(r.data().path("answer").asText().contains("(SVR001)의 현재 CPU 사용량은"), r.raw());
        assertEquals("ops", r.data().path("trace").path("feature").asText());
        assertEquals("/ops/query", r.data().path("trace").path("endpoint").asText());
        assertEquals("ci_queries@1", r.data().path("trace").path("applied_assets").path("query").asText());
    }

    @Test
    void unknownAssetsAreRefusedClearly() throws Exception {
        BadInputTest.assertEnvelope(http.post("/ops/query", "{\"question\":\"x\",\"assets\":{\"query\":\"nope@9\"}}"),
                400, "nope");
        BadInputTest.assertEnvelope(http.post("/ops/query", "{\"question\":\"x\",\"assets\":{\"widget\":\"a\"}}"),
                400, "unknown asset type");
        BadInputTest.assertEnvelope(http.post("/ops/query", "{\"assets\":{}}"), 400, "question is required");
    }
}

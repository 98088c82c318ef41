package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import org.junit.jupiter.api.Test;

/** Draft -> override -> diff -> publish -> rollback of a Mapping asset, over REST, changing answers without code. */
class AssetRegistryEndToEndTest {
    private static final String ADMIN = "asset_admin";

    @Test
    void aDraftChangesAnswersOnlyWhenChosenThenWhenPublished() throws Exception {
        Http http = new Http(OpsStack.get());
        Http.Reply current = http.get("/ops/assets/mapping/ci_mapping");
        assertEquals(200, current.status(), current.raw());
        int published = current.data().path("version").asInt();
        ObjectNode content = (ObjectNode) current.data().path("content").deepCopy();
        for (JsonNode rule : content.path("rules")) {
            if (rule.path("query").asText().equals("metric_latest")) {
                ((ObjectNode) rule.path("blocks").get(0).path("template")).put("ko",
                        "[초안] {ci_name}({ci_code}) {metric_label} = {value}{unit}");
            }
        }
        ObjectNode body = ModelJson.MAPPER.createObjectNode();
        body.set("content", content);
        BadInputTest.assertEnvelope(http.post("/ops/assets/mapping/ci_mapping", body.toString()), 403, "asset_admin");
        Http.Reply saved = http.post("/ops/assets/mapping/ci_mapping", body.toString(), ADMIN);
        assertEquals(200, saved.status(), saved.raw());
        assertEquals("draft", saved.data().path("status").asText());
        int draft = saved.data().path("version").asInt();
        assertTrue(draft > published);
        try {
            Http.Reply withDraft = http.post("/ops/ci/ask", "{\"question\":\"서버A의 CPU 사용량은?\","
                    + "\"asset_overrides\":{\"mapping\":\"ci_mapping(draft)\"}}", "operator");
            assertTrue(withDraft.data().path("answer").asText().startsWith("[초안] "), withDraft.raw());
            assertEquals("ci_mapping@" + draft + "(draft)",
                    withDraft.data().path("trace").path("applied_assets").path("mapping").asText());
            Http.Reply without = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
            assertTrue(without.data().path("answer").asText().contains("의 현재 CPU 사용량은"), without.raw());

            Http.Reply diff = http.get("/ops/assets/mapping/ci_mapping/diff?from_version=" + published
                    + "&to_version=" + draft);
            assertEquals(200, diff.status(), diff.raw());
            assertTrue(diff.data().path("changes").toString().contains(".template.ko"), diff.raw());

            Http.Reply publish = http.post("/ops/assets/mapping/ci_mapping/publish", "{\"version\":" + draft + "}", ADMIN);
            assertEquals(200, publish.status(), publish.raw());
            assertEquals(published, publish.data().path("archived_version").asInt());
            Http.Reply live = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
            assertTrue(live.data().path("answer").asText().startsWith("[초안] "), live.raw());
            assertEquals("ci_mapping@" + draft, live.data().path("trace").path("applied_assets").path("mapping").asText());
        } finally {
            Http.Reply back = http.post("/ops/assets/mapping/ci_mapping/publish", "{\"version\":" + published + "}", ADMIN);
            assertEquals(200, back.status(), back.raw());
        }
        Http.Reply restored = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
        assertTrue(restored.data().path("answer").asText().contains("의 현재 CPU 사용량은"), restored.raw());
        Http.Reply history = http.get("/ops/assets?asset_type=mapping&name=ci_mapping");
        assertTrue(history.data().path("assets").size() >= 2, history.raw());
    }

    @Test
    void badAssetsAndUnknownVersionsAreRefused() throws Exception {
        Http http = new Http(OpsStack.get());
        String bad = "{\"content\":{\"name\":\"ci_policy\",\"budget\":{\"max_depth\":\"deep\",\"max_steps\":-1}}}";
        Http.Reply r = http.post("/ops/assets/policy/ci_policy", bad, ADMIN);
        BadInputTest.assertEnvelope(r, 400, "$.budget.max_depth");
        assertTrue(r.body().path("message").asText().contains("$.budget.max_steps"), r.raw());
        BadInputTest.assertEnvelope(http.post("/ops/assets/mapping/ci_mapping/publish", "{\"version\":9999}", ADMIN),
                404, "");
        BadInputTest.assertEnvelope(http.post("/ops/assets/widget/x", "{\"content\":{}}", ADMIN), 400, "");
        BadInputTest.assertEnvelope(http.get("/ops/assets/mapping/no_such_mapping"), 404, "");
        String secret = "{\"content\":{\"name\":\"pg2\",\"type\":\"postgres\",\"connection\":{\"host\":\"h\","
                + "\"password\":\"hunter2\"}}}";
        Http.Reply leaked = http.post("/ops/assets/source/pg2", secret, ADMIN);
        BadInputTest.assertEnvelope(leaked, 400, "");
        assertTrue(!leaked.raw().contains("hunter2"), "the secret value is never echoed");
    }

    @Test
    void aSourceCannotReadTheProcessEnvironmentBackThroughItsHealth() throws Exception {
        // #13: url_ref "PATH" printed the process's PATH in data.detail
        Http http = new Http(OpsStack.get());
        String path = System.getenv("PATH");
        for (String ref : new String[] {"PATH", "HOME", "JAVA_HOME"}) {
            String leak = "{\"content\":{\"name\":\"leak\",\"type\":\"postgres\",\"connection\":{\"url_ref\":\""
                    + ref + "\",\"user_ref\":\"" + ref + "\"}}}";
            Http.Reply saved = http.post("/ops/assets/source/leak", leak, ADMIN);
            assertEquals(200, saved.status(), saved.raw());
            Http.Reply health = http.get("/ops/assets/source/leak/health?version=" + saved.data().path("version").asInt());
            String value = System.getenv(ref);
            assertTrue(value == null || value.length() < 3 || !health.raw().contains(value),
                    ref + " leaked: " + health.raw());
            assertTrue(path == null || !health.raw().contains(path), health.raw());
            assertTrue(!health.data().path("reachable").asBoolean(), health.raw());
        }
    }

    @Test
    void sourceHealthReportsReachabilityReadOnlyAndLatency() throws Exception {
        Http http = new Http(OpsStack.get());
        for (String source : new String[] {"postgres_main", "neo4j_graph"}) {
            Http.Reply r = http.get("/ops/assets/source/" + source + "/health");
            assertEquals(200, r.status(), r.raw());
            assertTrue(r.data().path("reachable").asBoolean(), r.raw());
            assertTrue(r.data().path("read_only").asBoolean(), r.raw());
            assertEquals(source + "@1", r.data().path("source").asText());
        }
        BadInputTest.assertEnvelope(http.get("/ops/assets/source/no_such_source/health"), 404, "");
    }

    @Test
    void aSourceCannotPointAtMetadataOrAnUnlistedHost() throws Exception {
        // #13: SSRF through a Source asset: the executor refuses the address before connecting
        Http http = new Http(OpsStack.get());
        for (String host : new String[] {"169.254.169.254", "metadata.google.internal", "10.255.255.1"}) {
            String body = "{\"content\":{\"name\":\"ssrf\",\"type\":\"postgres\",\"connection\":{\"host\":\""
                    + host + "\",\"port\":5432,\"user_ref\":\"PG_USER\",\"password_ref\":\"PG_PASSWORD\"}}}";
            Http.Reply saved = http.post("/ops/assets/source/ssrf", body, ADMIN);
            assertEquals(200, saved.status(), saved.raw());
            Http.Reply health = http.get("/ops/assets/source/ssrf/health?version=" + saved.data().path("version").asInt());
            assertEquals(200, health.status(), health.raw());
            assertTrue(!health.data().path("reachable").asBoolean(), health.raw());
            assertTrue(health.data().path("detail").asText().contains("not an allowed source address"), health.raw());
        }
    }
}

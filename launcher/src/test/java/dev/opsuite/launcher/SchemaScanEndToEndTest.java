package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /ops/assets/source/{name}/scan on the demo estate: PostgreSQL and Neo4j, saved as a valid draft. */
class SchemaScanEndToEndTest {
    private static final String ADMIN = "asset_admin";
    private static Http http;

    @BeforeAll
    static void up() throws Exception {
        http = new Http(OpsStack.get());
    }

    private static Map<String, JsonNode> entities(JsonNode content) {
        Map<String, JsonNode> byName = new HashMap<>();
        content.path("entities").forEach(e -> byName.put(e.path("name").asText(), e));
        return byName;
    }

    private static JsonNode field(JsonNode entity, String name) {
        for (JsonNode f : entity.path("fields")) {
            if (f.path("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name + " in " + entity);
    }

    @Test
    void postgresScanFindsTablesKeysAndForeignKeysButNotPartitionsOrBlockedTables() throws Exception {
        Http.Reply r = http.post("/ops/assets/source/postgres_main/scan", "{}", ADMIN);
        assertEquals(200, r.status(), r.raw());
        JsonNode asset = r.data().path("asset");
        assertEquals("schema", asset.path("asset_type").asText());
        assertEquals("postgres_main_schema", asset.path("name").asText());
        assertEquals("draft", asset.path("status").asText());
        assertEquals("postgres_main@1", r.data().path("source").asText());
        JsonNode content = r.data().path("content");
        assertEquals("postgres_main_schema", content.path("name").asText());
        Map<String, JsonNode> e = entities(content);
        for (String table : new String[] {"ci", "ci_alias", "ci_relation", "ci_metric", "ci_event"}) {
            assertTrue(e.containsKey(table), table + " missing: " + e.keySet());
            assertEquals("postgres_main", e.get(table).path("source").asText());
            assertEquals(table, e.get(table).path("table").asText());
        }
        assertEquals("partitioned_table", e.get("ci_metric").path("kind").asText());
        assertTrue(e.keySet().stream().noneMatch(n -> n.startsWith("ci_metric_y")), "partitions listed: " + e.keySet());
        assertFalse(e.containsKey("users") || e.containsKey("credentials"), "blocked tables listed: " + e.keySet());
        assertTrue(r.data().path("excluded").toString().contains("public.users"), r.data().path("excluded").toString());
        assertTrue(r.data().path("excluded").toString().contains("public.credentials"));
        assertFalse(r.raw().contains("FAKE-NOT-A-SECRET"), "no blocked data in the scan");

        assertTrue(field(e.get("ci"), "ci_code").path("primary_key").asBoolean());
        assertEquals("string", field(e.get("ci"), "ci_code").path("type").asText());
        assertFalse(field(e.get("ci"), "ci_name").path("nullable").asBoolean());
        assertTrue(field(e.get("ci"), "owner").path("nullable").asBoolean());
        assertEquals("timestamp", field(e.get("ci_metric"), "ts").path("type").asText());
        assertEquals("float", field(e.get("ci_metric"), "value").path("type").asText());
        assertEquals("json", field(e.get("ci"), "attributes").path("type").asText());
        assertTrue(field(e.get("ci_metric"), "ts").path("primary_key").asBoolean(), "partitioned parent keeps its key");
        assertEquals("ci.ci_code", field(e.get("ci_alias"), "ci_code").path("references").asText());
        assertTrue(e.get("ci").path("relationships").toString().contains("\"target\":\"ci_alias\""),
                e.get("ci").toString());

        // the draft is stored and readable like any other version (saving validated it)
        Http.Reply stored = http.get("/ops/assets/schema/postgres_main_schema?version="
                + asset.path("version").asInt());
        assertEquals(200, stored.status(), stored.raw());
        assertEquals("draft", stored.data().path("status").asText());
        assertEquals(content.path("entities").size(), stored.data().path("content").path("entities").size());
    }

    @Test
    void neo4jScanFindsTheCiLabelAndTheRelationshipTypes() throws Exception {
        Http.Reply r = http.post("/ops/assets/source/neo4j_graph/scan", "{\"catalog_name\":\"graph_scan\"}", ADMIN);
        assertEquals(200, r.status(), r.raw());
        assertEquals("graph_scan", r.data().path("asset").path("name").asText());
        Map<String, JsonNode> e = entities(r.data().path("content"));
        assertTrue(e.containsKey("CI"), e.keySet().toString());
        assertEquals("CI", e.get("CI").path("label").asText());
        assertEquals("string", field(e.get("CI"), "ci_code").path("type").asText());
        field(e.get("CI"), "ci_name");
        Map<String, JsonNode> rel = new HashMap<>();
        r.data().path("content").path("relations").forEach(x -> rel.put(x.path("type").asText(), x));
        for (String type : new String[] {"DEPENDS_ON", "RUNS_ON", "CONNECTS_TO", "HOSTS"}) {
            assertTrue(rel.containsKey(type), type + " missing: " + rel.keySet());
            assertEquals("[\"CI\"]", rel.get(type).path("from").toString());
            assertEquals("[\"CI\"]", rel.get(type).path("to").toString());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no role              | postgres_main     | {}                                   |             | 403 | asset_admin",
        "viewer               | postgres_main     | {}                                   | viewer      | 403 | asset_admin",
        "unknown source       | no_such_source    | {}                                   | asset_admin | 404 | no source asset",
        "bad source name      | bad%27name        | {}                                   | asset_admin | 400 | name must be",
        "catalog injection    | postgres_main     | {\"catalog_name\":\"x'; drop table ci;--\"} | asset_admin | 400 | catalog_name",
        "negative version     | postgres_main     | {\"version\":-1}                     | asset_admin | 400 | version",
        "unknown version      | postgres_main     | {\"version\":99}                     | asset_admin | 400 | has no version 99",
        "version of wrong type| postgres_main     | {\"version\":\"two\"}                | asset_admin | 400 | ",
        "malformed JSON       | postgres_main     | {\"catalog_name\":                   | asset_admin | 400 | ",
        "catalog of wrong type| postgres_main     | {\"catalog_name\":[\"x\"]}            | asset_admin | 400 | "
    })
    void badScanRequestsAreRefused(String name, String source, String body, String roles, int status, String part)
            throws Exception {
        Http.Reply r = http.post("/ops/assets/source/" + source + "/scan", body, roles);
        BadInputTest.assertEnvelope(r, status, part == null ? "" : part.trim());
    }
}

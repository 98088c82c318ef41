package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** POST /ops/assets/query/{name}/preview: typed params, VALIDATE's guard, bounded rows and time, SQL and Cypher. */
class QueryPreviewEndToEndTest {
    private static final String OPERATOR = "operator";
    private static final String PROBE = "preview_probe";
    private static Http http;
    private static int probeDraft;

    @BeforeAll
    static void up() throws Exception {
        http = new Http(OpsStack.get());
        ObjectNode content = ModelJson.MAPPER.createObjectNode().put("name", PROBE);
        ArrayNode queries = content.putArray("queries");
        template(queries, "blocked", "postgres_main", "sql", "SELECT login, email FROM users");
        template(queries, "dml", "postgres_main", "sql", "DELETE FROM ci WHERE ci_code = :ci_code")
                .putArray("params").addObject().put("name", "ci_code").put("type", "string");
        template(queries, "slow", "postgres_main", "sql",
                "SELECT count(*) AS n FROM ci_metric a, ci_metric b, ci_metric c");
        template(queries, "cypher_write", "neo4j_graph", "cypher", "MATCH (n:CI) SET n.touched = true RETURN n");
        template(queries, "undeclared", "postgres_main", "sql", "SELECT ci_code FROM ci WHERE ci_code = :ci_code");
        // #13: unqualified catalog names resolve to pg_catalog in PostgreSQL, whatever the search_path
        template(queries, "catalog", "postgres_main", "sql", "SELECT rolname, rolpassword FROM pg_authid");
        template(queries, "catalog_view", "postgres_main", "sql", "SELECT usename, passwd FROM pg_shadow");
        template(queries, "cypher_load", "neo4j_graph", "cypher", "LOAD/**/CSV FROM 'file:///etc/passwd' AS l RETURN l");
        ObjectNode body = ModelJson.MAPPER.createObjectNode();
        body.set("content", content);
        Http.Reply saved = http.post("/ops/assets/query/" + PROBE, body.toString(), "asset_admin");
        assertEquals(200, saved.status(), saved.raw());
        probeDraft = saved.data().path("version").asInt();
    }

    private static ObjectNode template(ArrayNode queries, String name, String source, String language, String sql) {
        return queries.addObject().put("name", name).put("source", source).put("language", language)
                .put("statement", sql);
    }

    private static Http.Reply preview(String asset, String body, String roles) throws Exception {
        return http.post("/ops/assets/query/" + asset + "/preview", body, roles);
    }

    @Test
    void sqlPreviewReturnsRowsTimingTheExactStatementAndBoundParams() throws Exception {
        Http.Reply r = preview("ci_queries", "{\"query\":\"metric_latest\",\"params\":{\"ci_code\":\"SVR001\","
                + "\"metric_name\":\"cpu_usage\"}}", OPERATOR);
        assertEquals(200, r.status(), r.raw());
        JsonNode d = r.data();
        assertEquals("ci_queries@1", d.path("query_asset").asText());
        assertEquals("postgres_main@1", d.path("source").asText());
        assertEquals("sql", d.path("language").asText());
        assertEquals(1, d.path("row_count").asInt(), r.raw());
        assertTrue(d.path("columns").toString().contains("ci_code"), r.raw());
        int col = 0;
        while (!d.path("columns").get(col).asText().equals("ci_code")) {
            col++;
        }
        assertEquals("SVR001", d.path("rows").get(0).get(col).asText(), r.raw());
        assertTrue(d.path("statement").asText().contains(":ci_code"), "the template's statement, as it ran");
        assertEquals("SVR001", d.path("params").path("ci_code").asText());
        assertTrue(d.path("duration_ms").asInt() >= 0);
        assertTrue(d.path("decisions").toString().contains("security.sql_allowlist"), r.raw());
    }

    @Test
    void rowsAreBoundedAndTheResultSaysTruncated() throws Exception {
        Http.Reply r = preview("ci_queries", "{\"query\":\"ci_list\",\"max_rows\":5,\"params\":{\"ci_type_list\":[],"
                + "\"status_list\":[],\"environment_list\":[],\"location_list\":[],\"owner_list\":[],\"limit\":100,\"offset\":0}}",
                "asset_admin");
        assertEquals(200, r.status(), r.raw());
        assertEquals(5, r.data().path("row_count").asInt(), r.raw());
        assertEquals(5, r.data().path("rows").size());
        assertTrue(r.data().path("truncated").asBoolean(), r.raw());
        assertEquals(5, r.data().path("max_rows").asInt());
    }

    @Test
    void cypherPreviewRunsInAReadSession() throws Exception {
        Http.Reply r = preview("ci_queries", "{\"query\":\"graph_neighbors\",\"params\":{\"ci_code\":\"SVR001\","
                + "\"ci_type_list\":[],\"graph_limit\":20}}", OPERATOR);
        assertEquals(200, r.status(), r.raw());
        assertEquals("cypher", r.data().path("language").asText());
        assertEquals("neo4j_graph@1", r.data().path("source").asText());
        assertTrue(r.data().path("row_count").asInt() > 0, r.raw());
        assertEquals(20, r.data().path("params").path("graph_limit").asInt());
    }

    @Test
    void theGuardRefusesBlockedTablesDmlAndCypherWritesInADraft() throws Exception {
        Http.Reply blocked = preview(PROBE, "{\"query\":\"blocked\",\"draft\":true}", OPERATOR);
        BadInputTest.assertEnvelope(blocked, 403, "blocked_tables");
        assertTrue(!blocked.raw().contains("fake-admin"), "no row of a blocked table is returned");
        BadInputTest.assertEnvelope(preview(PROBE, "{\"query\":\"dml\",\"draft\":true,\"params\":{\"ci_code\":\"SVR001\"}}",
                OPERATOR), 403, "allowed_operations");
        BadInputTest.assertEnvelope(preview(PROBE, "{\"query\":\"cypher_write\",\"draft\":true}", OPERATOR), 403,
                "write");
        BadInputTest.assertEnvelope(preview(PROBE, "{\"query\":\"blocked\",\"version\":" + probeDraft + "}", OPERATOR),
                403, "blocked_tables");
        for (String q : new String[] {"catalog", "catalog_view"}) {
            Http.Reply catalog = preview(PROBE, "{\"query\":\"" + q + "\",\"draft\":true}", OPERATOR);
            BadInputTest.assertEnvelope(catalog, 403, "schema_allowlist");
            assertTrue(!catalog.raw().contains("SCRAM-SHA-256") && !catalog.raw().contains("md5"), catalog.raw());
        }
        assertEquals(403, preview(PROBE, "{\"query\":\"cypher_load\",\"draft\":true}", OPERATOR).status());
        Http.Reply still = preview("ci_queries", "{\"query\":\"ci_attributes\",\"params\":{\"ci_code\":\"SVR001\"}}",
                OPERATOR);
        assertEquals(1, still.data().path("row_count").asInt(), "the DML never ran: " + still.raw());
    }

    @Test
    void aStatementOverItsTimeIsCancelled() throws Exception {
        BadInputTest.assertEnvelope(preview(PROBE, "{\"query\":\"slow\",\"draft\":true,\"timeout_seconds\":1}",
                OPERATOR), 504, "timed out");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing param       | ci_queries | {\"query\":\"metric_latest\",\"params\":{\"ci_code\":\"SVR001\"}} | operator | 400 | params.metric_name is missing",
        "wrong-typed param   | ci_queries | {\"query\":\"ci_search\",\"params\":{\"keyword\":\"db\",\"ci_type_list\":[],\"status_list\":[],\"limit\":\"ten\"}} | operator | 400 | params.limit must be an integer",
        "fractional int      | ci_queries | {\"query\":\"ci_search\",\"params\":{\"keyword\":\"db\",\"ci_type_list\":[],\"status_list\":[],\"limit\":1.5}} | operator | 400 | params.limit must be an integer",
        "bad timestamp       | ci_queries | {\"query\":\"metric_agg\",\"params\":{\"agg\":\"avg\",\"ci_code\":\"SVR001\",\"metric_name\":\"cpu_usage\",\"time_from\":\"yesterday\",\"time_to\":\"2026-01-01T00:00:00Z\"}} | operator | 400 | RFC 3339",
        "extra param         | ci_queries | {\"query\":\"ci_attributes\",\"params\":{\"ci_code\":\"SVR001\",\"x\":1}} | operator | 400 | params.x is not a parameter",
        "injection as value  | ci_queries | {\"query\":\"ci_attributes\",\"params\":{\"ci_code\":[\"a'; drop table ci;--\"]}} | operator | 400 | params.ci_code must be a string",
        "undeclared use      | preview_probe | {\"query\":\"undeclared\",\"draft\":true} | operator | 400 | do not declare",
        "unknown template    | ci_queries | {\"query\":\"no_such_template\"} | operator | 404 | no template",
        "unknown asset       | no_such_queries | {\"query\":\"metric_latest\"} | operator | 404 | no query asset",
        "unknown version     | ci_queries | {\"query\":\"metric_latest\",\"version\":99} | operator | 400 | has no version 99",
        "version and draft   | ci_queries | {\"query\":\"metric_latest\",\"version\":1,\"draft\":true} | operator | 400 | not both",
        "too many rows       | ci_queries | {\"query\":\"ci_attributes\",\"max_rows\":5000,\"params\":{\"ci_code\":\"SVR001\"}} | operator | 400 | max_rows",
        "negative timeout    | ci_queries | {\"query\":\"ci_attributes\",\"timeout_seconds\":-1} | operator | 400 | must not be negative",
        "missing query       | ci_queries | {} | operator | 400 | query must be",
        "params not object   | ci_queries | {\"query\":\"ci_attributes\",\"params\":[1]} | operator | 400 | ",
        "malformed JSON      | ci_queries | {\"query\": | operator | 400 | ",
        "viewer              | ci_queries | {\"query\":\"ci_attributes\",\"params\":{\"ci_code\":\"SVR001\"}} | viewer | 403 | operator",
        "no role             | ci_queries | {\"query\":\"ci_attributes\",\"params\":{\"ci_code\":\"SVR001\"}} |  | 403 | operator"
    })
    void badPreviewRequestsAreRefused(String name, String asset, String body, String roles, int status, String part)
            throws Exception {
        BadInputTest.assertEnvelope(preview(asset, body, roles), status, part == null ? "" : part.trim());
    }
}

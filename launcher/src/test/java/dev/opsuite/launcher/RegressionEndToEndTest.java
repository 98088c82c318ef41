package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regression Watch over REST on the running stack: a golden query takes its first answer as the
 * baseline, passes when run again (also repeated), fails with a linked diff RCA when a draft Query
 * asset empties the answer, runs as a set by tag, keeps its history, moves its baseline only to a
 * trace of the same question, and refuses bad input with a 400 and writers without the role with a 403.
 */
class RegressionEndToEndTest {
    private static final String QUESTION = "서버A의 CPU 사용량은?";
    private static Http http;
    private static String queryId;
    private static String baseline;
    private static int draft;

    private static String admin() throws Exception {
        return "Bearer " + TestKeys.token(OpsStack.get(), "asset_admin");
    }

    @BeforeAll
    static void up() throws Exception {
        http = new Http(OpsStack.get()).as("asset_admin");
        Http.Reply created = http.post("/ops/golden-queries", "{\"name\":\"cpu of server A\",\"question\":\"" + QUESTION
                + "\",\"tags\":[\"smoke\",\"metric\"],\"bound_assets\":[\"query/ci_queries\"],"
                + "\"expectations\":{\"latency_factor\":50}}");
        assertEquals(200, created.status(), created.raw());
        queryId = created.data().path("query_id").asText();
        baseline = created.data().path("baseline_trace_id").asText();
        assertTrue(queryId.matches("gq_[a-z0-9]{16}"), created.raw());
        assertFalse(baseline.isEmpty(), created.raw());

        draft = BrokenDrafts.emptyMetricLatest(http);
    }

    /** The stack is shared: golden queries left behind would gate other test classes' publishes. */
    @AfterAll
    static void down() throws Exception {
        for (JsonNode q : http.get("/ops/golden-queries").data().path("queries")) {
            Http.Reply r = http.send("DELETE", "/ops/golden-queries/" + q.path("query_id").asText(), null,
                    "authorization", admin());
            assertEquals(200, r.status(), r.raw());
        }
    }

    @Test
    void anUnchangedProductPassesAlsoWhenRepeated() throws Exception {
        Http.Reply r = http.post("/ops/golden-queries/" + queryId + "/run-regression", "{\"repeat\":3}");
        assertEquals(200, r.status(), r.raw());
        JsonNode run = r.data();
        assertEquals("pass", run.path("judgment").asText(), r.raw());
        assertTrue(run.path("verdict_reason").asText().contains("(all 3 runs)"), r.raw());
        assertEquals(baseline, run.path("baseline_trace_id").asText());
        assertTrue(run.path("run_id").asText().startsWith("rr_"), r.raw());
        assertEquals("", run.path("rca_trace_id").asText(""));
        assertEquals("pass ×3", run.path("diff_summary").path("runs").asText(), r.raw());
    }

    @Test
    void aDraftThatEmptiesTheAnswerFailsWithALinkedRca() throws Exception {
        Http.Reply r = http.post("/ops/golden-queries/" + queryId + "/run-regression",
                "{\"asset_overrides\":{\"query\":\"ci_queries@" + draft + "\"}}");
        assertEquals(200, r.status(), r.raw());
        JsonNode run = r.data();
        assertEquals("fail", run.path("judgment").asText(), r.raw());
        assertTrue(run.path("verdict_reason").asText().startsWith("behaviour changed: "), r.raw());
        assertTrue(run.path("verdict_reason").asText().contains("references[0].statement"), r.raw());
        String rca = run.path("rca_trace_id").asText();
        assertFalse(rca.isEmpty(), r.raw());
        Http.Reply rcaTrace = http.get("/ops/traces/" + rca);
        assertEquals(200, rcaTrace.status(), rcaTrace.raw());
        assertEquals("rca", rcaTrace.data().path("feature").asText());
        assertTrue(rcaTrace.data().path("answer").path("blocks").get(1).path("content").asText()
                .contains("Asset changed: query"), rcaTrace.raw());

        Http.Reply history = http.get("/ops/golden-queries/" + queryId + "/runs");
        assertEquals(200, history.status(), history.raw());
        assertTrue(history.data().path("runs").size() >= 1);
        boolean listed = false;
        for (JsonNode h : history.data().path("runs")) {
            listed |= h.path("run_id").asText().equals(run.path("run_id").asText());
        }
        assertTrue(listed, history.raw());
    }

    @Test
    void aSetRunsByTagWithTotals() throws Exception {
        Http.Reply r = http.post("/ops/golden-queries/run-regression", "{\"tags\":[\"smoke\"]}");
        assertEquals(200, r.status(), r.raw());
        assertTrue(r.data().path("runs").size() >= 1, r.raw());
        JsonNode t = r.data().path("totals");
        assertEquals(r.data().path("runs").size(), t.path("pass").asInt() + t.path("fail").asInt()
                + t.path("warning").asInt(), r.raw());
        Http.Reply none = http.post("/ops/golden-queries/run-regression", "{\"tags\":[\"no-such-tag\"]}");
        assertEquals(200, none.status(), none.raw());
        assertEquals(0, none.data().path("runs").size());
        Http.Reply bound = http.get("/ops/golden-queries?bound_asset=query");
        assertTrue(bound.data().path("queries").toString().contains(queryId), bound.raw());
    }

    @Test
    void theBaselineMovesOnlyToATraceOfTheSameQuestion() throws Exception {
        String again = http.post("/ops/ci/ask", Http.ask(QUESTION)).data().path("meta").path("trace_id").asText();
        String other = http.post("/ops/ci/ask", Http.ask("what is impacted if db-01 fails?")).data().path("meta")
                .path("trace_id").asText();
        Http.Reply refused = http.send("PUT", "/ops/golden-queries/" + queryId + "/baseline",
                "{\"trace_id\":\"" + other + "\"}", "authorization", admin());
        assertEquals(400, refused.status(), refused.raw());
        assertTrue(refused.body().path("message").asText().contains("another question"), refused.raw());
        Http.Reply moved = http.send("PUT", "/ops/golden-queries/" + queryId + "/baseline",
                "{\"trace_id\":\"" + again + "\"}", "authorization", admin());
        assertEquals(200, moved.status(), moved.raw());
        assertEquals(again, moved.data().path("baseline_trace_id").asText());
        assertEquals(again, http.get("/ops/golden-queries/" + queryId).data().path("baseline_trace_id").asText());
    }

    @Test
    void badInputIs400AndWritingNeedsTheRole() throws Exception {
        String[][] cases = {
            {"{\"question\":\"" + QUESTION + "\"}", "name is required"},
            {"{\"name\":\"x\"}", "question is required"},
            {"{\"name\":\"x\",\"question\":\"q\",\"tags\":[\"Bad Tag!\"]}", "tags"},
            {"{\"name\":\"x\",\"question\":\"q\",\"bound_assets\":[\"passwords\"]}", "not an asset type"},
            {"{\"name\":\"x\",\"question\":\"q\",\"expectations\":{\"rows_tolerance\":5}}", "rows_tolerance must be"},
            {"{\"name\":\"x\",\"question\":\"q\",\"expectations\":{\"drop\":true}}", "unknown field"},
            {"{\"name\":\"x\",\"question\":\"q\",\"mode\":\"chaos\"}", "mode must be"},
            {"{\"name\":\"x\",\"question\":\"q\",\"baseline_trace_id\":\"'; DROP TABLE x\"}", "baseline_trace_id must be"},
            {"{\"name\":", ""},
        };
        for (String[] c : cases) {
            Http.Reply r = http.post("/ops/golden-queries", c[0]);
            assertEquals(400, r.status(), c[0] + " → " + r.raw());
            assertTrue(r.body().path("message").asText().contains(c[1]), c[0] + " → " + r.raw());
        }
        assertEquals(400, http.post("/ops/golden-queries/" + queryId + "/run-regression", "{\"repeat\":99}").status());
        assertEquals(400, http.get("/ops/golden-queries/not-an-id").status());
        assertEquals(404, http.get("/ops/golden-queries/gq_0000000000000000").status());
        Http.Reply viewer = new Http(OpsStack.get()).post("/ops/golden-queries",
                "{\"name\":\"x\",\"question\":\"" + QUESTION + "\"}", "operator");
        assertEquals(403, viewer.status(), viewer.raw());

        Http.Reply temp = http.post("/ops/golden-queries", "{\"name\":\"temp\",\"question\":\"" + QUESTION + "\"}");
        String id = temp.data().path("query_id").asText();
        assertEquals(200, http.send("DELETE", "/ops/golden-queries/" + id, null, "authorization", admin()).status());
        assertEquals(404, http.get("/ops/golden-queries/" + id).status());
    }

    @Test
    void thePublishGateRefusesADraftThatFailsABoundGoldenQuery() throws Exception {
        Http.Reply refused = http.post("/ops/assets/query/ci_queries/publish", "{\"version\":" + draft + "}");
        assertEquals(409, refused.status(), refused.raw());
        assertTrue(refused.body().path("message").asText().startsWith("publish refused by the gate: "), refused.raw());
        JsonNode gate = refused.body().path("data").path("gate");
        assertEquals("fail", gate.path("judgment").asText(), refused.raw());
        assertEquals(draft, gate.path("version").asInt());
        boolean linked = false;
        for (JsonNode run : gate.path("runs")) {
            linked |= run.path("query_id").asText().equals(queryId) && run.path("judgment").asText().equals("fail")
                    && !run.path("rca_trace_id").asText().isEmpty();
        }
        assertTrue(linked, gate.toString());
        // still the published version: the refused draft did not go out
        assertTrue(http.get("/ops/assets/query/ci_queries").data().path("status").asText().equals("published"));
        // only an admin may publish over the gate, with a reason
        Http.Reply notAdmin = http.post("/ops/assets/query/ci_queries/publish", "{\"version\":" + draft
                + ",\"override_reason\":\"trust me\"}");
        assertEquals(403, notAdmin.status(), notAdmin.raw());
        assertEquals(400, http.post("/ops/assets/query/ci_queries/publish", "{\"version\":0}").status());
        assertEquals(404, http.post("/ops/assets/query/ci_queries/publish", "{\"version\":999}").status());
    }

    @Test
    void aVersionThatKeepsItsGoldenQueriesPassingIsPublishedWithTheReport() throws Exception {
        ObjectNode screen = (ObjectNode) http.get("/ops/assets/screen/ci_screen").data().path("content").deepCopy();
        screen.put("name", "gate_screen");
        ObjectNode save = ModelJson.MAPPER.createObjectNode();
        save.set("content", screen);
        Http.Reply saved = http.post("/ops/assets/screen/gate_screen", save.toString());
        assertEquals(200, saved.status(), saved.raw());
        Http.Reply golden = http.post("/ops/golden-queries", "{\"name\":\"screen guard\",\"question\":\"" + QUESTION
                + "\",\"bound_assets\":[\"screen/gate_screen\"],\"expectations\":{\"latency_factor\":50}}");
        assertEquals(200, golden.status(), golden.raw());
        Http.Reply published = http.post("/ops/assets/screen/gate_screen/publish", "{\"version\":1}");
        assertEquals(200, published.status(), published.raw());
        JsonNode gate = published.data().path("gate");
        assertEquals("pass", gate.path("judgment").asText(), published.raw());
        assertEquals(1, gate.path("runs").size(), published.raw());
        assertEquals("published", published.data().path("asset").path("status").asText());
    }
}

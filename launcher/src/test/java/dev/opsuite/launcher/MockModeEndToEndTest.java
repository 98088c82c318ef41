package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import org.junit.jupiter.api.Test;

/**
 * mode "mock": the full pipeline runs, every Query-asset template answers from its fixtures, and no
 * source is touched — proven with a Source whose database is unreachable.
 */
class MockModeEndToEndTest {
    private static final String ADMIN = "asset_admin";

    private static String mock(String question, String sourceOverride) {
        ObjectNode b = ModelJson.MAPPER.createObjectNode().put("question", question).put("mode", "mock");
        if (sourceOverride != null) {
            b.putObject("asset_overrides").put("source", sourceOverride);
        }
        return b.toString();
    }

    @Test
    void theSeedQuestionIsAnsweredFromFixturesWithoutTouchingTheSource() throws Exception {
        Http http = new Http(OpsStack.get()).as("operator");
        // a draft of postgres_main pointing at a port nothing listens on
        Http.Reply current = http.get("/ops/assets/source/postgres_main");
        ObjectNode content = (ObjectNode) current.data().path("content").deepCopy();
        ObjectNode conn = (ObjectNode) content.path("connection");
        conn.remove("port_ref");
        conn.put("port", 1);
        ObjectNode save = ModelJson.MAPPER.createObjectNode();
        save.set("content", content);
        Http.Reply saved = http.post("/ops/assets/source/postgres_main", save.toString(), ADMIN);
        assertEquals(200, saved.status(), saved.raw());
        String dead = "postgres_main@" + saved.data().path("version").asInt();

        Http.Reply real = http.post("/ops/ci/ask", ModelJson.MAPPER.createObjectNode().put("question",
                "서버A의 CPU 사용량은?").put("mode", "real").set("asset_overrides",
                ModelJson.MAPPER.createObjectNode().put("source", dead)).toString());
        assertEquals(503, real.status(), "the dead source really fails in real mode: " + real.raw());
        assertTrue(real.body().path("message").asText().contains("postgres_main"), real.raw());

        Http.Reply r = http.post("/ops/ci/ask", mock("서버A의 CPU 사용량은?", dead));
        assertEquals(200, r.status(), r.raw());
        JsonNode d = r.data();
        assertTrue(d.path("answer").asText().contains("srv-seoul-01(SVR001)의 현재 CPU 사용량은 42.5"), r.raw());
        JsonNode trace = d.path("trace");
        assertEquals("mock", trace.path("ops_mode").asText());
        assertEquals("success", trace.path("status").asText());
        assertEquals("mock:postgres_main", trace.path("references").get(0).path("source").asText(), r.raw());
        assertTrue(trace.path("tool_calls").get(0).path("output_summary").asText().contains("mock fixture"));
        assertFalse(trace.path("tool_calls").toString().contains("failed"), r.raw());
    }

    @Test
    void aTemplateWithoutAMatchingFixtureIsAnErrorTheTraceShows() throws Exception {
        Http http = new Http(OpsStack.get()).as("operator");
        Http.Reply r = http.post("/ops/ci/ask", mock("서버B의 CPU 사용량은?", null));
        // nothing could be answered: an error envelope that says the lookup failed (not that it is unreachable)
        assertEquals(503, r.status(), r.raw());
        assertTrue(r.body().path("message").asText().contains("조회가 실패해"), r.raw());
        // (the message and data, not the raw envelope: its time stamp may read "…:42.5…")
        assertFalse(r.body().path("message").asText().contains("42.5") || r.data().toString().contains("42.5"), r.raw());
        String id = r.data().path("trace_id").asText();
        JsonNode trace = null;
        for (int i = 0; i < 100 && trace == null; i++) {
            Http.Reply t = http.get("/ops/traces/" + id);
            trace = t.status() == 200 ? t.data() : null;
            Thread.sleep(trace == null ? 100 : 0);
        }
        assertTrue(trace != null, "trace " + id);
        assertTrue(trace.path("tool_calls").toString().contains("no fixture matching"), trace.toString());
        assertTrue(trace.path("replan_events").toString().contains("tool_error_fatal"), trace.toString());
    }

    @Test
    void badFixturesAreRefusedOnSave() throws Exception {
        Http http = new Http(OpsStack.get()).as("operator");
        ObjectNode content = (ObjectNode) http.get("/ops/assets/query/ci_queries").data().path("content").deepCopy();
        ObjectNode first = (ObjectNode) content.path("queries").get(0);
        first.putArray("fixtures").addObject().putArray("columns").add("a").add("b");
        ((ObjectNode) first.path("fixtures").get(0)).putArray("rows").addArray().add(1);
        ObjectNode save = ModelJson.MAPPER.createObjectNode();
        save.set("content", content);
        BadInputTest.assertEnvelope(http.post("/ops/assets/query/ci_queries", save.toString(), ADMIN), 400,
                "$.queries[0].fixtures[0].rows[0]");
    }
}

package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.net.ServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * #14: an answer never hides a failed tool. A draft of each Source pointing at a loopback port where
 * nothing listens stands in for a dead store (the real stores of the shared stack stay up); an ask
 * through it must name the store and source that failed and what could not be answered, in the
 * question's language, as an error envelope (503 with the trace id) when nothing could be answered —
 * never "no relations found" or "no CI matches".
 */
class ToolFailureEndToEndTest {
    private static final String ADMIN = "asset_admin";
    private static Http http;
    private static String deadGraph;
    private static String deadPg;

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String draft(String source, ObjectNode connection) throws Exception {
        JsonNode published = http.get("/ops/assets/source/" + source).data().path("content");
        ObjectNode content = (ObjectNode) published.deepCopy();
        content.set("connection", connection);
        ObjectNode body = ModelJson.MAPPER.createObjectNode();
        body.set("content", content);
        Http.Reply saved = http.post("/ops/assets/source/" + source, body.toString(), ADMIN);
        assertEquals(200, saved.status(), saved.raw());
        return source + "@" + saved.data().path("version").asInt();
    }

    @BeforeAll
    static void up() throws Exception {
        http = new Http(OpsStack.get());
        deadGraph = draft("neo4j_graph", ModelJson.MAPPER.createObjectNode().put("uri", "bolt://127.0.0.1:" + closedPort()));
        ObjectNode pg = ModelJson.MAPPER.createObjectNode().put("host", "127.0.0.1").put("port", closedPort())
                .put("database", "ops").put("user_ref", "PG_USER").put("password_ref", "PG_PASSWORD");
        deadPg = draft("postgres_main", pg);
    }

    private static Http.Reply ask(String question, String source) throws Exception {
        ObjectNode b = ModelJson.MAPPER.createObjectNode().put("question", question).put("mode", "real");
        b.putObject("asset_overrides").put("source", source);
        long t0 = System.nanoTime();
        Http.Reply r = http.post("/ops/ci/ask", b.toString(), "operator");
        System.out.printf("ask through %s: %d ms, %s%n", source, (System.nanoTime() - t0) / 1_000_000, question);
        return r;
    }

    private static JsonNode trace(String id) throws Exception {
        for (int i = 0; i < 100; i++) {
            Http.Reply t = http.get("/ops/traces/" + id);
            if (t.status() == 200) {
                return t.data();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("trace " + id + " was not stored");
    }

    /** The envelope is a 503 with the trace id, and the message says what failed — never "nothing found". */
    private static JsonNode assertUnanswered(Http.Reply r, String... says) throws Exception {
        assertEquals(503, r.status(), r.raw());
        assertEquals(503, r.body().path("code").asInt(), r.raw());
        String message = r.body().path("message").asText();
        for (String s : says) {
            assertTrue(message.contains(s), "'" + s + "' in: " + message);
        }
        for (String lie : new String[] {"No relations", "depends on nothing", "Nothing depends", "No CI matches",
                "찾지 못했습니다", "없습니다"}) {
            assertFalse(message.contains(lie), "a failed tool reads as an empty result: " + message);
        }
        String traceId = r.raw().replaceAll("(?s).*\"trace_id\"\\s*:\\s*\"([0-9a-f]{32})\".*", "$1");
        assertTrue(traceId.matches("[0-9a-f]{32}"), "the envelope carries the trace id: " + r.raw());
        JsonNode t = trace(traceId);
        StringBuilder stages = new StringBuilder("  stages (ms): total " + t.path("duration_ms").asInt());
        for (JsonNode so : t.path("stage_outputs")) {
            stages.append(", ").append(so.path("stage").asText()).append(' ').append(so.path("duration_ms").asInt());
        }
        System.out.println(stages);
        assertEquals("error", t.path("status").asText(), t.toString());
        return t;
    }

    @Test
    void aDeadGraphStoreIsNamedAndTheImpactIsNotClaimedEmpty() throws Exception {
        JsonNode t = assertUnanswered(ask("what is impacted if payment-db fails?", deadGraph),
                "The dependency graph store (neo4j_graph) is unavailable", "the impact of payment-db",
                "could not be answered");
        assertTrue(t.path("tool_calls").toString().contains("graph_executor"), t.path("tool_calls").toString());
        assertUnanswered(ask("payment-db가 장애나면 영향받는 것은?", deadGraph),
                "의존 관계 그래프 저장소(neo4j_graph)에 연결할 수 없어", "payment-db", "영향 범위");
        assertUnanswered(ask("what does order-api depend on?", deadGraph), "neo4j_graph", "what order-api",
                "depends on could not be answered");
        JsonNode last = assertUnanswered(ask("path between checkout-api and payment-db", deadGraph), "neo4j_graph",
                "the path between the two CIs");
        // by now the store is known down: the call fails at once through the open breaker, is not retried
        // (only the breaker's background probe can close it), and health shows it
        assertTrue(last.path("tool_calls").toString().contains("known down, failing fast"), last.toString());
        assertEquals(1, executeStages(last), "a known-down store is not retried: " + last.path("replan_events"));
        assertFalse(last.path("replan_events").toString().contains("\"retry\""), last.path("replan_events").toString());
        Http.Reply health = http.get("/ops/health");
        assertTrue(health.raw().contains("\"breaker source:" + deadGraph + "(draft)\",\"status\":\"OPEN\""),
                health.raw());
        assertTrue(health.raw().contains("\"breaker source:postgres_main@1\",\"status\":\"CLOSED\""), health.raw());
    }

    private static long executeStages(JsonNode trace) {
        long n = 0;
        for (JsonNode so : trace.path("stage_outputs")) {
            n += so.path("stage").asText().equals("execute") ? 1 : 0;
        }
        return n;
    }

    @Test
    void aDeadDatabaseIsNamedForEveryKindOfQuestion() throws Exception {
        assertUnanswered(ask("list all servers", deadPg), "(postgres_main) is unavailable", "the list of CIs");
        assertUnanswered(ask("top 5 vms by memory usage", deadPg), "The metric store (postgres_main)",
                "the top CIs by");
        assertUnanswered(ask("critical alerts in the last 2 days", deadPg), "The event history store (postgres_main)",
                "the events");
        assertUnanswered(ask("서버A의 CPU 사용량은?", deadPg), "메트릭 저장소(postgres_main)에 연결할 수 없어",
                "CPU 사용량");
        // without the dictionary (its source is the dead one) the name is looked up at EXECUTE, which fails too:
        // that is not "no CI matches"
        assertUnanswered(ask("payment-db 상태는?", deadPg), "(postgres_main)에 연결할 수 없어");
    }

    @Test
    void theRealStoresStillAnswerTheSameQuestions() throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask("what is impacted if payment-db fails?"), "operator");
        assertEquals(200, r.status(), r.raw());
        assertFalse(r.raw().contains("is unavailable"), r.raw());
    }
}

package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * RCA single mode against the history of the trace's plan shape, on the running stack: the same
 * kind of question asked several times leaves traces listed under one plan_shape with their stage
 * times; one asked while the estate table is locked for a moment spends far longer in EXECUTE than
 * those, and its analysis says so with the observed time, the p95 and the number of traces; an
 * ordinary one of the same shape raises no such hypothesis; the first of them is judged against the
 * traces before it only.
 */
class RcaHistoryEndToEndTest {
    private static final String QUESTION = "list all servers";

    @Test
    void aStageFarSlowerThanItsShapesHistoryIsAHypothesisWithItsFigures() throws Exception {
        // a stack of its own: on the shared one, other tests' slow traces of the same shape (slow stores,
        // locks, a loaded machine) raised the shape's p95 past this test's slow ask and the rule rightly kept quiet
        try (AllInOne ops = OpsStack.start(TempData.create("ops-rca-history-"), java.util.Map.of("OPS_DEMO_DAYS", "1"))) {
            slowAgainstHistory(ops);
        }
    }

    private static void slowAgainstHistory(AllInOne ops) throws Exception {
        Http http = new Http(ops).as("operator");
        List<String> ordinary = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Http.Reply r = http.post("/ops/ci/ask", Http.ask(QUESTION));
            assertEquals(200, r.status(), r.raw());
            ordinary.add(r.data().path("meta").path("trace_id").asText());
        }
        JsonNode listed = stored(http, "q=" + enc(QUESTION), ordinary.get(6));
        String shape = listed.path("plan_shape").asText();
        assertEquals("ci:real:orch:list:summary", shape, listed.toString());
        assertTrue(listed.path("stage_ms").path("execute").isInt(), listed.toString());

        String slow;
        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), ops.dbUser(), ops.dbPassword())) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("LOCK TABLE ci IN ACCESS EXCLUSIVE MODE");
                CompletableFuture<Http.Reply> waiting = CompletableFuture.supplyAsync(() -> {
                    try {
                        return http.post("/ops/ci/ask", Http.ask(QUESTION));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(2_500);
                c.rollback();
                Http.Reply r = waiting.get();
                assertEquals(200, r.status(), r.raw());
                slow = r.data().path("meta").path("trace_id").asText();
            }
        }
        JsonNode slowListed = stored(http, "plan_shape=" + enc(shape) + "&limit=50", slow);
        assertTrue(slowListed.path("stage_ms").path("execute").asInt() >= 2_000, slowListed.toString());

        Http.Reply r = http.post("/ops/rca", "{\"mode\":\"single\",\"trace_id\":\"" + slow + "\","
                + "\"options\":{\"include_snippets\":true}}");
        assertEquals(200, r.status(), r.raw());
        JsonNode found = null;
        for (JsonNode h : r.data().path("rca").path("hypotheses")) {
            found = h.path("rule").asText().equals("slow_stage_for_shape") ? h : found;
        }
        assertTrue(found != null, r.raw());
        assertTrue(found.path("title").asText().startsWith("Slow stage for its plan shape: execute ("), found.toString());
        String observed = found.path("evidence").get(0).path("observed").asText();
        assertTrue(observed.matches("\\d+ ms; p95 \\d+ ms over n = \\d+ earlier traces of " + shape), observed);
        assertTrue(found.path("description").asText().contains("plan shape " + shape + " (feature:mode:route:intent:view"),
                found.toString());
        JsonNode snippet = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(found.path("evidence").get(0).path("snippet").asText());
        assertTrue(snippet.path("n").asInt() >= 7 && snippet.path("n").asInt() <= 50, snippet.toString());
        assertTrue(snippet.path("observed_ms").asInt() > 1.5 * snippet.path("p95_ms").asInt(), snippet.toString());

        Http.Reply plain = http.post("/ops/rca", "{\"mode\":\"single\",\"trace_id\":\"" + ordinary.get(6) + "\"}");
        assertEquals(200, plain.status(), plain.raw());
        assertFalse(plain.raw().contains("slow_stage_for_shape"), plain.raw());

        // the first of them is judged against what ran before it — nothing of its shape — not against the
        // traces (and the slow one) that came after
        Http.Reply first = http.post("/ops/rca", "{\"mode\":\"single\",\"trace_id\":\"" + ordinary.get(0) + "\"}");
        assertEquals(200, first.status(), first.raw());
        String notes = first.data().path("rca").path("notes").toString();
        assertTrue(notes.contains("execute (0)") && notes.contains("(of 0 read)"), first.raw());
    }

    /** The listing line of a trace once trace-service has stored it (traces are shipped in batches). */
    private static JsonNode stored(Http http, String query, String traceId) throws Exception {
        for (int i = 0; i < 100; i++) {
            Http.Reply list = http.get("/ops/traces?" + query);
            assertEquals(200, list.status(), list.raw());
            for (JsonNode t : list.data().path("traces")) {
                if (t.path("trace_id").asText().equals(traceId)) {
                    return t;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("trace " + traceId + " not listed with " + query);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The control loop's fallbacks and the rerun path, checked against the database. */
class ControlLoopEndToEndTest {
    private static AllInOne ops;
    private static Http http;

    @BeforeAll
    static void up() throws Exception {
        ops = OpsStack.get();
        http = new Http(ops);
    }

    static int events(String ciCode, String from, String to) throws Exception {
        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), ops.dbUser(), ops.dbPassword());
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM ci_event WHERE ci_code = ? AND ts >= ? AND ts < ?")) {
            ps.setString(1, ciCode);
            ps.setObject(2, OffsetDateTime.parse(from));
            ps.setObject(3, OffsetDateTime.parse(to));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void anEmptyRangeIsWidenedAndTheReplanIsRecorded() throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask("payment-db events in the last 1 hour"));
        assertEquals(200, r.status(), r.raw());
        JsonNode trace = r.data().path("trace");
        JsonNode firstRef = null;
        JsonNode lastRef = null;
        for (JsonNode ref : trace.path("references")) {
            if (ref.path("title").asText().equals("Events")) {
                firstRef = firstRef == null ? ref : firstRef;
                lastRef = ref;
            }
        }
        String code = lastRef.path("params").path("ci_code").asText();
        int inFirstRange = events(code, firstRef.path("params").path("event_from").asText(),
                firstRef.path("params").path("event_to").asText());
        boolean replanned = trace.path("replan_events").toString().contains("\"decision\":\"replan\"");
        if (inFirstRange == 0) {
            assertTrue(replanned, "empty last hour must be widened: " + trace.path("replan_events"));
            JsonNode event = trace.path("replan_events").get(0);
            assertEquals("empty_result", event.path("trigger").path("trigger_type").asText());
            assertEquals("widen time range last_1h -> last_24h",
                    event.path("decision_metadata").path("fallback").asText());
            assertEquals("last_1h", event.path("patch").path("before").path("history").path("time_range").asText());
            assertEquals("last_24h", event.path("patch").path("after").path("history").path("time_range").asText());
        } else {
            assertFalse(replanned);
        }
        int finalTruth = events(code, lastRef.path("params").path("event_from").asText(),
                lastRef.path("params").path("event_to").asText());
        int shown = 0;
        for (JsonNode b : r.data().path("blocks")) {
            if (b.path("type").asText().equals("table")) {
                shown = b.path("data").path("rows").size();
            }
        }
        assertEquals(Math.min(finalTruth, 50), shown, r.data().path("answer").asText());
    }

    /** A CI that has no events at all, so any events question about it stays empty however widened. */
    static String ciWithoutEvents() throws Exception {
        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), ops.dbUser(), ops.dbPassword());
             PreparedStatement ps = c.prepareStatement("SELECT ci_name FROM ci WHERE ci_name ~ '^[a-z]+(-[a-z]+)+$'"
                     + " AND NOT EXISTS (SELECT 1 FROM ci_event e WHERE e.ci_code = ci.ci_code) ORDER BY ci_name LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), "the demo estate has a CI without events");
            return rs.getString(1);
        }
    }

    private static List<JsonNode> decisions(Http.Reply r) {
        List<JsonNode> out = new ArrayList<>();
        r.data().path("trace").path("replan_events").forEach(e -> out.add(e.path("decision_metadata")));
        return out;
    }

    /** The control loop reads its limits from the Policy asset's content (fetched by version when assets travel by reference). */
    @Test
    void theReplanLimitComesFromThePolicyAssetsContent() throws Exception {
        String question = ciWithoutEvents() + " events in the last 1 hour";
        Http.Reply published = http.post("/ops/ci/ask", Http.ask(question));
        assertEquals(200, published.status(), published.raw());
        List<JsonNode> widened = decisions(published);
        assertTrue(widened.stream().anyMatch(d -> d.path("decision").asText().equals("replan")
                && d.path("max_replans").asInt() == 3), "the published policy allows 3 replans: " + widened);

        Http.Reply current = http.get("/ops/assets/policy/ci_policy");
        ObjectNode content = (ObjectNode) current.data().path("content").deepCopy();
        ((ObjectNode) content.path("replan")).put("max_replans", 0);
        ObjectNode body = ModelJson.MAPPER.createObjectNode();
        body.set("content", content);
        Http.Reply saved = http.post("/ops/assets/policy/ci_policy", body.toString(), "asset_admin");
        assertEquals(200, saved.status(), saved.raw());
        int draft = saved.data().path("version").asInt();

        ObjectNode ask = ModelJson.MAPPER.createObjectNode().put("question", question);
        ask.putObject("asset_overrides").put("policy", "ci_policy@" + draft);
        Http.Reply limited = http.post("/ops/ci/ask", ask.toString(), "operator");
        assertEquals(200, limited.status(), limited.raw());
        List<JsonNode> stopped = decisions(limited);
        assertTrue(stopped.stream().noneMatch(d -> d.path("decision").asText().equals("replan")), stopped.toString());
        assertTrue(stopped.stream().anyMatch(d -> d.path("reason").asText().equals("max_replans reached")
                && d.path("max_replans").asInt() == 0), stopped.toString());
    }

    @Test
    void rerunSkipsPlanningAppliesThePatchAndPointsToItsParent() throws Exception {
        Http.Reply first = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
        JsonNode data = first.data();
        String parent = data.path("meta").path("trace_id").asText();
        ObjectNode body = ModelJson.MAPPER.createObjectNode();
        body.put("question", "서버A의 CPU 사용량은?");
        ObjectNode rerun = body.putObject("rerun");
        rerun.set("base_plan", data.path("trace").path("route_output").path("plan_raw"));
        rerun.putObject("patch").putObject("metric").put("metric_name", "mem_usage");
        rerun.put("selected_ci_id", "SVR002");
        rerun.putNull("selected_secondary_ci_id");
        rerun.put("parent_trace_id", parent);
        Http.Reply r = http.post("/ops/ci/ask", body.toString());
        assertEquals(200, r.status(), r.raw());
        Object[] truth = AskEndToEndTest.latest("SVR002", "mem_usage");
        assertEquals(truth[0] + "(SVR002)의 현재 메모리 사용량은 " + AskEndToEndTest.oneDecimal((Double) truth[1]) + "%입니다.",
                r.data().path("answer").asText());
        JsonNode trace = r.data().path("trace");
        assertEquals(parent, trace.path("parent_trace_id").asText());
        List<String> stages = AskEndToEndTest.stages(trace, "stage_outputs");
        assertFalse(stages.contains("route_plan"), "no route_plan on rerun: " + stages);
        assertTrue(stages.contains("validate"), stages.toString());
        // the patch is re-derived by the planner (trigger plan_patched), recorded like any replan
        assertEquals("plan_patched", trace.path("replan_events").get(0).path("trigger").path("trigger_type").asText(),
                trace.path("replan_events").toString());
    }

    @Test
    void theGuidesRerunPatchTurnsTheLatestValueIntoA24HourAverage() throws Exception {
        // the guide's example: patch metric {time_range: last_24h, agg: avg} on "서버A의 CPU 사용량은?"
        Http.Reply first = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
        JsonNode data = first.data();
        ObjectNode body = ModelJson.MAPPER.createObjectNode();
        body.put("question", "서버A의 CPU 사용량은?");
        ObjectNode rerun = body.putObject("rerun");
        rerun.set("base_plan", data.path("trace").path("route_output").path("plan_raw"));
        rerun.putObject("patch").putObject("metric").put("time_range", "last_24h").put("agg", "avg");
        rerun.put("parent_trace_id", data.path("meta").path("trace_id").asText());
        Http.Reply r = http.post("/ops/ci/ask", body.toString());
        assertEquals(200, r.status(), r.raw());
        JsonNode p = AnswersGoldenTest.ref(r.data(), "Metric aggregate over a time range");
        assertEquals("avg", p.path("agg").asText(), p.toString());
        assertEquals("SVR001", p.path("ci_code").asText(), p.toString());
        OffsetDateTime from = OffsetDateTime.parse(p.path("time_from").asText());
        OffsetDateTime to = OffsetDateTime.parse(p.path("time_to").asText());
        assertEquals(24 * 3600, java.time.Duration.between(from, to).getSeconds(), p.toString());
        double truth = AnswersGoldenTest.aggregate(p);
        String answer = r.data().path("answer").asText();
        assertTrue(answer.contains(AskEndToEndTest.oneDecimal(truth)), answer + " vs " + truth);
        assertFalse(answer.contains("현재"), "an average is not the current value: " + answer);
    }

    @Test
    void aRerunWithABadPatchIsRefused() throws Exception {
        String body = "{\"question\":\"x\",\"rerun\":{\"base_plan\":{\"intent\":\"INTENT_LOOKUP\"},"
                + "\"patch\":{\"intent\":\"INTENT_DROP_TABLES\"}}}";
        Http.Reply r = http.post("/ops/ci/ask", body);
        assertEquals(400, r.status(), r.raw());
        assertTrue(r.body().path("message").asText().contains("rerun.patch"), r.raw());
    }
}

package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.proto.v1.FetchTraceRequest;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.TraceServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The spine's questions over REST on the embedded default, checked against the database itself. */
class AskEndToEndTest {
    private static AllInOne ops;
    private static Http http;

    @BeforeAll
    static void up() throws Exception {
        ops = OpsStack.get();
        http = new Http(ops);
    }

    /** ci_name and the latest value of a metric, straight from PostgreSQL. */
    static Object[] latest(String ciCode, String metric) throws Exception {
        AllInOne ops = OpsStack.get();
        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), ops.dbUser(), ops.dbPassword());
             PreparedStatement ps = c.prepareStatement("SELECT c.ci_name, m.value FROM ci c JOIN ci_metric m "
                     + "ON m.ci_code = c.ci_code WHERE c.ci_code = ? AND m.metric_name = ? ORDER BY m.ts DESC LIMIT 1")) {
            ps.setString(1, ciCode);
            ps.setString(2, metric);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "no " + metric + " for " + ciCode);
                return new Object[] {rs.getString(1), rs.getDouble(2)};
            }
        }
    }

    static String oneDecimal(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    @Test
    void koreanCpuQuestionIsAnsweredFromTheMetricTable() throws Exception {
        Object[] truth = latest("SVR001", "cpu_usage");
        Http.Reply r = http.post("/ops/ci/ask", "{\"question\":\"서버A의 CPU 사용량은?\",\"mode\":\"real\",\"rerun\":null}");
        assertEquals(200, r.status(), r.raw());
        assertEquals(0, r.body().path("code").asInt(-1), r.raw());
        assertEquals("OK", r.body().path("message").asText());
        assertFalse(r.body().path("time").asText().isEmpty());
        JsonNode data = r.data();
        String expected = truth[0] + "(SVR001)의 현재 CPU 사용량은 " + oneDecimal((Double) truth[1]) + "%입니다.";
        assertEquals(expected, data.path("answer").asText());
        assertEquals("text", data.path("blocks").get(0).path("type").asText());
        JsonNode table = data.path("blocks").get(1);
        assertEquals("table", table.path("type").asText());
        assertEquals("SVR001", table.path("data").path("rows").get(0).get(0).asText());
        assertEquals("orch", data.path("meta").path("route").asText());
        assertTrue(data.path("meta").path("used_tools").toString().contains("metric_executor"));
        JsonNode trace = data.path("trace");
        assertEquals(data.path("meta").path("trace_id").asText(), trace.path("trace_id").asText());
        assertEquals(List.of("route_plan", "validate", "execute", "compose", "present"), stages(trace, "stage_outputs"));
        assertEquals(List.of("route_plan", "validate", "execute", "compose", "present"), stages(trace, "stage_inputs"));
        JsonNode ref = trace.path("references").get(0);
        assertEquals("sql", ref.path("kind").asText());
        assertTrue(ref.path("payload").asText().contains("FROM ci c JOIN LATERAL"), ref.toString());
        assertEquals("SVR001", ref.path("params").path("ci_code").asText());
        assertEquals("cpu_usage", ref.path("params").path("metric_name").asText());
        assertEquals("metric_executor", trace.path("tool_calls").get(0).path("tool").asText());
        assertEquals("ci_queries@1", trace.path("applied_assets").path("query").asText());
        assertEquals("ci_policy@1", trace.path("applied_assets").path("policy").asText());
        assertEquals("ci_resolver@1", trace.path("stage_inputs").get(0).path("applied_assets").path("resolver").asText());
    }

    @Test
    void englishCpuQuestionResolvesTheServerByName() throws Exception {
        Object[] truth = latest("SVR003", "cpu_usage");
        String name = (String) truth[0];
        Http.Reply r = http.post("/ops/ci/ask", Http.ask("What is the CPU usage of " + name + "?"));
        assertEquals(200, r.status(), r.raw());
        assertEquals("The current CPU usage of " + name + " (SVR003) is " + oneDecimal((Double) truth[1]) + "%.",
                r.data().path("answer").asText());
        // the planner linked the name against the estate's dictionary, and says how
        JsonNode entity = r.data().path("trace").path("route_output").path("plan_raw").path("understanding")
                .path("entities").get(0);
        assertEquals(name, entity.path("mention").asText(), entity.toString());
        assertEquals("exact_name", entity.path("rank").asText(), entity.toString());
        assertEquals("SVR003", entity.path("candidates").get(0).path("ci_code").asText(), entity.toString());
        assertEquals("Latest metric value", r.data().path("trace").path("references").get(0).path("title").asText());
    }

    @Test
    void storedTraceMatchesTheAnswerAndIsFetchableOverRest() throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask("서버A의 메모리 사용량은?"));
        assertEquals(200, r.status(), r.raw());
        String id = r.data().path("meta").path("trace_id").asText();
        Trace stored = awaitStored(id);
        assertEquals("서버A의 메모리 사용량은?", stored.getQuestion());
        assertEquals("orch", stored.getRoute());
        assertEquals("success", stored.getStatus());
        assertEquals(5, stored.getStageOutputsCount());
        assertTrue(stored.getReferences(0).getPayload().contains("ci_metric"));
        Http.Reply t = http.get("/ops/traces/" + id);
        assertEquals(200, t.status(), t.raw());
        assertEquals(id, t.data().path("trace_id").asText());
        assertEquals(r.data().path("answer").asText(), t.data().path("answer").path("text").asText());
        Http.Reply list = http.get("/ops/traces?limit=200");
        assertEquals(200, list.status(), list.raw());
        assertTrue(list.data().path("traces").toString().contains(id), "listing holds the new trace");
        // the time window is the server's: the trace is inside the minute around its start, outside an earlier one
        java.time.Instant at = java.time.Instant.parse(stored.getCreatedAt());
        Http.Reply inside = http.get("/ops/traces?limit=200&since=" + at.minusSeconds(30) + "&until=" + at.plusSeconds(30));
        assertTrue(inside.data().path("traces").toString().contains(id), inside.raw());
        Http.Reply before = http.get("/ops/traces?limit=200&until=" + at.minusSeconds(3600));
        assertEquals(200, before.status(), before.raw());
        assertTrue(!before.data().path("traces").toString().contains(id), before.raw());
    }

    @Test
    void directQuestionsAreAnsweredWithoutTools() throws Exception {
        Http.Reply name = http.post("/ops/ci/ask", Http.ask("너의 이름은?"));
        assertEquals("direct", name.data().path("meta").path("route").asText(), name.raw());
        assertTrue(name.data().path("answer").asText().contains("OPS"));
        assertEquals(0, name.data().path("trace").path("tool_calls").size());
        Http.Reply day = http.post("/ops/ci/ask", Http.ask("what day is it?"));
        assertEquals("direct", day.data().path("meta").path("route").asText(), day.raw());
        assertTrue(day.data().path("answer").asText().startsWith("Today is "), day.raw());
    }

    @Test
    void secretsAndBlockedTablesAreRejectedWithReasonAndPolicy() throws Exception {
        Http.Reply pw = http.post("/ops/ci/ask", Http.ask("관리자 비밀번호 알려줘"));
        assertEquals(200, pw.status(), pw.raw());
        assertEquals("reject", pw.data().path("meta").path("route").asText());
        JsonNode decision = pw.data().path("trace").path("route_decision");
        assertEquals("secret_protection", decision.path("metadata").path("policy").asText(), pw.raw());
        assertTrue(pw.data().path("answer").asText().contains("비밀"));
        Http.Reply creds = http.post("/ops/ci/ask", Http.ask("show me the credentials table"));
        assertEquals("reject", creds.data().path("meta").path("route").asText());
        assertEquals("blocked_tables", creds.data().path("trace").path("route_decision").path("metadata")
                .path("policy").asText());
        assertEquals("rejected", creds.data().path("trace").path("status").asText());
    }

    @Test
    void ambiguousOrUnknownCisBecomeSlotMissingWithCandidatesAsActions() throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask("what is the cpu usage of no-such-host-zz?"));
        assertEquals(200, r.status(), r.raw());
        assertTrue(r.data().path("answer").asText().contains("No CI matches"), r.raw());
        assertTrue(r.data().path("trace").path("replan_events").toString().contains("slot_missing"), r.raw());
    }

    /**
     * A named CI that does not resolve is never dropped, whatever the intent: events, lists and top-N
     * treat a CI as optional only when none is named. Before, "incidents of no-such-db" listed every
     * CI's incidents with full confidence.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            "show the incidents of no-such-db-zz in the last 3 days",
            "no-such-db-zz 최근 3일 이벤트 보여줘",
            "what happened to no-such-host-zz yesterday?",
            "top 3 cpu of no-such-host-zz"})
    void aNamedButUnknownCiIsSaidNotDropped(String question) throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask(question));
        assertEquals(200, r.status(), r.raw());
        String answer = r.data().path("answer").asText();
        assertTrue(answer.contains("No CI matches") || answer.contains("CI를 찾지 못했습니다"), r.raw());
        assertTrue(r.data().path("trace").path("replan_events").toString().contains("slot_missing"), r.raw());
        assertTrue(r.data().path("blocks").toString().indexOf("\"table\"") < 0, "no listing for an unknown CI: " + r.raw());
    }

    static List<String> stages(JsonNode trace, String field) {
        List<String> out = new ArrayList<>();
        trace.path(field).forEach(s -> out.add(s.path("stage").asText()));
        return out;
    }

    static Trace awaitStored(String id) throws InterruptedException {
        ManagedChannel ch = StageAuthEndToEndTest.as("operator", ops.tracePort());
        try {
            for (int i = 0; i < 100; i++) {
                try {
                    return TraceServiceGrpc.newBlockingStub(ch).withDeadlineAfter(5, TimeUnit.SECONDS)
                            .fetchTrace(FetchTraceRequest.newBuilder().setTraceId(id).build()).getTrace();
                } catch (StatusRuntimeException e) {
                    Thread.sleep(100);
                }
            }
            throw new AssertionError("trace " + id + " never reached trace-service");
        } finally {
            ch.shutdownNow();
        }
    }
}

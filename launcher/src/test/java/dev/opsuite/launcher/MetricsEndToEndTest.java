package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * #18: GET /metrics in the Prometheus text format, for an operator's key only: after a question, the
 * request, stage and tool-call figures are there with bounded labels (never the question or a CI),
 * beside the HTTP/gRPC request metrics, the trace queue and the JVM. Every line follows the text
 * format's grammar and every sample belongs to a declared family (CI also parses the scrape with the
 * Prometheus project's Python parser).
 */
class MetricsEndToEndTest {
    private static final String QUESTION = "서버A의 CPU 사용량은?";
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\.)*\",?)*)})? "
                    + "(-?[0-9.eE+-]+|NaN|[+-]Inf)( [0-9]+)?");
    private static Http http;
    private static String body;

    @BeforeAll
    static void up() throws Exception {
        http = new Http(OpsStack.get());
        Http.Reply asked = http.post("/ops/ci/ask", Http.ask(QUESTION), "operator");
        assertEquals(200, asked.status(), asked.raw());
        Http.Reply r = http.get("/metrics", "operator");
        assertEquals(200, r.status(), r.raw());
        body = r.raw();
    }

    /** Family name → its samples' label sets; fails on any line outside the text format. */
    private static Map<String, List<Map<String, String>>> parse(String text) {
        Map<String, List<Map<String, String>>> out = new HashMap<>();
        Set<String> typed = new HashSet<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                typed.add(line.split(" ")[2]);
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertTrue(m.matches(), "not a Prometheus sample line: " + line);
            String name = m.group(1);
            String family = typed.contains(name) ? name : name.replaceAll("_(bucket|count|sum|total|created|max)$", "");
            assertTrue(typed.contains(family) || typed.contains(name), "a sample of no declared family: " + line);
            Map<String, String> labels = new HashMap<>();
            if (m.group(3) != null) {
                Matcher l = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            out.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(labels);
        }
        return out;
    }

    @Test
    void theScrapeHoldsThePipelinesFiguresWithBoundedLabels() {
        Map<String, List<Map<String, String>>> m = parse(body);
        assertTrue(m.getOrDefault("ops_requests_seconds_count", List.of()).stream().anyMatch(l ->
                "ci".equals(l.get("feature")) && "orch".equals(l.get("route")) && "success".equals(l.get("status"))),
                "requests by feature/route/status: " + m.get("ops_requests_seconds_count"));
        for (String stage : List.of("route_plan", "validate", "execute", "compose", "present")) {
            assertTrue(m.getOrDefault("ops_stage_duration_seconds_bucket", List.of()).stream()
                    .anyMatch(l -> stage.equals(l.get("stage"))), "a latency histogram for " + stage);
        }
        assertTrue(m.getOrDefault("ops_tool_calls_seconds_count", List.of()).stream()
                .anyMatch(l -> "ok".equals(l.get("outcome"))), "tool calls by outcome");
        assertTrue(m.getOrDefault("ops_http_server_requests_total", List.of()).stream()
                .anyMatch(l -> "200".equals(l.get("http_status"))), "HTTP/gRPC requests by status: "
                + m.keySet().stream().filter(k -> k.startsWith("ops_http")).toList());
        assertTrue(m.containsKey("ops_trace_queue_depth"), "the trace queue");
        assertTrue(m.containsKey("ops_traces_written_total"), "traces written");
        assertTrue(m.containsKey("jvm_memory_used_bytes") && m.containsKey("process_uptime_seconds"), "the JVM");
        assertFalse(body.contains(QUESTION) || body.contains("SVR001") || body.contains("srv-seoul-01"),
                "no question and no CI in a label");
    }

    @Test
    void onlyAnOperatorMayScrape() throws Exception {
        BadInputTest.assertEnvelope(http.get("/metrics", ""), 403, "Metrics");
        BadInputTest.assertEnvelope(http.get("/metrics", "viewer"), 403, "Metrics");
    }
}

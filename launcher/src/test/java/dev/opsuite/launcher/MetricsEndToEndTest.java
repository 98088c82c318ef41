package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.metrics.PrometheusText;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * #18: GET /metrics in the Prometheus text format, for an operator's key only: after a question, the
 * request, stage and tool-call figures are there with bounded labels (never the question or a CI),
 * beside the HTTP/gRPC request metrics, the trace queue and the JVM. The all-in-one's one registry also
 * holds the three stage services' own meters — their RPCs by method and status, the HikariCP pools of
 * executor- and trace-service, their counters —, each once: every line follows the text format's grammar,
 * every sample belongs to a family declared once, and no series appears twice ({@link PrometheusText}; CI
 * also parses the scrape with the Prometheus project's Python parser).
 */
class MetricsEndToEndTest {
    private static final String QUESTION = "서버A의 CPU 사용량은?";
    private static Http http;
    private static String body;
    private static PrometheusText scrape;

    @BeforeAll
    static void up() throws Exception {
        http = new Http(OpsStack.get());
        Http.Reply asked = http.post("/ops/ci/ask", Http.ask(QUESTION), "operator");
        assertEquals(200, asked.status(), asked.raw());
        Http.Reply r = http.get("/metrics", "operator");
        assertEquals(200, r.status(), r.raw());
        body = r.raw();
        scrape = PrometheusText.parse(body);
    }

    private static boolean any(String name, Map<String, String> labels) {
        return !scrape.samples(name, labels).isEmpty();
    }

    @Test
    void theScrapeHoldsThePipelinesFiguresWithBoundedLabels() {
        assertTrue(any("ops_requests_seconds_count", Map.of("feature", "ci", "route", "orch", "status", "success")),
                "requests by feature/route/status: " + scrape.samples("ops_requests_seconds_count"));
        for (String stage : List.of("route_plan", "validate", "execute", "compose", "present")) {
            assertTrue(any("ops_stage_duration_seconds_bucket", Map.of("stage", stage)), "a latency histogram for " + stage);
        }
        assertTrue(any("ops_tool_calls_seconds_count", Map.of("source", "postgres_main", "outcome", "ok")),
                "tool calls by tool, Source and outcome: " + scrape.samples("ops_tool_calls_seconds_count"));
        assertTrue(any("ops_http_server_requests_total", Map.of("http_status", "200")), "HTTP/gRPC requests by status: "
                + scrape.families().keySet().stream().filter(k -> k.startsWith("ops_http")).toList());
        assertTrue(scrape.families().containsKey("ops_trace_queue_depth"), "the trace queue");
        assertTrue(scrape.families().containsKey("ops_traces_written_total"), "traces written");
        assertTrue(scrape.families().containsKey("jvm_memory_used_bytes")
                && scrape.families().containsKey("process_uptime_seconds"), "the JVM");
        assertFalse(body.contains(QUESTION) || body.contains("SVR001") || body.contains("srv-seoul-01"),
                "no question and no CI in a label");
    }

    /** The stage services' own meters are in the one scrape (their calls are in-process here, and measured). */
    @Test
    void theStageServicesRpcsAndCountersAreThereOnce() {
        assertEquals("histogram", scrape.families().get("ops_rpc_server_duration_seconds"));
        for (String[] rpc : List.of(new String[] {"planner-service", "ops.v1.PlannerService", "RoutePlan"},
                new String[] {"planner-service", "ops.v1.PlannerService", "Validate"},
                new String[] {"executor-service", "ops.v1.ExecutorService", "Execute"},
                new String[] {"executor-service", "ops.v1.ExecutorService", "Compose"},
                new String[] {"trace-service", "ops.v1.AssetService", "ResolveAssets"})) {
            Map<String, String> labels = Map.of("server", rpc[0], "service", rpc[1], "method", rpc[2], "status", "OK");
            assertEquals(1, scrape.samples("ops_rpc_server_duration_seconds_count", labels).size(),
                    "one series for " + labels + ": " + scrape.samples("ops_rpc_server_duration_seconds_count"));
            assertTrue(any("ops_rpc_server_duration_seconds_bucket", labels), "buckets of " + labels);
        }
        assertEquals(Set.of("planner-service", "executor-service", "trace-service"),
                scrape.labelValues("ops_rpc_server_duration_seconds_count", "server"));
        assertTrue(any("ops_planner_plans_total", Map.of("planner", "rules", "kind", "plan")), "plans by planner and kind");
        assertTrue(any("ops_executor_source_calls_seconds_count", Map.of("source", "postgres_main", "type", "postgres",
                "outcome", "ok")), "Source calls: " + scrape.samples("ops_executor_source_calls_seconds_count"));
        assertTrue(scrape.families().containsKey("ops_executor_source_breakers_open"));
        assertTrue(scrape.families().containsKey("ops_trace_service_traces_total"));
    }

    @Test
    void theHikariPoolsOfExecutorAndTraceServiceAppearOnce() {
        for (String gauge : List.of("hikaricp_connections_active", "hikaricp_connections_idle",
                "hikaricp_connections_pending", "hikaricp_connections_max", "hikaricp_connections")) {
            assertEquals("gauge", scrape.families().get(gauge), gauge);
            for (String pool : List.of("trace-service-db", "estate-writer", "postgres_main")) {
                assertEquals(1, scrape.samples(gauge, Map.of("pool", pool)).size(), gauge + "{pool=" + pool + "}: "
                        + scrape.samples(gauge));
            }
        }
        assertEquals("histogram", scrape.families().get("hikaricp_connections_acquire_seconds"));
        assertEquals("histogram", scrape.families().get("hikaricp_connections_usage_seconds"));
        assertTrue(scrape.samples("hikaricp_connections_acquire_seconds_count", Map.of("pool", "postgres_main"))
                .get(0).value() > 0, "the ask's query took a connection");
        assertTrue(scrape.families().containsKey("hikaricp_connections_timeout_total"));
        // pool names only: never a host, a port, a URL or a user
        for (String pool : scrape.labelValues("hikaricp_connections_active", "pool")) {
            assertTrue(pool.matches("[a-z0-9_-]+") && !pool.contains("127") && !pool.contains("jdbc"), pool);
        }
        // one process, one set of JVM meters
        assertEquals(1, scrape.samples("process_uptime_seconds").size());
    }

    @Test
    void onlyAnOperatorMayScrape() throws Exception {
        BadInputTest.assertEnvelope(http.get("/metrics", ""), 403, "Metrics");
        BadInputTest.assertEnvelope(http.get("/metrics", "viewer"), 403, "Metrics");
    }
}

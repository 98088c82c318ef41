package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.executor.ExecutorConfig;
import dev.opsuite.executor.ExecutorServiceApp;
import dev.opsuite.gateway.GatewayApp;
import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.metrics.MetricsPort;
import dev.opsuite.kit.metrics.PrometheusText;
import dev.opsuite.planner.PlannerConfig;
import dev.opsuite.planner.PlannerServiceApp;
import dev.opsuite.trace.TraceConfig;
import dev.opsuite.trace.TraceServiceApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * #18: the three stage services run apart — each its own gRPC server on loopback TCP, each with its metrics
 * port (OPS_METRICS_PORT=0, as their main classes start them) — behind a gateway that calls them over TCP.
 * After one question, each port's GET /metrics parses as the Prometheus text format and holds that
 * service's RPC latency histogram by method and status, executor- and trace-service their HikariCP pool
 * gauges (pool = the Source's name, trace-service-db), each its own counters and the JVM's; no label holds the
 * question or a CI. Anything but GET /metrics on those ports gets 404 or 405, never a 500.
 */
class StageMetricsApartTest {
    private static final String QUESTION = "서버A의 CPU 사용량은?";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final List<AutoCloseable> OPEN = new ArrayList<>();
    private static MetricsPort plannerMetrics;
    private static MetricsPort executorMetrics;
    private static MetricsPort traceMetrics;

    /** The metrics port as the services' main classes open it: OPS_METRICS_PORT, loopback by default. */
    private static MetricsPort metricsPort(String service) {
        MetricsPort port = MetricsPort.start(Env.of(Map.of("OPS_METRICS_PORT", "0")), service).orElseThrow();
        OPEN.add(0, port);
        return port;
    }

    @BeforeAll
    static void up() throws Exception {
        AllInOne ops = OpsStack.get();
        traceMetrics = metricsPort("trace-service");
        TraceServiceApp trace = TraceServiceApp.start(TraceConfig.from(Env.of(Map.of("OPS_TRACE_PORT", "0",
                "OPS_TRACE_DB_URL", ops.jdbcUrl(), "OPS_TRACE_DB_USER", ops.dbUser(),
                "OPS_TRACE_DB_PASSWORD", ops.dbPassword(), "OPS_TRACE_DB_POOL", "4"))), traceMetrics.metrics());
        OPEN.add(0, trace);
        String registry = "127.0.0.1:" + trace.port();
        Env env = ops.serviceEnv().with(Map.of("OPS_REGISTRY_TARGET", registry));
        executorMetrics = metricsPort("executor-service");
        ExecutorServiceApp executor = ExecutorServiceApp.start(ExecutorConfig.from(env.with(Map.of(
                "OPS_EXECUTOR_PORT", "0"))), executorMetrics.metrics());
        OPEN.add(0, executor);
        plannerMetrics = metricsPort("planner-service");
        PlannerServiceApp planner = PlannerServiceApp.start(PlannerConfig.from(env.with(Map.of("OPS_PLANNER_PORT", "0",
                "OPS_EXECUTOR_TARGET", "127.0.0.1:" + executor.port()))), plannerMetrics.metrics());
        OPEN.add(0, planner);
        Path data = TempData.create("ops-stage-metrics-");
        GatewayApp gateway = OpsStack.gatewayBeside(ops, data, Map.of(
                "OPS_PLANNER_TARGET", "127.0.0.1:" + planner.port(),
                "OPS_EXECUTOR_TARGET", "127.0.0.1:" + executor.port(),
                "OPS_TRACE_TARGET", registry,
                "OPS_STAGE_TRANSPORT", "tcp")); // over loopback TCP, though the services share this JVM
        OPEN.add(0, gateway);

        Http.Reply asked = new Http(ops, gateway.port()).post("/ops/ci/ask", Http.ask(QUESTION), "operator");
        assertEquals(200, asked.status(), asked.raw());
        assertTrue(asked.data().path("answer").asText().contains("SVR001"), asked.raw());
        // the gateway ships the trace in the background: wait until trace-service has stored it
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (stored(scrape(traceMetrics)) < 1 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
    }

    @AfterAll
    static void down() {
        for (AutoCloseable c : OPEN) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("closing " + c + ": " + e);
            }
        }
    }

    private static double stored(PrometheusText text) {
        return text.samples("ops_trace_service_traces_total", Map.of("outcome", "stored")).stream()
                .mapToDouble(PrometheusText.Sample::value).sum();
    }

    private static HttpResponse<String> send(MetricsPort port, String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.port() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, method.equals("GET") || method.equals("HEAD") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static PrometheusText scrape(MetricsPort port) throws Exception {
        HttpResponse<String> r = send(port, "GET", "/metrics");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain; version=0.0.4"));
        return PrometheusText.parse(r.body());
    }

    /** The RPC's latency histogram, over TCP, status OK, one series. */
    private static void assertRpc(PrometheusText text, String server, String service, String method) {
        Map<String, String> labels = Map.of("server", server, "service", service, "method", method, "status", "OK");
        List<PrometheusText.Sample> count = text.samples("ops_rpc_server_duration_seconds_count", labels);
        assertEquals(1, count.size(), labels + ": " + text.samples("ops_rpc_server_duration_seconds_count"));
        assertTrue(count.get(0).value() >= 1, labels.toString());
        assertTrue(text.samples("ops_rpc_server_duration_seconds_bucket", labels).size() > 10, "buckets of " + labels);
        assertEquals(1, text.samples("ops_rpc_server_duration_seconds_sum", labels).size());
    }

    /** What every stage service's scrape has: its RPCs only, the JVM's meters, nothing of the question. */
    private static void assertCommon(PrometheusText text, String server) {
        assertEquals("histogram", text.families().get("ops_rpc_server_duration_seconds"));
        assertEquals(Set.of(server), text.labelValues("ops_rpc_server_duration_seconds_count", "server"));
        for (String jvm : List.of("jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_classes_loaded_classes",
                "process_uptime_seconds", "process_cpu_usage")) {
            assertTrue(text.families().containsKey(jvm), server + ": " + jvm);
        }
        for (String value : text.allLabelValues()) {
            assertFalse(value.contains("서버") || value.contains("CPU") || value.contains("SVR001")
                    || value.contains("srv-seoul-01") || value.contains("jdbc:") || value.contains("127.0.0.1"),
                    server + ": a label holds '" + value + "'");
        }
        // bounded label names: these and the JVM binders' own
        Set<String> allowed = Set.of("server", "service", "method", "status", "le", "pool", "source", "type",
                "outcome", "planner", "kind", "action", "id", "area", "state", "cause", "gc");
        for (String label : text.labelNames().keySet()) {
            assertTrue(allowed.contains(label), server + ": the label " + label + " on " + text.labelNames().get(label));
        }
    }

    @Test
    void plannerServiceApart() throws Exception {
        PrometheusText text = scrape(plannerMetrics);
        assertCommon(text, "planner-service");
        assertRpc(text, "planner-service", "ops.v1.PlannerService", "RoutePlan");
        assertRpc(text, "planner-service", "ops.v1.PlannerService", "Validate");
        assertEquals(1.0, text.samples("ops_planner_plans_total", Map.of("planner", "rules", "kind", "plan")).get(0)
                .value(), "the question's plan");
        assertTrue(text.samples("ops_planner_validations_total", Map.of("outcome", "allowed")).get(0).value() >= 1);
        assertFalse(text.families().keySet().stream().anyMatch(f -> f.startsWith("hikaricp")), "no pool here");
    }

    @Test
    void executorServiceApart() throws Exception {
        PrometheusText text = scrape(executorMetrics);
        assertCommon(text, "executor-service");
        assertRpc(text, "executor-service", "ops.v1.ExecutorService", "Execute");
        assertRpc(text, "executor-service", "ops.v1.ExecutorService", "Compose");
        assertRpc(text, "executor-service", "ops.v1.ExecutorService", "Present");
        // the Source the question read: its pool under the Source's name, after its query
        Map<String, String> pool = Map.of("pool", "postgres_main");
        for (String gauge : List.of("hikaricp_connections_active", "hikaricp_connections_idle",
                "hikaricp_connections_pending", "hikaricp_connections_max", "hikaricp_connections")) {
            assertEquals("gauge", text.families().get(gauge), gauge);
            assertEquals(1, text.samples(gauge, pool).size(), gauge + ": " + text.samples(gauge));
        }
        assertTrue(text.samples("hikaricp_connections_max", pool).get(0).value() >= 1);
        assertTrue(text.samples("hikaricp_connections_acquire_seconds_count", pool).get(0).value() >= 1, "acquired");
        assertTrue(text.samples("hikaricp_connections_usage_seconds_count", pool).get(0).value() >= 1, "used");
        assertEquals(1, text.samples("hikaricp_connections_timeout_total", pool).size());
        assertTrue(text.samples("ops_executor_source_calls_seconds_count", Map.of("source", "postgres_main",
                "type", "postgres", "outcome", "ok")).get(0).value() >= 1, "the Source's calls");
        assertEquals(0.0, text.samples("ops_executor_source_breakers_open").get(0).value());
    }

    @Test
    void traceServiceApart() throws Exception {
        PrometheusText text = scrape(traceMetrics);
        assertCommon(text, "trace-service");
        assertRpc(text, "trace-service", "ops.v1.AssetService", "ResolveAssets");
        assertRpc(text, "trace-service", "ops.v1.TraceService", "WriteTraces");
        Map<String, String> pool = Map.of("pool", "trace-service-db");
        for (String gauge : List.of("hikaricp_connections_active", "hikaricp_connections_idle",
                "hikaricp_connections_pending", "hikaricp_connections_max")) {
            assertEquals(1, text.samples(gauge, pool).size(), gauge + ": " + text.samples(gauge));
        }
        assertEquals(Set.of("trace-service-db"), text.labelValues("hikaricp_connections_active", "pool"));
        assertTrue(text.samples("hikaricp_connections_acquire_seconds_count", pool).get(0).value() >= 1);
        assertTrue(stored(text) >= 1, "the question's trace stored");
    }

    @Test
    void anythingButGetMetricsGetsAClearStatus() throws Exception {
        for (MetricsPort port : List.of(plannerMetrics, executorMetrics, traceMetrics)) {
            assertEquals(404, send(port, "GET", "/").statusCode());
            assertEquals(404, send(port, "GET", "/ops/ci/ask").statusCode());
            HttpResponse<String> post = send(port, "POST", "/metrics");
            assertEquals(405, post.statusCode(), post.body());
            assertEquals("GET, HEAD", post.headers().firstValue("allow").orElse(""));
            assertEquals(405, send(port, "DELETE", "/metrics").statusCode());
            assertEquals(404, send(port, "POST", "/ops/ci/ask").statusCode());
            assertEquals(200, send(port, "HEAD", "/metrics").statusCode());
        }
    }
}

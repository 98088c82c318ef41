package dev.opsuite.kit.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.config.Env;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * OPS_METRICS_PORT: the Prometheus text at GET /metrics on loopback, and nothing else — another path 404,
 * another method 405 with Allow, never a 500; no port (and no meters) when unset; a value that is not a
 * port, or a port already taken, stops the start with a message naming the variable.
 */
class MetricsPortTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static HttpResponse<String> send(int port, String method, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        b = switch (method) {
            case "GET" -> b.GET();
            case "HEAD" -> b.method("HEAD", HttpRequest.BodyPublishers.noBody());
            default -> b.method(method, HttpRequest.BodyPublishers.ofString("scrape=please"));
        };
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePrometheusTextAtGetMetricsOnLoopback() throws Exception {
        try (MetricsPort port = MetricsPort.start(Env.of(Map.of("OPS_METRICS_PORT", "0")), "planner-service")
                .orElseThrow()) {
            HttpResponse<String> r = send(port.port(), "GET", "/metrics");
            assertEquals(200, r.statusCode());
            assertEquals(MetricsPort.CONTENT_TYPE, r.headers().firstValue("content-type").orElse(""));
            PrometheusText text = PrometheusText.parse(r.body());
            assertTrue(text.families().containsKey("jvm_memory_used_bytes"), "the JVM's meters");
            assertTrue(text.families().containsKey("process_uptime_seconds"));
            // a query string is no other resource
            assertEquals(200, send(port.port(), "GET", "/metrics?name[]=jvm_threads_live_threads").statusCode());
            HttpResponse<String> head = send(port.port(), "HEAD", "/metrics");
            assertEquals(200, head.statusCode());
            assertEquals("", head.body());
        }
    }

    @Test
    void badInputGetsAClearStatusNeverA500() throws Exception {
        try (MetricsPort port = MetricsPort.start("executor-service", "127.0.0.1", 0, ProcessMetrics.prometheus())) {
            for (String path : List.of("/", "/metrics/", "/metricsx", "/ops/health", "/metrics/../admin", "/%2e%2e/")) {
                HttpResponse<String> r = send(port.port(), "GET", path);
                assertEquals(404, r.statusCode(), path);
                assertTrue(r.body().contains("serves only GET /metrics"), r.body());
            }
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
                HttpResponse<String> r = send(port.port(), method, "/metrics");
                assertEquals(405, r.statusCode(), method);
                assertEquals("GET, HEAD", r.headers().firstValue("allow").orElse(""), method);
                assertTrue(r.body().contains("GET (and HEAD) only"), r.body());
            }
            assertEquals(404, send(port.port(), "POST", "/elsewhere").statusCode());
            // still serving after all that
            assertEquals(200, send(port.port(), "GET", "/metrics").statusCode());
        }
    }

    @Test
    void aClientThatStallsMidRequestIsCutAndOthersStillScrape() throws Exception {
        try (MetricsPort port = MetricsPort.start("planner-service", "127.0.0.1", 0, ProcessMetrics.prometheus())) {
            List<java.net.Socket> stalled = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    java.net.Socket s = new java.net.Socket("127.0.0.1", port.port());
                    s.getOutputStream().write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(
                            java.nio.charset.StandardCharsets.US_ASCII)); // and never the blank line
                    stalled.add(s);
                }
                Thread.sleep(300);
                long t0 = System.nanoTime();
                assertEquals(200, send(port.port(), "GET", "/metrics").statusCode());
                assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(3).toNanos(), "a scrape beside two stalled clients");
                java.net.Socket first = stalled.get(0);
                first.setSoTimeout(20_000);
                t0 = System.nanoTime();
                assertEquals(-1, first.getInputStream().read(), "the stalled connection is closed");
                assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(15).toNanos());
            } finally {
                for (java.net.Socket s : stalled) {
                    s.close();
                }
            }
        }
    }

    @Test
    void noPortUnlessConfigured() {
        assertEquals(Optional.empty(), MetricsPort.start(Env.of(Map.of()), "trace-service"));
    }

    @Test
    void aValueThatIsNotAPortIsRefused() {
        for (String bad : List.of("http", "-2", "65536", "9464x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> MetricsPort.start(Env.of(Map.of("OPS_METRICS_PORT", bad)), "planner-service"), bad);
            assertTrue(e.getMessage().contains("OPS_METRICS_PORT"), e.getMessage());
        }
    }

    @Test
    void aPortInUseStopsTheStartNamingTheVariables() {
        try (MetricsPort first = MetricsPort.start("trace-service", "127.0.0.1", 0, ProcessMetrics.prometheus())) {
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> MetricsPort.start(
                    Env.of(Map.of("OPS_METRICS_PORT", Integer.toString(first.port()))), "trace-service"));
            assertTrue(e.getMessage().contains("OPS_METRICS_PORT") && e.getMessage().contains(":" + first.port()),
                    e.getMessage());
        }
    }
}

package dev.opsuite.kit.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.opsuite.kit.config.Env;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stage service run apart (its main class) serves its meters — a {@link ProcessMetrics#prometheus()}
 * registry — in the Prometheus text format at {@code GET /metrics} on a port of its own:
 * {@code OPS_METRICS_PORT}, on {@code OPS_METRICS_HOST} (loopback unless set). Unset: no port, and the
 * service keeps no meters. Plain HTTP/1.1 (the JDK's server), nothing else served there: another path is
 * 404, another method than GET or HEAD 405 with {@code Allow}, and a scrape that fails 503 — never a 500.
 * No key is asked for (Prometheus scrapes it like a node exporter): keep it on loopback or behind the
 * network's own rules; it carries RPC, pool and Source names and figures, never a question, a CI or a secret.
 */
public final class MetricsPort implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MetricsPort.class);
    public static final String PATH = "/metrics";
    /** The Prometheus text exposition format, version 0.0.4 (what every Prometheus reads). */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final String service;
    private final ProcessMetrics metrics;
    private final HttpServer server;
    private final ExecutorService handlers;

    private MetricsPort(String service, ProcessMetrics metrics, HttpServer server, ExecutorService handlers) {
        this.service = service;
        this.metrics = metrics;
        this.server = server;
        this.handlers = handlers;
    }

    /**
     * With OPS_METRICS_PORT set: a registry with the JVM's meters, served on OPS_METRICS_HOST:OPS_METRICS_PORT
     * from now on; the service is then started on {@link #metrics()}. Unset: empty. A value that is not a
     * port, or a port that cannot be bound, stops the start with a message naming the variable.
     */
    public static Optional<MetricsPort> start(Env env, String service) {
        Optional<String> port = env.get("OPS_METRICS_PORT");
        if (port.isEmpty()) {
            return Optional.empty();
        }
        int p = port(port.get());
        String host = env.get("OPS_METRICS_HOST", "127.0.0.1");
        return Optional.of(start(service, host, p, ProcessMetrics.prometheus()));
    }

    /** Serves {@code metrics} on host:port (0: any free port); closes {@code metrics} with itself. */
    public static MetricsPort start(String service, String host, int port, ProcessMetrics metrics) {
        AtomicInteger n = new AtomicInteger();
        // a few: a connection is read on one of these, so a client that stalls holds one until maxReqTime
        ExecutorService handlers = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, service + "-metrics-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // a client that stalls mid-request or mid-response is cut (the JDK server's own bounds, read when its
        // first server is made; a value set on the command line is kept)
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "5");
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "30");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 16);
        } catch (IOException | RuntimeException e) {
            handlers.shutdownNow();
            metrics.close();
            throw new UncheckedIOException(new IOException(service + " cannot serve metrics on " + host + ":" + port
                    + " (OPS_METRICS_HOST, OPS_METRICS_PORT): " + e.getMessage(), e));
        }
        MetricsPort mp = new MetricsPort(service, metrics, server, handlers);
        server.createContext("/", mp::handle); // every path: an unknown one gets our 404, not the JDK's
        server.setExecutor(handlers);
        server.start();
        log.info("{} serves Prometheus metrics at http://{}:{}{}", service, host, mp.port(), PATH);
        return mp;
    }

    static int port(String value) {
        try {
            int p = Integer.parseInt(value.strip());
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("OPS_METRICS_PORT must be a port number (0-65535), got '" + value + "'");
    }

    /** Where the service registers its meters. */
    public ProcessMetrics metrics() {
        return metrics;
    }

    /** The port bound (useful with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            ex.getResponseHeaders().set("x-content-type-options", "nosniff");
            ex.getResponseHeaders().set("cache-control", "no-store");
            if (!PATH.equals(ex.getRequestURI().getRawPath())) {
                reply(ex, 404, "not found: " + service + " serves only GET " + PATH + " here\n");
                return;
            }
            String method = ex.getRequestMethod();
            if (!"GET".equals(method) && !"HEAD".equals(method)) {
                ex.getResponseHeaders().set("allow", "GET, HEAD");
                reply(ex, 405, "method not allowed: " + PATH + " answers GET (and HEAD) only\n");
                return;
            }
            byte[] body;
            try {
                body = metrics.prometheusRegistry().scrape().getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException e) {
                log.warn("{}: the metrics scrape failed: {}", service, e.toString());
                reply(ex, 503, "metrics unavailable: the scrape failed; try again\n");
                return;
            }
            ex.getResponseHeaders().set("content-type", CONTENT_TYPE);
            if ("HEAD".equals(method)) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("{}: a metrics request ended early: {}", service, e.toString()); // e.g. the client went away
        } finally {
            ex.close();
        }
    }

    private static void reply(HttpExchange ex, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("content-type", "text/plain; charset=utf-8");
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops serving, then closes the registry. */
    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
        metrics.close();
    }
}

package dev.opsuite.launcher;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An OTLP/HTTP receiver for the tests: {@code POST /v1/traces} with an ExportTraceServiceRequest in
 * protobuf, decoded with the OpenTelemetry project's own proto classes; every span kept with its
 * resource's service.name.
 */
final class OtlpReceiver implements AutoCloseable {
    /** A received span, ids as lowercase hex. */
    record Received(String service, Span span) {
        String traceId() {
            return HexFormat.of().formatHex(span.getTraceId().toByteArray());
        }

        String spanId() {
            return HexFormat.of().formatHex(span.getSpanId().toByteArray());
        }

        String parentSpanId() {
            return HexFormat.of().formatHex(span.getParentSpanId().toByteArray());
        }

        String name() {
            return span.getName();
        }

        AnyValue attribute(String key) {
            return span.getAttributesList().stream().filter(a -> a.getKey().equals(key)).map(KeyValue::getValue)
                    .findFirst().orElse(null);
        }

        String string(String key) {
            AnyValue v = attribute(key);
            return v == null ? null : v.getStringValue();
        }

        Map<String, AnyValue> attributes() {
            Map<String, AnyValue> m = new java.util.LinkedHashMap<>();
            span.getAttributesList().forEach(a -> m.put(a.getKey(), a.getValue()));
            return m;
        }
    }

    private final HttpServer server;
    final List<Received> spans = new CopyOnWriteArrayList<>();
    final List<String> contentTypes = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/traces", ex -> {
            try (InputStream in = ex.getRequestBody()) {
                contentTypes.add(String.valueOf(ex.getRequestHeaders().getFirst("content-type")));
                ExportTraceServiceRequest req = ExportTraceServiceRequest.parseFrom(in.readAllBytes());
                for (ResourceSpans rs : req.getResourceSpansList()) {
                    String service = rs.getResource().getAttributesList().stream()
                            .filter(a -> a.getKey().equals("service.name")).map(a -> a.getValue().getStringValue())
                            .findFirst().orElse("");
                    for (ScopeSpans ss : rs.getScopeSpansList()) {
                        ss.getSpansList().forEach(s -> spans.add(new Received(service, s)));
                    }
                }
                byte[] ok = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
                ex.getResponseHeaders().set("content-type", "application/x-protobuf");
                ex.sendResponseHeaders(200, ok.length == 0 ? -1 : ok.length);
                ex.getResponseBody().write(ok);
            } catch (Exception e) {
                ex.sendResponseHeaders(400, -1);
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The spans of one trace once {@code done} holds for them (polled for up to 15 s). */
    List<Received> await(String traceId, Predicate<List<Received>> done) throws InterruptedException {
        long until = System.nanoTime() + 15_000_000_000L;
        List<Received> of;
        do {
            of = of(traceId);
            if (done.test(of)) {
                return of;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < until);
        throw new AssertionError("spans of trace " + traceId + " never complete; got " + of.stream()
                .map(Received::name).toList());
    }

    List<Received> of(String traceId) {
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.gateway.GatewayApp;
import dev.opsuite.kit.grpc.TraceParent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * #18: every request's Execution Trace also exported as OTLP spans, to an OTLP/HTTP receiver started
 * here, by a gateway with OTEL_EXPORTER_OTLP_ENDPOINT beside the shared stack (the shared stack's own
 * gateway has it unset). The caller's W3C traceparent is continued; the span tree holds the root, the
 * stages and the statements (placeholders, no values); the trace and the spans name each other.
 */
class OtelEndToEndTest {
    private static final String QUESTION = "서버A의 CPU 사용량은?";
    private static OtlpReceiver receiver;
    private static AllInOne ops;
    private static GatewayApp exporting;
    private static Path data;
    private static Http http;

    @BeforeAll
    static void up() throws Exception {
        receiver = new OtlpReceiver();
        ops = OpsStack.get();
        data = TempData.create("ops-otel-");
        exporting = OpsStack.gatewayBeside(ops, data, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint(),
                "OTEL_SERVICE_NAME", "ops-e2e"));
        http = new Http(ops, exporting.port());
    }

    @AfterAll
    static void down() {
        if (exporting != null) {
            exporting.close();
        }
        receiver.close();
        TempData.delete(data);
    }

    private static boolean complete(List<OtlpReceiver.Received> spans) {
        return spans.stream().anyMatch(s -> s.name().startsWith("POST "))
                && spans.stream().anyMatch(s -> s.name().equals("present"));
    }

    private static OtlpReceiver.Received named(List<OtlpReceiver.Received> spans, String name) {
        return spans.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in " + spans.stream()
                        .map(OtlpReceiver.Received::name).toList()));
    }

    @Test
    void aCallersTraceContinuesThroughTheProductAsSpans() throws Exception {
        String callerTrace = TraceParent.newTraceId();
        String callerSpan = TraceParent.newSpanId();
        Http.Reply r = http.post("/ops/ci/ask", Http.ask(QUESTION), "operator", "traceparent",
                "00-" + callerTrace + "-" + callerSpan + "-01");
        assertEquals(200, r.status(), r.raw());
        String opsTraceId = r.data().path("meta").path("trace_id").asText();
        // the Execution Trace names the OTel trace …
        JsonNode trace = http.get("/ops/traces/" + opsTraceId).data();
        assertEquals(callerTrace, trace.path("otel_trace_id").asText(), trace.toString());
        assertEquals(callerSpan, trace.path("otel_parent_span_id").asText());
        String rootId = trace.path("otel_span_id").asText();
        assertEquals(16, rootId.length());

        List<OtlpReceiver.Received> spans = receiver.await(callerTrace, OtelEndToEndTest::complete);
        OtlpReceiver.Received root = named(spans, "POST /ops/ci/ask");
        assertEquals("ops-e2e", root.service());
        assertEquals(rootId, root.spanId());
        assertEquals(callerSpan, root.parentSpanId(), "the root continues the caller's span");
        // … and the spans name the Execution Trace
        assertEquals(opsTraceId, root.string("ops.trace_id"));
        assertEquals("success", root.string("ops.status"));
        assertEquals("orch", root.string("ops.route"));
        for (String stage : List.of("route_plan", "validate", "execute", "compose", "present")) {
            OtlpReceiver.Received s = named(spans, stage);
            assertEquals(rootId, s.parentSpanId(), stage + " under the root");
            assertTrue(s.span().getStartTimeUnixNano() >= root.span().getStartTimeUnixNano());
            assertTrue(s.span().getEndTimeUnixNano() <= root.span().getEndTimeUnixNano(), stage);
        }
        String execute = named(spans, "execute").spanId();
        List<OtlpReceiver.Received> db = spans.stream().filter(s -> s.attribute("db.system") != null).toList();
        assertFalse(db.isEmpty(), "a database span: " + spans.stream().map(OtlpReceiver.Received::attributes).toList());
        // the statements the trace recorded, each with the values it was bound to
        JsonNode refs = trace.path("references");
        for (OtlpReceiver.Received d : db) {
            assertEquals(execute, d.parentSpanId(), d.name() + " under execute");
            assertEquals("postgresql", d.string("db.system"));
            String text = d.string("db.query.text");
            assertNotNull(text, d.attributes().toString());
            assertTrue(text.contains(":ci_code"), "placeholders in the text: " + text);
            for (JsonNode ref : refs) {
                ref.path("params").properties().forEach(p -> {
                    String v = p.getValue().asText();
                    if (p.getValue().isTextual() && v.length() >= 4) {
                        assertFalse(text.contains(v), "bound value " + v + " in " + text);
                    }
                });
            }
        }
        assertTrue(refs.toString().contains("ci_code"), refs.toString());
        // the question is user data: the spans do not carry it
        spans.forEach(s -> assertFalse(s.span().toString().contains("CPU 사용량"), s.name()));
        assertTrue(receiver.contentTypes.stream().allMatch(c -> c.startsWith("application/x-protobuf")),
                receiver.contentTypes.toString());
    }

    @Test
    void aGrpcCallersTraceparentIsContinuedToo() throws Exception {
        String callerTrace = TraceParent.newTraceId();
        String callerSpan = TraceParent.newSpanId();
        io.grpc.Metadata md = new io.grpc.Metadata();
        md.put(io.grpc.Metadata.Key.of("traceparent", io.grpc.Metadata.ASCII_STRING_MARSHALLER),
                "00-" + callerTrace + "-" + callerSpan + "-01");
        io.grpc.ManagedChannel ch = io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder
                .forAddress("127.0.0.1", exporting.port()).usePlaintext().build();
        try {
            dev.opsuite.proto.v1.AskResponse r = dev.opsuite.proto.v1.OpsServiceGrpc.newBlockingStub(ch)
                    .withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(md))
                    .withDeadlineAfter(30, java.util.concurrent.TimeUnit.SECONDS)
                    .ask(dev.opsuite.proto.v1.AskRequest.newBuilder().setQuestion(QUESTION).setMode("real").build());
            assertEquals(callerTrace, r.getTrace().getOtelTraceId());
            assertEquals(callerSpan, r.getTrace().getOtelParentSpanId());
            OtlpReceiver.Received root = named(receiver.await(callerTrace, OtelEndToEndTest::complete),
                    "POST /ops/ci/ask");
            assertEquals(callerSpan, root.parentSpanId());
            assertEquals(r.getMeta().getTraceId(), root.string("ops.trace_id"));
        } finally {
            ch.shutdownNow();
        }
    }

    @Test
    void withoutATraceparentAnAskStartsATraceOfItsOwn() throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask(QUESTION), "operator");
        assertEquals(200, r.status(), r.raw());
        String otel = r.data().path("trace").path("otel_trace_id").asText();
        assertTrue(otel.matches("[0-9a-f]{32}"), r.data().path("trace").toString());
        OtlpReceiver.Received root = named(receiver.await(otel, OtelEndToEndTest::complete), "POST /ops/ci/ask");
        assertEquals("", root.parentSpanId());
        assertEquals(r.data().path("meta").path("trace_id").asText(), root.string("ops.trace_id"));
    }

    @Test
    void aMalformedTraceparentIsIgnored() throws Exception {
        String bad = "00-" + "AB".repeat(16) + "-" + "0".repeat(16) + "-01";
        Http.Reply r = http.post("/ops/ci/ask", Http.ask(QUESTION), "operator", "traceparent", bad);
        assertEquals(200, r.status(), r.raw());
        String otel = r.data().path("trace").path("otel_trace_id").asText();
        assertTrue(otel.matches("[0-9a-f]{32}"), otel);
        assertNotEquals("ab".repeat(16), otel);
        assertEquals("", r.data().path("trace").path("otel_parent_span_id").asText());
        assertEquals("", named(receiver.await(otel, OtelEndToEndTest::complete), "POST /ops/ci/ask").parentSpanId());
        Http.Reply huge = http.post("/ops/ci/ask", Http.ask(QUESTION), "operator", "traceparent",
                "00-" + TraceParent.newTraceId() + "-" + TraceParent.newSpanId() + "-01" + "-x".repeat(2000));
        assertEquals(200, huge.status(), huge.raw());
        assertEquals("", huge.data().path("trace").path("otel_parent_span_id").asText());
    }

    @Test
    void withTheEndpointUnsetNothingIsExportedButACallersTraceIsRecorded() throws Exception {
        Http shared = new Http(ops);
        Http.Reply plain = shared.post("/ops/ci/ask", Http.ask(QUESTION), "operator");
        assertEquals(200, plain.status(), plain.raw());
        assertEquals("", plain.data().path("trace").path("otel_trace_id").asText(), "no trace id of our own");
        String callerTrace = TraceParent.newTraceId();
        Http.Reply continued = shared.post("/ops/ci/ask", Http.ask(QUESTION), "operator", "traceparent",
                "00-" + callerTrace + "-" + TraceParent.newSpanId() + "-01");
        assertEquals(200, continued.status(), continued.raw());
        assertEquals(callerTrace, continued.data().path("trace").path("otel_trace_id").asText());
        Thread.sleep(1500);
        assertEquals(List.of(), receiver.of(callerTrace), "the shared stack exports nothing");
        // one exporter thread in this JVM: the exporting gateway's (started by its first trace), none of
        // the shared stack's
        assertEquals(200, http.post("/ops/ci/ask", Http.ask(QUESTION), "operator").status());
        assertEquals(1, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("otel-trace-spans")).count());
    }

    /** The value of one sample of a scrape of /metrics (an operator's), NaN when it is not there. */
    static double sample(Http h, String name, String label, String value) throws Exception {
        Http.Reply r = h.get("/metrics", "operator");
        assertEquals(200, r.status(), r.raw());
        for (String line : r.raw().split("\n")) {
            if (line.startsWith(name + (label == null ? " " : "{"))
                    && (label == null || line.contains(label + "=\"" + value + "\""))) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return Double.NaN;
    }

    /** Polls a sample until it passes {@code test} (at most 30 s); its last value. */
    static double awaitSample(Http h, String name, String label, String value,
                              java.util.function.DoublePredicate test) throws Exception {
        long until = System.nanoTime() + 30_000_000_000L;
        double v;
        while (!test.test(v = sample(h, name, label, value)) && System.nanoTime() < until) {
            Thread.sleep(200);
        }
        return v;
    }

    @Test
    void theSpansFateIsOnMetrics() throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask(QUESTION), "operator");
        assertEquals(200, r.status(), r.raw());
        receiver.await(r.data().path("trace").path("otel_trace_id").asText(), OtelEndToEndTest::complete);
        double exported = awaitSample(http, "ops_otel_spans_exported_total", null, null, v -> v >= 7);
        assertTrue(exported >= 7, "the root, five stages and a statement at least: " + exported);
        assertEquals(0.0, sample(http, "ops_otel_spans_dropped_total", "reason", "queue_full"));
        assertEquals(0.0, sample(http, "ops_otel_spans_dropped_total", "reason", "export_failed"));
        assertEquals(0.0, sample(http, "ops_otel_traces_dropped_total", null, null));
        assertTrue(sample(http, "ops_otel_span_queue_depth", null, null) >= 0);
        // the shared stack exports nothing: it has no such family at all
        assertTrue(Double.isNaN(sample(new Http(ops), "ops_otel_spans_exported_total", null, null)));
    }

    @Test
    void aDeadEndpointNeitherSlowsNorFailsAnAsk() throws Exception {
        int dead;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            dead = s.getLocalPort();
        }
        Path dir = TempData.create("ops-otel-dead-");
        GatewayApp g = OpsStack.gatewayBeside(ops, dir, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT",
                "http://127.0.0.1:" + dead));
        try {
            Http h = new Http(ops, g.port());
            assertEquals(200, h.post("/ops/ci/ask", Http.ask(QUESTION), "operator").status()); // warm
            for (int i = 0; i < 5; i++) {
                long t0 = System.nanoTime();
                Http.Reply r = h.post("/ops/ci/ask", Http.ask(QUESTION), "operator");
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(200, r.status(), r.raw());
                assertTrue(ms < 3000, "an ask took " + ms + " ms with the OTLP endpoint down");
            }
            // the spans that could not go are counted as failed on /metrics, none as exported
            double failed = awaitSample(h, "ops_otel_spans_dropped_total", "reason", "export_failed", v -> v >= 7);
            assertTrue(failed >= 7, "spans of the asks counted as export_failed: " + failed);
            assertEquals(0.0, sample(h, "ops_otel_spans_exported_total", null, null));
        } finally {
            long t0 = System.nanoTime();
            g.close();
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 15_000, "close is bounded");
            TempData.delete(dir);
        }
    }
}

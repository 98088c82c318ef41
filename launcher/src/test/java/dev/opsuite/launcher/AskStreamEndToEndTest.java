package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.AskResponse;
import dev.opsuite.proto.v1.AskStreamRequest;
import dev.opsuite.proto.v1.AskStreamResponse;
import dev.opsuite.proto.v1.GetTraceRequest;
import dev.opsuite.proto.v1.OpsServiceGrpc;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.StageProgress;
import dev.opsuite.proto.v1.Trace;
import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * #18 item 3: an ask streamed stage by stage over gRPC (OpsService/AskStream) and as Server-Sent
 * Events (POST /ops/ci/ask/stream), on the whole product: the events in pipeline order, the answer
 * Ask gives, the same trace; a caller that leaves mid-ask (EXECUTE held by a locked table) stops it
 * — the stage in flight cancelled, no later stage run, the trace cancelled; bad input refused as Ask
 * refuses it, before any event.
 */
class AskStreamEndToEndTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static AllInOne ops;
    private static ManagedChannel channel;
    private static Http http;

    @BeforeAll
    static void up() throws Exception {
        ops = OpsStack.get();
        http = new Http(ops);
        channel = NettyChannelBuilder.forAddress("127.0.0.1", ops.httpPort()).usePlaintext().build();
    }

    @AfterAll
    static void down() {
        channel.shutdownNow();
    }

    private static OpsServiceGrpc.OpsServiceBlockingStub stub() {
        return OpsServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private static AskStreamRequest streamed(String question) {
        return AskStreamRequest.newBuilder().setQuestion(question).build();
    }

    @Test
    void overGrpcEachStageArrivesInOrderThenAsksAnswerAndTheTraceIsAsks() {
        List<StageProgress> stages = new ArrayList<>();
        AskResponse answer = null;
        for (Iterator<AskStreamResponse> it = stub().askStream(streamed("서버A의 CPU 사용량은?")); it.hasNext(); ) {
            AskStreamResponse e = it.next();
            assertTrue(answer == null, "the answer is the last event");
            if (e.hasStage()) {
                stages.add(e.getStage());
            } else {
                answer = e.getAnswer();
            }
        }
        assertEquals(List.of("route_plan", "validate", "execute", "compose", "present"),
                stages.stream().map(StageProgress::getStage).toList());
        assertEquals(List.of(1, 2, 3, 4, 5), stages.stream().map(StageProgress::getSeq).toList());
        assertTrue(stages.stream().allMatch(s -> s.getStatus().equals("ok") && !s.getSummary().isBlank()), stages.toString());
        assertEquals("plan lookup/summary for SVR001 (rules, confidence 0.86)", stages.get(0).getSummary());
        assertTrue(answer != null, "an answer ends the stream");

        AskResponse ask = stub().ask(AskRequest.newBuilder().setQuestion("서버A의 CPU 사용량은?").build());
        assertEquals(ask.getAnswer(), answer.getAnswer());
        assertTrue(answer.getAnswer().contains("(SVR001)의 현재 CPU 사용량은"), answer.getAnswer());
        assertEquals(ask.getBlocksList(), answer.getBlocksList());
        assertEquals(ask.getScreen(), answer.getScreen());
        assertEquals(ask.getMeta().getRoute(), answer.getMeta().getRoute());

        Trace trace = stub().getTrace(GetTraceRequest.newBuilder().setTraceId(answer.getMeta().getTraceId()).build())
                .getTrace();
        assertEquals("success", trace.getStatus());
        assertEquals("ci", trace.getFeature());
        assertEquals("/ops/ci/ask/stream", trace.getEndpoint());
        assertEquals(stages.stream().map(StageProgress::getStage).toList(),
                trace.getStageOutputsList().stream().map(StageOutput::getStage).toList());
        assertEquals(stages.stream().map(StageProgress::getDurationMs).toList(),
                trace.getStageOutputsList().stream().map(StageOutput::getDurationMs).toList());
        Trace asked = stub().getTrace(GetTraceRequest.newBuilder().setTraceId(ask.getMeta().getTraceId()).build())
                .getTrace();
        assertEquals(asked.getStageInputsList().stream().map(i -> i.getStage() + i.getAppliedAssetsMap()).toList(),
                trace.getStageInputsList().stream().map(i -> i.getStage() + i.getAppliedAssetsMap()).toList());
        // the same plan (its understanding carries the time it was asked)
        assertEquals(asked.getRouteOutput().getPlanRaw().toBuilder().clearUnderstanding().build(),
                trace.getRouteOutput().getPlanRaw().toBuilder().clearUnderstanding().build());
    }

    @Test
    void asServerSentEventsTheSameStagesThenTheAnswerInRestJson() throws Exception {
        HttpResponse<InputStream> r = post("{\"question\":\"what breaks if db-01 goes down?\"}", null);
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"), r.headers().toString());
        List<SseEvents.Event> events;
        try (InputStream in = r.body()) {
            events = new SseEvents(in).all();
        }
        List<String> names = events.stream().map(SseEvents.Event::name).toList();
        assertEquals(List.of("stage", "stage", "stage", "stage", "stage", "answer"), names, events.toString());
        assertEquals(List.of("route_plan", "validate", "execute", "compose", "present"),
                events.subList(0, 5).stream().map(e -> e.data().path("stage").asText()).toList());
        JsonNode first = events.get(0).data();
        assertTrue(first.has("duration_ms") && first.path("seq").asInt() == 1, "snake_case as the REST API: " + first);
        assertTrue(events.get(2).data().path("summary").asText().matches("1 result, \\d+ rows"), events.get(2).toString());
        JsonNode answer = events.get(5).data();
        Http.Reply ask = http.post("/ops/ci/ask", Http.ask("what breaks if db-01 goes down?"));
        assertEquals(ask.data().path("answer").asText(), answer.path("answer").asText());
        assertEquals(ask.data().path("blocks"), answer.path("blocks"));
        String traceId = answer.path("meta").path("trace_id").asText();
        assertTrue(traceId.matches("[0-9a-f]{32}"), answer.path("meta").toString());
        JsonNode trace = http.get("/ops/traces/" + traceId).data();
        assertEquals("success", trace.path("status").asText());
        assertEquals(5, trace.path("stage_outputs").size());
    }

    @Test
    void aGrpcCallerThatCancelsStopsTheAskAndTheTraceSaysCancelled() throws Exception {
        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), ops.dbUser(), ops.dbPassword())) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("LOCK TABLE ci IN ACCESS EXCLUSIVE MODE");   // EXECUTE waits on it
                Context.CancellableContext call = Context.current().withCancellation();
                List<String> seen = new ArrayList<>();
                Context previous = call.attach();
                try {
                    Iterator<AskStreamResponse> it = stub().askStream(streamed("show every server"));
                    while (seen.size() < 2) {
                        seen.add(it.next().getStage().getStage());
                    }
                } finally {
                    call.detach(previous);
                }
                call.cancel(null);   // while EXECUTE waits on the lock
                assertEquals(List.of("route_plan", "validate"), seen);
                JsonNode trace = cancelledTrace("show every server");
                assertStoppedDuringExecute(trace);
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void anSseClientThatDisconnectsStopsTheAskAndTheTraceSaysCancelled() throws Exception {
        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), ops.dbUser(), ops.dbPassword())) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("LOCK TABLE ci IN ACCESS EXCLUSIVE MODE");
                HttpResponse<InputStream> r = post("{\"question\":\"which servers are there\"}", null);
                assertEquals(200, r.statusCode());
                try (InputStream in = r.body()) {
                    SseEvents events = new SseEvents(in);
                    assertEquals("route_plan", events.next().data().path("stage").asText());
                    assertEquals("validate", events.next().data().path("stage").asText());
                }   // closing the body before its end closes the connection
                JsonNode trace = cancelledTrace("which servers are there");
                assertStoppedDuringExecute(trace);
            } finally {
                c.rollback();
            }
        }
    }

    /** Stopped while EXECUTE waited: that call cancelled (not waited for), COMPOSE and PRESENT never run. */
    private static void assertStoppedDuringExecute(JsonNode trace) {
        assertEquals("cancelled", trace.path("status").asText(), trace.toString());
        assertTrue(trace.path("error_message").asText().contains("during execute"), trace.path("error_message").asText());
        List<String> inputs = new ArrayList<>();
        trace.path("stage_inputs").forEach(i -> inputs.add(i.path("stage").asText()));
        List<String> outputs = new ArrayList<>();
        trace.path("stage_outputs").forEach(o -> outputs.add(o.path("stage").asText()));
        assertEquals(List.of("route_plan", "validate", "execute"), inputs, "no stage after the one cancelled");
        assertEquals(List.of("route_plan", "validate"), outputs);
        // the stage deadline is 10 s and the table stays locked: only a cancelled call ends this early
        assertTrue(trace.path("duration_ms").asInt() < 8000, "EXECUTE was waited for: " + trace.path("duration_ms"));
    }

    /** The newest cancelled trace of the question, written while the test still holds its lock. */
    private static JsonNode cancelledTrace(String question) throws Exception {
        String q = java.net.URLEncoder.encode(question, StandardCharsets.UTF_8);
        for (int i = 0; i < 80; i++) {
            Http.Reply list = http.get("/ops/traces?status=cancelled&q=" + q);
            if (list.data().path("traces").size() > 0) {
                return http.get("/ops/traces/" + list.data().path("traces").get(0).path("trace_id").asText()).data();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no cancelled trace of '" + question + "' within 8 s");
    }

    @Test
    void aFailureAfterTheFirstEventIsAnErrorEventWithTheEnvelopeAndTheTraceId() throws Exception {
        // a draft of postgres_main whose statements give up after 1 s (as SlowStoreEndToEndTest)
        ObjectNode content = (ObjectNode) http.get("/ops/assets/source/postgres_main").data().path("content").deepCopy();
        ((ObjectNode) content.path("limits")).put("max_duration_seconds", 1);
        ObjectNode save = ModelJson.MAPPER.createObjectNode();
        save.set("content", content);
        Http.Reply saved = http.post("/ops/assets/source/postgres_main", save.toString(), "asset_admin");
        assertEquals(200, saved.status(), saved.raw());
        ObjectNode ask = ModelJson.MAPPER.createObjectNode().put("question", "list all servers");
        ask.putObject("asset_overrides").put("source", "postgres_main@" + saved.data().path("version").asInt());

        // a viewer may not answer from a draft: refused before any event, as POST /ops/ci/ask refuses it
        Http.Reply viewer = reply(post(ask.toString(), null));
        BadInputTest.assertEnvelope(viewer, 403, "operator");
        assertTrue(viewer.data().path("trace_id").asText().matches("[0-9a-f]{32}"), viewer.raw());

        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), ops.dbUser(), ops.dbPassword())) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("LOCK TABLE ci IN ACCESS EXCLUSIVE MODE");
                HttpResponse<InputStream> r = post(ask.toString(), TestKeys.token(ops, "operator"));
                assertEquals(200, r.statusCode());
                List<SseEvents.Event> events;
                try (InputStream in = r.body()) {
                    events = new SseEvents(in).all();
                }
                SseEvents.Event last = events.get(events.size() - 1);
                assertEquals("error", last.name(), events.toString());
                assertTrue(events.stream().limit(events.size() - 1).allMatch(e -> e.name().equals("stage")));
                assertEquals(503, last.data().path("code").asInt(), last.toString());
                assertTrue(last.data().path("message").asText().contains("did not answer in time"), last.toString());
                assertFalse(last.data().path("time").asText().isEmpty());
                String traceId = last.data().path("data").path("trace_id").asText();
                assertEquals("error", http.get("/ops/traces/" + traceId).data().path("status").asText());
            } finally {
                c.rollback();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.opsuite.launcher.BadInputTest#badAskBodies")
    void badBodiesAreRefusedAsAskRefusesThem(String name, String body, String messagePart) throws Exception {
        BadInputTest.assertEnvelope(reply(post(body, null)), 400, messagePart);
    }

    @Test
    void badRequestsOverSseArePlainHttpErrorsBeforeAnyEvent() throws Exception {
        byte[] big = ("{\"question\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        BadInputTest.assertEnvelope(http.postBytes("/ops/ci/ask/stream", big, "application/json"), 413, "");
        BadInputTest.assertEnvelope(http.postBytes("/ops/ci/ask/stream", "question=x".getBytes(StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded"), 400, "must be JSON");
        BadInputTest.assertEnvelope(http.post("/ops/ci/ask/stream", Http.ask("가".repeat(3000))), 400,
                "question is longer than");
        BadInputTest.assertEnvelope(http.send("POST", "/ops/ci/ask/stream", Http.ask("서버A의 CPU 사용량은?"),
                "x-ops-roles", "admin"), 403, "x-ops-roles");
        BadInputTest.assertEnvelope(http.send("POST", "/ops/ci/ask/stream", Http.ask("서버A의 CPU 사용량은?"),
                "authorization", "Bearer ops_aaaaaaaaaaaa_notavalidsecret"), 401, "");
        Http.Reply get = http.get("/ops/ci/ask/stream");
        assertEquals(405, get.status(), get.raw());
    }

    @Test
    void badRequestsOverGrpcAreStatusesWithDetailsNeverUnknown() throws Exception {
        StatusRuntimeException empty = assertThrows(StatusRuntimeException.class,
                () -> stub().askStream(AskStreamRequest.getDefaultInstance()).next());
        assertEquals(Status.Code.INVALID_ARGUMENT, empty.getStatus().getCode());
        com.google.rpc.BadRequest bad = io.grpc.protobuf.StatusProto.fromThrowable(empty).getDetailsList().stream()
                .filter(d -> d.is(com.google.rpc.BadRequest.class)).findFirst().orElseThrow()
                .unpack(com.google.rpc.BadRequest.class);
        assertEquals("question", bad.getFieldViolations(0).getField());
        StatusRuntimeException mode = assertThrows(StatusRuntimeException.class,
                () -> stub().askStream(streamed("x").toBuilder().setMode("turbo").build()).next());
        assertEquals(Status.Code.INVALID_ARGUMENT, mode.getStatus().getCode());
        assertEquals(Status.Code.PERMISSION_DENIED, withHeader("x-ops-roles", "admin").getStatus().getCode());
        assertEquals(Status.Code.UNAUTHENTICATED,
                withHeader("authorization", "Bearer ops_aaaaaaaaaaaa_notavalidsecret").getStatus().getCode());
    }

    private static StatusRuntimeException withHeader(String name, String value) {
        Metadata md = new Metadata();
        md.put(Metadata.Key.of(name, Metadata.ASCII_STRING_MARSHALLER), value);
        return assertThrows(StatusRuntimeException.class, () -> stub()
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md))
                .askStream(streamed("서버A의 CPU 사용량은?")).next());
    }

    private static HttpResponse<InputStream> post(String json, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.httpPort()
                + "/ops/ci/ask/stream")).timeout(Duration.ofSeconds(60)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("authorization", "Bearer " + token);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** A refused stream request read whole as the JSON envelope. */
    private static Http.Reply reply(HttpResponse<InputStream> r) throws Exception {
        String raw;
        try (InputStream in = r.body()) {
            raw = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode body;
        try {
            body = ModelJson.MAPPER.readTree(raw);
        } catch (Exception e) {
            body = ModelJson.MAPPER.createObjectNode();
        }
        return new Http.Reply(r.statusCode(), body, raw);
    }
}

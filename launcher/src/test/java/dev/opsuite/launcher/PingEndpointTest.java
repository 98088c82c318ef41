package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.OpsServiceGrpc;
import dev.opsuite.proto.v1.PingRequest;
import dev.opsuite.proto.v1.PingResponse;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /ops/ping (the benchmark's no-op floor) answers the envelope and shrugs off junk input. */
class PingEndpointTest {
    private static Http http;
    private static int port;

    @BeforeAll
    static void up() throws Exception {
        port = OpsStack.get().httpPort();
        http = new Http(port);
    }

    @Test
    void pingAnswersTheEnvelopeOverRest() throws Exception {
        Http.Reply r = http.get("/ops/ping");
        assertEquals(200, r.status(), r.raw());
        assertEquals(0, r.body().path("code").asInt(-1), r.raw());
        assertEquals("OK", r.body().path("message").asText(), r.raw());
        assertFalse(r.body().path("time").asText().isEmpty(), r.raw());
    }

    @Test
    void pingAnswersOverGrpc() {
        ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            PingResponse r = OpsServiceGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS)
                    .ping(PingRequest.getDefaultInstance());
            assertEquals(PingResponse.getDefaultInstance(), r, "the gRPC answer is the data, and ping has none");
        } finally {
            ch.shutdownNow();
        }
    }

    @Test
    void junkQueryParametersAreNeverAServerError() throws Exception {
        for (String q : new String[] {"?x=1", "?q=%27%3B%20drop%20table%20ci%3B--", "?" + "a=".repeat(500) + "b",
            "?x=%E0%A4"}) {
            Http.Reply r = http.get("/ops/ping" + q);
            assertTrue(r.status() == 200 || r.status() == 400, q + " → " + r.status() + " " + r.raw());
            assertEquals(r.status() == 200 ? 0 : 400, r.body().path("code").asInt(-1), r.raw());
            assertFalse(r.raw().contains("Exception") || r.raw().contains("at dev.opsuite"), r.raw());
        }
    }

    @Test
    void aBodyOrAnotherMethodIsRefusedWithTheEnvelope() throws Exception {
        Http.Reply post = http.post("/ops/ping", "{\"x\":");
        assertTrue(post.status() >= 400 && post.status() < 500, post.status() + " " + post.raw());
        assertFalse(post.raw().contains("Exception"), post.raw());
        Http.Reply big = http.postBytes("/ops/ping", "x".repeat(5 * 1024 * 1024).getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertTrue(big.status() >= 400 && big.status() < 500, big.status() + " " + big.raw());
    }

    @Test
    void everyAnswerOfOpsCarriesTheSecurityHeaders() throws Exception {
        java.net.http.HttpClient c = java.net.http.HttpClient.newHttpClient();
        for (String path : new String[] {"/ops/ping", "/ops/no-such-route", "/ops/traces/%27"}) {
            java.net.http.HttpResponse<String> r = c.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            java.net.http.HttpHeaders h = r.headers();
            assertEquals("nosniff", h.firstValue("x-content-type-options").orElse(""), path + " " + h.map());
            assertEquals("DENY", h.firstValue("x-frame-options").orElse(""), path);
            assertEquals("no-referrer", h.firstValue("referrer-policy").orElse(""), path);
            assertEquals("no-store", h.firstValue("cache-control").orElse(""), path + ": an answer may hold estate data");
            assertTrue(h.firstValue("content-security-policy").orElse("").contains("default-src 'none'"), path);
        }
    }
}

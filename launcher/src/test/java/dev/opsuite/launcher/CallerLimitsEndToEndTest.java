package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.gateway.GatewayApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * #13: per-caller limits. A gateway with 1 request per second per caller, over the shared stack's
 * services and keys: a burst from one caller gets 429 with Retry-After in the envelope, before
 * anything runs, while another caller is still answered.
 */
class CallerLimitsEndToEndTest {

    @Test
    void aBurstFromOneCallerIs429WithRetryAfterAndOtherCallersAreServed() throws Exception {
        AllInOne ops = OpsStack.get();
        Path data = TempData.create("ops-limits-");
        GatewayApp gateway = OpsStack.gatewayBeside(ops, data, Map.of("OPS_ADMIN_KEY_FILE", "",
                "OPS_RATE_PER_SECOND", "1", "OPS_CONCURRENT_PER_CALLER", "4"));
        try {
            HttpClient client = HttpClient.newHttpClient();
            int limited = 0;
            String retryAfter = null;
            String message = null;
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port()
                        + "/ops/ci/ask")).header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Http.ask("서버A의 CPU 사용량은?"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 429) {
                    limited++;
                    retryAfter = r.headers().firstValue("retry-after").orElse(null);
                    message = r.body();
                } else {
                    assertEquals(200, r.statusCode(), r.body());
                }
            }
            assertTrue(limited >= 2, "4 asks in well under 2 s at 1 per second: " + limited + " refused");
            assertEquals("1", retryAfter);
            assertTrue(message.contains("\"code\":429") && message.contains("rate limited"), message);
            // another caller has its own allowance
            Http.Reply other = new Http(ops, gateway.port()).post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"),
                    "operator");
            assertEquals(200, other.status(), other.raw());
        } finally {
            gateway.close();
            TempData.delete(data);
        }
    }
}

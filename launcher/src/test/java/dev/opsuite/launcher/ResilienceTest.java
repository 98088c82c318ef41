package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A stopped executor-service gives 503 envelopes within the deadline, and the product recovers. */
class ResilienceTest {

    @Test
    void stoppedExecutorMeans503ThenRecovery() throws Exception {
        AllInOne ops = OpsStack.get();
        Http http = new Http(ops);
        assertEquals(200, http.get("/ops/health").status());
        int port = ops.executorPort();
        ops.stopExecutor();
        try {
            long t0 = System.nanoTime();
            Http.Reply r = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(503, r.status(), r.raw());
            assertEquals(503, r.body().path("code").asInt());
            assertTrue(r.body().path("message").asText().contains("executor-service"), r.raw());
            assertFalse(r.body().path("data").path("trace_id").asText().isEmpty(), "failed request left a trace");
            assertTrue(ms < 10_000, "answered within the stage deadline, took " + ms + " ms");
            Http.Reply health = http.get("/ops/health");
            assertEquals(503, health.status(), health.raw());
            assertTrue(health.body().path("message").asText().contains("executor-service"), health.raw());
            // direct questions need no executor and keep working
            Http.Reply direct = http.post("/ops/ci/ask", Http.ask("너의 이름은?"));
            assertEquals(200, direct.status(), direct.raw());
            String failedTrace = r.body().path("data").path("trace_id").asText();
            Http.Reply stored = null;
            for (int i = 0; i < 50; i++) {
                stored = http.get("/ops/traces/" + failedTrace);
                if (stored.status() == 200) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals("error", stored.data().path("status").asText(), stored.raw());
            // known down (#14): the gateway's breaker for executor-service is open; asks fail at once, not after
            // the reconnect wait
            http.post("/ops/ci/ask", Http.ask("서버B의 CPU 사용량은?"));
            Http.Reply fast = http.post("/ops/ci/ask", Http.ask("서버C의 CPU 사용량은?"));
            assertEquals(503, fast.status(), fast.raw());
            assertTrue(fast.body().path("message").asText().contains("known down, failing fast"), fast.raw());
        } finally {
            ops.startExecutor(port);
        }
        // the background check closes the breaker once the restarted service answers
        long restarted = System.nanoTime();
        Http.Reply back = null;
        for (int i = 0; i < 100 && (back == null || back.status() != 200); i++) {
            back = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
            Thread.sleep(back.status() == 200 ? 0 : 100);
        }
        System.out.printf("recovery: executor-service answering through the gateway %d ms after its restart%n",
                (System.nanoTime() - restarted) / 1_000_000);
        assertEquals(200, back.status(), back.raw());
        assertTrue(back.data().path("answer").asText().contains("SVR001"));
    }
}

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
        } finally {
            ops.startExecutor(port);
        }
        Http.Reply back = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
        assertEquals(200, back.status(), back.raw());
        assertTrue(back.data().path("answer").asText().contains("SVR001"));
    }
}

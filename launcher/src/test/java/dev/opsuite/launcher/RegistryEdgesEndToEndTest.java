package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Registry edge cases over REST: unknown versions, concurrent publishes, overrides naming unknown assets. */
class RegistryEdgesEndToEndTest {
    private static final String ADMIN = "asset_admin";
    private static Http http;

    @BeforeAll
    static void up() throws Exception {
        http = new Http(OpsStack.get());
    }

    @Test
    void publishingAVersionOrNameThatDoesNotExistIs404() throws Exception {
        BadInputTest.assertEnvelope(http.post("/ops/assets/query/ci_queries/publish", "{\"version\":4242}", ADMIN),
                404, "has no version 4242");
        BadInputTest.assertEnvelope(http.post("/ops/assets/query/ghost_queries/publish", "{\"version\":1}", ADMIN),
                404, "ghost_queries");
        BadInputTest.assertEnvelope(http.post("/ops/assets/query/ci_queries/archive", "{\"version\":4242}", ADMIN),
                404, "");
        Http.Reply still = http.get("/ops/assets/query/ci_queries");
        assertEquals("published", still.data().path("status").asText(), still.raw());
    }

    @Test
    void twoConcurrentPublishesOfOneNameLeaveExactlyOnePublished() throws Exception {
        String content = "{\"content\":{\"name\":\"race_screen\",\"actions\":[{\"action_id\":\"noop\"}]}}";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 3; round++) {
                int a = http.post("/ops/assets/screen/race_screen", content, ADMIN).data().path("version").asInt();
                int b = http.post("/ops/assets/screen/race_screen", content, ADMIN).data().path("version").asInt();
                assertTrue(a > 0 && b > a, a + " / " + b);
                CountDownLatch go = new CountDownLatch(1);
                Future<Http.Reply> fa = pool.submit(() -> {
                    go.await();
                    return http.post("/ops/assets/screen/race_screen/publish", "{\"version\":" + a + "}", ADMIN);
                });
                Future<Http.Reply> fb = pool.submit(() -> {
                    go.await();
                    return http.post("/ops/assets/screen/race_screen/publish", "{\"version\":" + b + "}", ADMIN);
                });
                go.countDown();
                Http.Reply ra = fa.get();
                Http.Reply rb = fb.get();
                // both are answered sanely: published, or a clear conflict in the envelope
                for (Http.Reply r : new Http.Reply[] {ra, rb}) {
                    assertTrue(r.status() == 200 || r.status() == 409, r.raw());
                    assertEquals(r.status() == 200 ? 0 : 409, r.body().path("code").asInt(), r.raw());
                }
                JsonNode history = http.get("/ops/assets?asset_type=screen&name=race_screen").data().path("assets");
                int publishedCount = 0;
                for (JsonNode v : history) {
                    publishedCount += "published".equals(v.path("status").asText()) ? 1 : 0;
                }
                assertEquals(1, publishedCount, history.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void overridesOfUnknownAssetsAre400AndLeaveATrace() throws Exception {
        String[][] cases = {
            {"{\"query\":\"no_such_queries\"}", "no query 'no_such_queries' exists"},
            {"{\"query\":\"ci_queries@99\"}", "has no version 99"},
            {"{\"policy\":\"ghost_policy@1\"}", "ghost_policy"},
            {"{\"source\":\"ghost_source\"}", "no source 'ghost_source' exists"}
        };
        for (String[] c : cases) {
            Http.Reply r = http.post("/ops/ci/ask", "{\"question\":\"서버A의 CPU 사용량은?\",\"asset_overrides\":" + c[0] + "}",
                    "operator");
            BadInputTest.assertEnvelope(r, 400, c[1]);
            String traceId = r.data().path("trace_id").asText();
            assertTrue(!traceId.isEmpty(), "the failed request left a trace: " + r.raw());
            Http.Reply trace = awaitTrace(traceId);
            assertEquals(200, trace.status(), trace.raw());
            assertEquals("error", trace.data().path("status").asText(), trace.raw());
            assertTrue(trace.data().path("error_message").asText().contains(c[1]), trace.raw());
        }
        Http.Reply q = http.post("/ops/query", "{\"question\":\"서버A의 CPU 사용량은?\",\"assets\":{\"schema\":\"ghost_schema\"}}");
        BadInputTest.assertEnvelope(q, 400, "ghost_schema");
    }

    /** Traces are shipped off the answer path; a bounded number of looks. */
    private static Http.Reply awaitTrace(String id) throws Exception {
        Http.Reply r = http.get("/ops/traces/" + id);
        for (int i = 0; i < 50 && r.status() == 404; i++) {
            Thread.sleep(100);
            r = http.get("/ops/traces/" + id);
        }
        return r;
    }
}

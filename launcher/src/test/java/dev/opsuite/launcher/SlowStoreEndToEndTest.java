package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * #14: a slow store. The estate table is locked (ACCESS EXCLUSIVE, by the superuser) so every read
 * waits; through a draft of postgres_main whose statement limit is 1 s, the ask runs into it. The
 * answer says the store did not answer in time (an error envelope naming it — not "no CI matches"),
 * the breaker stays closed (a slow statement is not an outage), and once the lock is gone the same
 * question is answered.
 */
class SlowStoreEndToEndTest {

    @Test
    void aStatementTimeoutIsStatedAndDoesNotOpenTheBreaker() throws Exception {
        AllInOne ops = OpsStack.get();
        Http http = new Http(ops);
        ObjectNode content = (ObjectNode) http.get("/ops/assets/source/postgres_main").data().path("content").deepCopy();
        ((ObjectNode) content.path("limits")).put("max_duration_seconds", 1);
        ObjectNode save = ModelJson.MAPPER.createObjectNode();
        save.set("content", content);
        Http.Reply saved = http.post("/ops/assets/source/postgres_main", save.toString(), "asset_admin");
        assertEquals(200, saved.status(), saved.raw());
        String slow = "postgres_main@" + saved.data().path("version").asInt();
        ObjectNode ask = ModelJson.MAPPER.createObjectNode().put("question", "list all servers").put("mode", "real");
        ask.putObject("asset_overrides").put("source", slow);

        Http.Reply before = http.post("/ops/ci/ask", ask.toString(), "operator");
        assertEquals(200, before.status(), before.raw());
        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), ops.dbUser(), ops.dbPassword())) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("LOCK TABLE ci IN ACCESS EXCLUSIVE MODE");
                Http.Reply late = http.post("/ops/ci/ask", ask.toString(), "operator");
                assertEquals(503, late.status(), late.raw());
                String message = late.body().path("message").asText();
                assertTrue(message.contains("(postgres_main) did not answer in time"), message);
                assertFalse(message.contains("No CI matches"), message);
            } finally {
                c.rollback();
            }
        }
        Http.Reply health = http.get("/ops/health");
        assertFalse(health.raw().contains("\"breaker source:" + slow + "(draft)\",\"status\":\"OPEN\""),
                "a timeout is not an outage: " + health.raw());
        Http.Reply after = http.post("/ops/ci/ask", ask.toString(), "operator");
        assertEquals(200, after.status(), after.raw());
        assertEquals(before.data().path("answer").asText(), after.data().path("answer").asText());
    }
}

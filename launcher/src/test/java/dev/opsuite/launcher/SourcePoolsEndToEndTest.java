package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * Pools per Source version: publishing v2 of a source closes v1's pool (no session of v1 is left
 * in pg_stat_activity) and queries run through v2's pool; publishing v1 back closes v2's.
 */
class SourcePoolsEndToEndTest {
    private static final String ADMIN = "asset_admin";
    private static final String CI_ATTRIBUTES = "{\"query\":\"ci_attributes\",\"params\":{\"ci_code\":\"SVR001\"}}";

    private static int sessions(AllInOne ops, String applicationName) throws SQLException {
        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), ops.dbUser(), ops.dbPassword());
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            ps.setString(1, applicationName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A closed pool's backends exit right after their sockets close; look again a bounded number of times. */
    private static int sessionsSettled(AllInOne ops, String applicationName) throws Exception {
        int n = sessions(ops, applicationName);
        for (int i = 0; i < 50 && n > 0; i++) {
            Thread.sleep(100);
            n = sessions(ops, applicationName);
        }
        return n;
    }

    @Test
    void publishingANewSourceVersionClosesThePoolOfTheArchivedOne() throws Exception {
        AllInOne ops = OpsStack.get();
        Http http = new Http(ops);
        Http.Reply v1 = http.get("/ops/assets/source/postgres_main");
        int published = v1.data().path("version").asInt();
        String v1App = "ops-executor postgres_main@" + published;
        Http.Reply before = http.post("/ops/assets/query/ci_queries/preview", CI_ATTRIBUTES, ADMIN);
        assertEquals("postgres_main@" + published, before.data().path("source").asText(), before.raw());
        assertTrue(sessions(ops, v1App) >= 1, "v1's pool holds a session after a query");

        ObjectNode body = ModelJson.MAPPER.createObjectNode();
        body.set("content", v1.data().path("content").deepCopy());
        Http.Reply saved = http.post("/ops/assets/source/postgres_main", body.toString(), ADMIN);
        assertEquals(200, saved.status(), saved.raw());
        int v2 = saved.data().path("version").asInt();
        String v2App = "ops-executor postgres_main@" + v2;
        try {
            Http.Reply pub = http.post("/ops/assets/source/postgres_main/publish", "{\"version\":" + v2 + "}", ADMIN);
            assertEquals(200, pub.status(), pub.raw());
            assertEquals(published, pub.data().path("archived_version").asInt());
            assertEquals(0, sessionsSettled(ops, v1App), "the archived version's pool is closed");

            Http.Reply after = http.post("/ops/assets/query/ci_queries/preview", CI_ATTRIBUTES, ADMIN);
            assertEquals(200, after.status(), after.raw());
            assertEquals("postgres_main@" + v2, after.data().path("source").asText());
            assertEquals(1, after.data().path("row_count").asInt());
            Http.Reply ask = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
            assertEquals("orch", ask.data().path("meta").path("route").asText(), ask.raw());
            assertTrue(sessions(ops, v2App) >= 1, "queries run through v2's pool");
            assertEquals(0, sessions(ops, v1App));
        } finally {
            Http.Reply back = http.post("/ops/assets/source/postgres_main/publish", "{\"version\":" + published + "}",
                    ADMIN);
            assertEquals(200, back.status(), back.raw());
        }
        assertEquals(0, sessionsSettled(ops, v2App), "republishing v1 closes v2's pool");
        Http.Reply again = http.post("/ops/assets/query/ci_queries/preview", CI_ATTRIBUTES, ADMIN);
        assertEquals("postgres_main@" + published, again.data().path("source").asText(), again.raw());
    }
}

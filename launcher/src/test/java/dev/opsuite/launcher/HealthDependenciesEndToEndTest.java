package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The health check gives the status of what X depends on (#20): on the demo estate payment-db (DB003), which
 * payment-api (APP001) depends on, is in status error and has an hour-long outage one day before the data's end;
 * "is anything abnormal on payment-api?" over a range holding it must list its dependencies with their status,
 * unusual measures and critical events, and name payment-db among those that need a look, in both languages.
 */
class HealthDependenciesEndToEndTest {
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        http = new Http(OpsStack.get());
    }

    private static JsonNode table(JsonNode data) {
        for (JsonNode b : data.path("blocks")) {
            if ("ci_dependency_status".equals(b.path("data").path("query").asText())
                    && "table".equals(b.path("type").asText())) {
                return b.path("data");
            }
        }
        return null;
    }

    @Test
    void theHealthCheckNamesTheFailingDatabaseAmongTheDependencies() throws Exception {
        for (String q : List.of("Is anything abnormal on payment-api in the last 30 hours?",
                "payment-api 최근 30시간 상태가 좀 이상한데 한번 살펴봐줄래?")) {
            Http.Reply r = http.post("/ops/ci/ask", Http.ask(q));
            assertEquals(200, r.status(), r.raw());
            JsonNode t = table(r.data());
            assertTrue(t != null, q + ": the dependencies' table\n" + r.raw());
            List<String> columns = new ArrayList<>();
            t.path("columns").forEach(c -> columns.add(c.asText()));
            assertEquals(List.of("ci_code", "ci_name", "via", "status", "unusual", "critical_events"), columns);
            JsonNode db = null;
            for (JsonNode row : t.path("rows")) {
                if ("DB003".equals(row.get(0).asText())) {
                    db = row;
                }
                assertTrue(row.get(columns.indexOf("via")).asText().startsWith("APP001 → "), row.toString());
            }
            assertTrue(db != null, q + ": payment-db is a dependency\n" + t);
            assertEquals("error", db.get(columns.indexOf("status")).asText(), db.toString());
            assertTrue(!db.get(columns.indexOf("unusual")).asText().isEmpty(), "its outage is a window: " + db);
            StringBuilder all = new StringBuilder(); // the answer leads with X's own windows; this is a block after
            r.data().path("blocks").forEach(b -> all.append(b.path("content").asText()).append('\n'));
            String text = all.toString();
            assertTrue(text.contains("payment-db(DB003)"), q + ": named among those that need a look\n" + text);
            assertTrue(text.contains("need a look") || text.contains("살펴봐야 할 것"), text);
            assertTrue(!text.contains("{"), "no placeholder reaches the user: " + text);
            assertTrue(r.raw().contains("ci_health_anomalies") && r.raw().contains("events_list"),
                    q + ": still the health check of payment-api itself");
        }
    }
}

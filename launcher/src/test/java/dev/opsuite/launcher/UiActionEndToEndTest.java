package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** load_more_rows on a truncated table: the next page, a state patch and a child trace. */
class UiActionEndToEndTest {
    private static AllInOne ops;
    private static Http http;

    @BeforeAll
    static void up() throws Exception {
        ops = OpsStack.get();
        http = new Http(ops);
    }

    static List<String> vmCodes() throws Exception {
        List<String> codes = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), ops.dbUser(), ops.dbPassword());
             ResultSet rs = c.createStatement().executeQuery("SELECT ci_code FROM ci WHERE ci_type = 'vm' ORDER BY ci_code")) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    @Test
    void loadMoreRowsPagesThroughTheSamePlan() throws Exception {
        List<String> all = vmCodes();
        assertTrue(all.size() > 50, "demo has more VMs than one page");
        Http.Reply first = http.post("/ops/ci/ask", Http.ask("list all vms"));
        assertEquals(200, first.status(), first.raw());
        assertTrue(first.data().path("answer").asText().startsWith(all.size() + " CIs match"), first.raw());
        JsonNode action = null;
        for (JsonNode a : first.data().path("next_actions")) {
            if (a.path("action_id").asText().equals("load_more_rows")) {
                action = a;
            }
        }
        assertTrue(action != null, "a truncated table offers load_more_rows: " + first.data().path("next_actions"));
        assertEquals(50, action.path("inputs").path("offset").asInt());
        String parent = first.data().path("meta").path("trace_id").asText();

        Http.Reply page = http.post("/ops/ui-actions", "{\"trace_id\":\"" + parent + "\",\"action_id\":\"load_more_rows\","
                + "\"inputs\":{\"offset\":50,\"limit\":50},\"context\":{\"mode\":\"real\"}}");
        assertEquals(200, page.status(), page.raw());
        assertEquals(0, page.body().path("code").asInt());
        List<String> got = new ArrayList<>();
        page.data().path("blocks").get(0).path("data").path("rows").forEach(r -> got.add(r.get(0).asText()));
        assertEquals(all.subList(50, Math.min(100, all.size())), got);
        assertEquals(50 + got.size(), page.data().path("state_patch").path("table_offset").asInt());
        assertTrue(page.data().path("references").get(0).path("payload").asText().contains("OFFSET"));
        String child = page.data().path("trace_id").asText();
        Http.Reply childTrace = null;
        for (int i = 0; i < 50; i++) {
            childTrace = http.get("/ops/traces/" + child);
            if (childTrace.status() == 200) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(parent, childTrace.data().path("parent_trace_id").asText(), childTrace.raw());
        assertEquals("/ops/ui-actions", childTrace.data().path("endpoint").asText());
    }

    @Test
    void badUiActionsAreRefused() throws Exception {
        BadInputTest.assertEnvelope(http.post("/ops/ui-actions",
                "{\"trace_id\":\"00000000deadbeef\",\"action_id\":\"load_more_rows\"}"), 404, "");
        Http.Reply first = http.post("/ops/ci/ask", Http.ask("list all vms"));
        String parent = first.data().path("meta").path("trace_id").asText();
        BadInputTest.assertEnvelope(http.post("/ops/ui-actions", "{\"trace_id\":\"" + parent
                + "\",\"action_id\":\"format_disk\"}"), 400, "not run by the server");
        BadInputTest.assertEnvelope(http.post("/ops/ui-actions", "{\"trace_id\":\"" + parent
                + "\",\"action_id\":\"load_more_rows\",\"inputs\":{\"offset\":\"abc\"}}"), 400, "inputs.offset");
        BadInputTest.assertEnvelope(http.post("/ops/ui-actions", "{\"trace_id\":\"" + parent
                + "\",\"action_id\":\"load_more_rows\",\"inputs\":{\"limit\":100000}}"), 400, "inputs.limit");
        BadInputTest.assertEnvelope(http.post("/ops/ui-actions", "{\"action_id\":\"load_more_rows\"}"), 400, "trace_id");
        BadInputTest.assertEnvelope(http.post("/ops/ui-actions", "{\"trace_id\": [1]}"), 400, "");
    }
}

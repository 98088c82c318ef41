package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** RBAC: the caller's roles (x-ops-roles) against the Policy asset's rbac.roles. */
class RbacEndToEndTest {

    @Test
    void aGuestMayLookUpButNotList() throws Exception {
        Http http = new Http(OpsStack.get());
        Http.Reply lookup = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"), "guest");
        assertEquals("success", lookup.data().path("trace").path("status").asText(), lookup.raw());
        Http.Reply list = http.post("/ops/ci/ask", Http.ask("list all stopped vms"), "guest");
        assertEquals(200, list.status(), list.raw());
        JsonNode trace = list.data().path("trace");
        assertEquals("rejected", trace.path("status").asText(), list.raw());
        assertTrue(trace.path("route_output").path("plan_validated").path("decisions").toString()
                .contains("\"rule\":\"rbac\",\"decision\":\"deny\""), trace.path("route_output").toString());
        assertTrue(list.data().path("answer").asText().contains("rbac"), list.data().path("answer").asText());
        assertEquals(0, trace.path("tool_calls").size(), "nothing ran");
        Http.Reply operator = http.post("/ops/ci/ask", Http.ask("list all stopped vms"), "operator");
        assertEquals("success", operator.data().path("trace").path("status").asText(), operator.raw());
    }

    @Test
    void eventsCarryAMarkdownBlock() throws Exception {
        Http http = new Http(OpsStack.get());
        Http.Reply r = http.post("/ops/ci/ask", Http.ask("incidents of payment-db in the last 3 days"));
        JsonNode md = null;
        for (JsonNode b : r.data().path("blocks")) {
            if (b.path("type").asText().equals("markdown")) {
                md = b;
            }
        }
        assertTrue(md != null && md.path("content").asText().startsWith("**"), r.data().path("blocks").toString());
    }
}

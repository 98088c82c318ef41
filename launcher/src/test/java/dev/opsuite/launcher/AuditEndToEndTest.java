package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.proto.v1.AuditEvent;
import dev.opsuite.proto.v1.AuditServiceGrpc;
import dev.opsuite.proto.v1.SearchAuditEventsRequest;
import dev.opsuite.proto.v1.WriteAuditEventsRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** #13: asset writes, key changes, imports and every refused request leave an audit event admins can read. */
class AuditEndToEndTest {

    private static JsonNode await(Http http, String query, String mustContain) throws Exception {
        Http.Reply r = null;
        for (int i = 0; i < 100; i++) {
            r = http.get("/ops/audit?" + query, "admin");
            assertEquals(200, r.status(), r.raw());
            if (r.raw().contains(mustContain)) {
                return r.data().path("events");
            }
            Thread.sleep(100); // written off the request path, in batches
        }
        throw new AssertionError("no audit event with " + mustContain + " in " + r.raw());
    }

    @Test
    void writesRefusalsAndImportsAreRecordedWithWhoWhatAndOutcome() throws Exception {
        AllInOne ops = OpsStack.get();
        Http http = new Http(ops);
        String name = "audit_" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"content\":{\"name\":\"" + name + "\",\"type\":\"postgres\",\"connection\":{\"url_ref\":\"X\","
                + "\"password_ref\":\"SECRET_MARKER_42\"}}}";
        // refused: anonymous, forged roles, a bad key
        http.post("/ops/assets/source/" + name, body);
        http.send("POST", "/ops/assets/source/" + name, body, "x-ops-roles", "asset_admin");
        http.send("POST", "/ops/assets/source/" + name, body, "authorization", "Bearer nope");
        // done: an asset_admin's write, an estate_admin's (refused) import
        Http.Reply saved = http.post("/ops/assets/source/" + name, body, "asset_admin");
        assertEquals(200, saved.status(), saved.raw());
        http.postBytes("/ops/import/passwords?file_name=" + name + ".csv", "a\n".getBytes(StandardCharsets.UTF_8),
                "text/csv", "estate_admin");

        JsonNode events = await(http, "action=CreateAssetVersion&limit=50", "\"outcome\":\"ok\"");
        String all = events.toString();
        assertTrue(all.contains("\"outcome\":\"denied\"") && all.contains("\"principal\":\"anonymous\""), all);
        assertTrue(all.contains("\"outcome\":\"unauthenticated\""), all);
        JsonNode ok = null;
        for (JsonNode e : events) {
            if (e.path("outcome").asText().equals("ok") && e.path("target").asText().contains(name)) {
                ok = e;
            }
        }
        assertTrue(ok != null, all);
        assertTrue(ok.path("principal").asText().startsWith("key:"), ok.toString());
        assertTrue(ok.path("target").asText().contains("asset_type=source"), ok.toString());
        assertEquals("127.0.0.1", ok.path("remote").asText());
        assertFalse(all.contains("SECRET_MARKER_42"), "contents never reach the audit log");
        JsonNode imports = await(http, "action=Import", name + ".csv");
        assertTrue(imports.toString().contains("\"outcome\":\"invalid\""), imports.toString());
        // only admins read it; bad paging is a 400
        BadInputTest.assertEnvelope(http.get("/ops/audit", "operator"), 403, "admin");
        BadInputTest.assertEnvelope(http.get("/ops/audit?limit=100000", "admin"), 400, "limit");
        BadInputTest.assertEnvelope(http.get("/ops/audit?before_id=-1", "admin"), 400, "before_id");
        BadInputTest.assertEnvelope(http.get("/ops/audit?limit=abc", "admin"), 400, "");
        // a key creation is audited too, without its token
        Http.Reply key = http.post("/ops/keys", "{\"name\":\"audit-bot\",\"roles\":[\"viewer\"]}", "admin");
        String token = key.data().path("token").asText();
        JsonNode keys = await(http, "action=CreateApiKey", "audit-bot");
        assertFalse(keys.toString().contains(token.substring(17)), keys.toString());
    }

    @Test
    void theAuditStoreRefusesMalformedEvents() throws Exception {
        AllInOne ops = OpsStack.get();
        var ch = StageRpcBadInputTest.channel(ops.tracePort());
        try {
            var stub = AuditServiceGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS);
            StageRpcBadInputTest.assertInvalid(() -> stub.writeAuditEvents(WriteAuditEventsRequest.newBuilder()
                    .addEvents(AuditEvent.newBuilder().setAction("X").setOutcome("maybe")).build()), "outcome");
            StageRpcBadInputTest.assertInvalid(() -> stub.writeAuditEvents(WriteAuditEventsRequest.newBuilder()
                    .addEvents(AuditEvent.newBuilder().setOutcome("ok")).build()), "action");
            StageRpcBadInputTest.assertInvalid(() -> stub.writeAuditEvents(WriteAuditEventsRequest.newBuilder()
                    .addEvents(AuditEvent.newBuilder().setAction("X").setOutcome("ok").setAt("yesterday")).build()),
                    "RFC 3339");
            StageRpcBadInputTest.assertInvalid(() -> stub.writeAuditEvents(WriteAuditEventsRequest.newBuilder()
                    .addEvents(AuditEvent.newBuilder().setAction("X").setOutcome("ok").setTarget("x".repeat(5000)))
                    .build()), "at most");
            StageRpcBadInputTest.assertInvalid(() -> stub.searchAuditEvents(SearchAuditEventsRequest.newBuilder()
                    .setLimit(501).build()), "limit");
        } finally {
            ch.shutdownNow();
        }
    }
}

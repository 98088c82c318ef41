package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.CreateAssetVersionRequest;
import dev.opsuite.proto.v1.OpsServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * #13: who is calling. Every attack of the issue replayed: roles a caller writes, no key, a wrong or
 * revoked key, an anonymous caller reaching for writes, imports, keys and drafts.
 */
class AuthEndToEndTest {
    private static final String SOURCE_LEAK = "{\"content\":{\"name\":\"leak2\",\"type\":\"postgres\","
            + "\"connection\":{\"url_ref\":\"PATH\"}}}";

    private static Path adminKeyFile(AllInOne ops) {
        return ops.keysFile().getParent().resolve("admin.key");
    }

    @Test
    void theFirstStartWroteAnAdminKeyOnlyTheOwnerCanRead() throws Exception {
        AllInOne ops = OpsStack.get();
        Path file = adminKeyFile(ops);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ops.keysFile())));
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        Http http = new Http(ops);
        Http.Reply who = http.send("GET", "/ops/whoami", null, "authorization", "Bearer " + token);
        assertEquals(200, who.status(), who.raw());
        assertEquals("admin", who.data().path("name").asText());
        assertTrue(who.data().path("roles").toString().contains("estate_admin"), who.raw());
        assertFalse(Files.readString(ops.keysFile()).contains(token.substring(17)), "only a hash is stored");
    }

    @Test
    void rolesACallerWritesAreRefused() throws Exception {
        Http http = new Http(OpsStack.get());
        // the issue's first attack: a self-written asset_admin saving a Source that reads PATH
        Http.Reply r = http.send("POST", "/ops/assets/source/leak2", SOURCE_LEAK, "x-ops-roles", "asset_admin");
        BadInputTest.assertEnvelope(r, 403, "x-ops-roles is not accepted");
        Http.Reply ask = http.send("POST", "/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"), "x-ops-roles", "viewer");
        BadInputTest.assertEnvelope(ask, 403, "x-ops-roles");
    }

    @Test
    void anAnonymousLoopbackCallerMayAskButNothingMore() throws Exception {
        AllInOne ops = OpsStack.get();
        Http http = new Http(ops);
        Http.Reply ask = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
        assertEquals(200, ask.status(), ask.raw());
        Http.Reply who = http.get("/ops/whoami", "");
        assertEquals("anonymous", who.data().path("name").asText(), who.raw());
        assertEquals("[\"viewer\"]", who.data().path("roles").toString());
        BadInputTest.assertEnvelope(http.post("/ops/assets/source/leak2", SOURCE_LEAK), 403, "asset_admin");
        BadInputTest.assertEnvelope(http.postBytes("/ops/import/cis?file_name=cis.csv",
                "ci_code,ci_name,ci_type,status,environment,location,owner,aliases\n".getBytes(StandardCharsets.UTF_8),
                "text/csv"), 403, "estate_admin");
        BadInputTest.assertEnvelope(http.post("/ops/estate/demo/remove", "{}"), 403, "estate_admin");
        BadInputTest.assertEnvelope(http.get("/ops/keys", ""), 403, "admin");
        BadInputTest.assertEnvelope(http.post("/ops/keys", "{\"name\":\"me\",\"roles\":[\"admin\"]}"), 403, "admin");
        BadInputTest.assertEnvelope(http.get("/ops/assets/source/postgres_main", ""), 403, "operator");
        BadInputTest.assertEnvelope(http.post("/ops/assets/query/ci_queries/preview", "{\"query\":\"x\"}"), 403, "operator");
        BadInputTest.assertEnvelope(http.post("/ops/stage-test", "{\"stage\":\"route_plan\",\"question\":\"x\"}"), 403,
                "operator");
    }

    @Test
    void answeringFromADraftNeedsAnOperatorAndTheRefusalLeavesATrace() throws Exception {
        Http http = new Http(OpsStack.get());
        com.fasterxml.jackson.databind.node.ObjectNode save = dev.opsuite.kit.json.ModelJson.MAPPER.createObjectNode();
        com.fasterxml.jackson.databind.node.ObjectNode content = (com.fasterxml.jackson.databind.node.ObjectNode)
                http.get("/ops/assets/mapping/ci_mapping").data().path("content").deepCopy();
        save.set("content", content.put("name", "auth_mapping"));
        Http.Reply draft = http.post("/ops/assets/mapping/auth_mapping", save.toString(), "asset_admin");
        assertEquals(200, draft.status(), draft.raw());
        String ask = "{\"question\":\"서버A의 CPU 사용량은?\",\"asset_overrides\":{\"mapping\":\"auth_mapping@"
                + draft.data().path("version").asInt() + "\"}}";
        Http.Reply refused = http.post("/ops/ci/ask", ask);
        BadInputTest.assertEnvelope(refused, 403, "needs the role operator");
        assertFalse(refused.data().path("trace_id").asText().isEmpty(), refused.raw());
        assertEquals(200, http.post("/ops/ci/ask", ask, "operator").status());
        // a published version chosen by name@version is an ordinary answer
        assertEquals(200, http.post("/ops/ci/ask", "{\"question\":\"서버A의 CPU 사용량은?\","
                + "\"asset_overrides\":{\"mapping\":\"ci_mapping@1\"}}").status());
    }

    @Test
    void anImportNeedsAnEstateAdminNotAnAssetAdmin() throws Exception {
        Http http = new Http(OpsStack.get());
        byte[] header = "a,b\n".getBytes(StandardCharsets.UTF_8);
        BadInputTest.assertEnvelope(http.postBytes("/ops/import/passwords", header, "text/csv", "asset_admin"), 403,
                "estate_admin");
        // past the door, the route's own checks answer (an unknown kind): nothing was written
        BadInputTest.assertEnvelope(http.postBytes("/ops/import/passwords", header, "text/csv", "estate_admin"), 400,
                "file kind");
    }

    @Test
    void wrongAndRevokedKeysAre401AndKeysAreManagedByAdminsOnly() throws Exception {
        AllInOne ops = OpsStack.get();
        Http http = new Http(ops);
        String admin = "Bearer " + Files.readString(adminKeyFile(ops), StandardCharsets.UTF_8).strip();
        Http.Reply created = http.send("POST", "/ops/keys", "{\"name\":\"ci-bot\",\"roles\":[\"operator\"]}",
                "authorization", admin);
        assertEquals(200, created.status(), created.raw());
        String token = created.data().path("token").asText();
        String id = created.data().path("key").path("id").asText();
        Http.Reply listed = http.send("GET", "/ops/keys", null, "authorization", admin);
        assertTrue(listed.raw().contains(id), listed.raw());
        assertFalse(listed.raw().contains(token.substring(17)), "a listing never shows a token");
        assertFalse(listed.raw().contains("\"hash\""), listed.raw());
        Http.Reply asOperator = http.send("GET", "/ops/assets/source/postgres_main", null, "authorization",
                "Bearer " + token);
        assertEquals(200, asOperator.status(), asOperator.raw());
        BadInputTest.assertEnvelope(http.send("GET", "/ops/keys", null, "authorization", "Bearer " + token), 403, "admin");
        BadInputTest.assertEnvelope(http.send("POST", "/ops/keys", "{\"name\":\"x\",\"roles\":[\"admin\"]}",
                "authorization", "Bearer " + token), 403, "admin");
        Http.Reply revoked = http.send("POST", "/ops/keys/" + id + "/revoke", "{}", "authorization", admin);
        assertEquals(200, revoked.status(), revoked.raw());
        BadInputTest.assertEnvelope(http.send("GET", "/ops/assets/source/postgres_main", null, "authorization",
                "Bearer " + token), 401, "not valid");
        // a token that is not one, a guessed one, another scheme: 401, never anonymous
        for (String bad : new String[] {"Bearer nope", "Bearer ops_" + id + "_" + "A".repeat(43), "Basic YWRtaW46YWRtaW4=",
                "Bearer " + token + "x"}) {
            BadInputTest.assertEnvelope(http.send("POST", "/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"), "authorization",
                    bad), 401, "");
        }
        BadInputTest.assertEnvelope(http.send("POST", "/ops/keys", "{\"name\":\"\",\"roles\":[\"viewer\"]}",
                "authorization", admin), 400, "name");
        BadInputTest.assertEnvelope(http.send("POST", "/ops/keys", "{\"name\":\"x\",\"roles\":[\"root;drop\"]}",
                "authorization", admin), 400, "role");
        BadInputTest.assertEnvelope(http.send("POST", "/ops/keys/nosuchkey/revoke", "{}", "authorization", admin), 404, "");
    }

    @Test
    void grpcCallersAreAuthenticatedTheSameWay() throws Exception {
        AllInOne ops = OpsStack.get();
        ManagedChannel ch = NettyChannelBuilder.forAddress("127.0.0.1", ops.httpPort()).usePlaintext().build();
        try {
            OpsServiceGrpc.OpsServiceBlockingStub anonymous = OpsServiceGrpc.newBlockingStub(ch);
            assertEquals("orch", anonymous.ask(AskRequest.newBuilder().setQuestion("서버A의 CPU 사용량은?").build())
                    .getMeta().getRoute());
            CreateAssetVersionRequest write = CreateAssetVersionRequest.newBuilder().setAssetType("source")
                    .setName("leak3").build();
            assertCode(Status.Code.PERMISSION_DENIED, () -> anonymous.createAssetVersion(write));
            assertCode(Status.Code.UNAUTHENTICATED, () -> with(anonymous, "authorization", "Bearer nope")
                    .ask(AskRequest.newBuilder().setQuestion("x").build()));
            assertCode(Status.Code.PERMISSION_DENIED, () -> with(anonymous, "x-ops-roles", "asset_admin")
                    .createAssetVersion(write));
            // an asset_admin passes the door; the empty content is then refused as bad input
            assertCode(Status.Code.INVALID_ARGUMENT, () -> with(anonymous, "authorization",
                    "Bearer " + TestKeys.token(ops, "asset_admin")).createAssetVersion(write));
        } finally {
            ch.shutdownNow();
        }
    }

    @Test
    void aViewerSeesItsOwnTracesOnlyAndAnOperatorSeesAll() throws Exception {
        AllInOne ops = OpsStack.get();
        Http http = new Http(ops);
        String alice = "Bearer " + ops.apiKeys().create("alice", java.util.List.of("viewer")).token();
        String bob = "Bearer " + ops.apiKeys().create("bob", java.util.List.of("viewer")).token();
        Http.Reply asked = http.send("POST", "/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"), "authorization", alice);
        String id = asked.data().path("meta").path("trace_id").asText();
        assertFalse(id.isEmpty(), asked.raw());
        Http.Reply own = http.send("GET", "/ops/traces/" + id, null, "authorization", alice);
        assertEquals(200, own.status(), own.raw());
        assertTrue(own.data().path("caller").asText().startsWith("key:"), own.raw());
        BadInputTest.assertEnvelope(http.send("GET", "/ops/traces/" + id, null, "authorization", bob), 404, "no trace");
        BadInputTest.assertEnvelope(http.get("/ops/traces/" + id, ""), 404, "no trace");
        BadInputTest.assertEnvelope(http.send("POST", "/ops/ui-actions", "{\"trace_id\":\"" + id
                + "\",\"action_id\":\"load_more_rows\"}", "authorization", bob), 404, "no trace");
        assertEquals(200, http.get("/ops/traces/" + id, "operator").status());
        // listings: alice's trace is in hers, not in bob's; an operator's shows every caller's
        for (int i = 0; i < 50 && !http.send("GET", "/ops/traces?limit=200", null, "authorization", alice).raw()
                .contains(id); i++) {
            Thread.sleep(100); // traces are stored in batches, off the answer path
        }
        assertTrue(http.send("GET", "/ops/traces?limit=200", null, "authorization", alice).raw().contains(id));
        Http.Reply bobs = http.send("GET", "/ops/traces?limit=200", null, "authorization", bob);
        assertEquals(200, bobs.status(), bobs.raw());
        assertFalse(bobs.raw().contains(id), "bob lists only his own traces");
        assertTrue(http.get("/ops/traces?limit=200", "operator").raw().contains(id));
    }

    private static OpsServiceGrpc.OpsServiceBlockingStub with(OpsServiceGrpc.OpsServiceBlockingStub stub, String k,
                                                               String v) {
        Metadata md = new Metadata();
        md.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v);
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
    }

    private static void assertCode(Status.Code code, Executable call) {
        StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
    }
}

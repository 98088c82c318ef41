package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.gateway.GatewayApp;
import dev.opsuite.kit.json.ModelJson;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * #13: the Policy asset's rows of the access table (rbac.operations) narrow who may call an
 * operation and never widen it. A second gateway beside the shared stack reads its access rows from
 * a Policy asset of its own (OPS_ACCESS_POLICY), so the shared stack's default Policy stays as is.
 */
class PolicyAccessEndToEndTest {

    @Test
    void aPolicyNarrowsTheAccessTableButNeverWidensIt() throws Exception {
        AllInOne ops = OpsStack.get();
        Http shared = new Http(ops);
        // rbac.operations: only asset_admin may list asset versions; a try to open key minting to viewers
        ObjectNode content = (ObjectNode) shared.get("/ops/assets/policy/ci_policy").data().path("content").deepCopy();
        content.put("name", "access_narrowed");
        ObjectNode rows = ((ObjectNode) content.path("rbac")).putObject("operations");
        rows.putArray("ListAssetVersions").add("asset_admin");
        rows.putArray("CreateApiKey").add("viewer");
        // asking closed to viewers: the streamed ask follows Ask's row (#18)
        rows.putArray("Ask").add("operator");
        ObjectNode body = ModelJson.MAPPER.createObjectNode();
        body.set("content", content);
        Http.Reply saved = shared.post("/ops/assets/policy/access_narrowed", body.toString(), "asset_admin");
        assertEquals(200, saved.status(), saved.raw());
        Http.Reply published = shared.post("/ops/assets/policy/access_narrowed/publish",
                "{\"version\":" + saved.data().path("version").asInt() + "}", "asset_admin");
        assertEquals(200, published.status(), published.raw());

        // a row without roles is refused when the asset is saved, with its path
        ObjectNode empty = content.deepCopy();
        ((ObjectNode) empty.path("rbac")).putObject("operations").putArray("StageTest");
        ObjectNode emptyBody = ModelJson.MAPPER.createObjectNode();
        emptyBody.set("content", empty);
        BadInputTest.assertEnvelope(shared.post("/ops/assets/policy/access_narrowed", emptyBody.toString(), "asset_admin"),
                400, "rbac.operations.StageTest");

        Path data = TempData.create("ops-access-");
        try (GatewayApp gateway = OpsStack.gatewayBeside(ops, data, Map.of("OPS_ACCESS_POLICY", "access_narrowed",
                "OPS_ACCESS_REFRESH_MS", "100"))) {
            Http narrowed = new Http(ops, gateway.port());
            Http.Reply operator = null;
            for (int i = 0; i < 100; i++) {
                operator = narrowed.get("/ops/assets?asset_type=policy", "operator");
                if (operator.status() == 403) {
                    break;
                }
                Thread.sleep(100);
            }
            BadInputTest.assertEnvelope(operator, 403, "limited by the Policy asset");
            assertEquals(200, narrowed.get("/ops/assets?asset_type=policy", "asset_admin").status());
            assertEquals(200, narrowed.get("/ops/assets?asset_type=policy", "admin").status(), "admin is never narrowed");
            // the code's row (admin) still applies: the Policy cannot open key minting to a viewer
            BadInputTest.assertEnvelope(narrowed.post("/ops/keys", "{\"name\":\"mallory\",\"roles\":[\"admin\"]}",
                    "viewer"), 403, "admin");
            // operations the Policy does not list are as the code's table says
            assertEquals(200, narrowed.get("/ops/assets/policy/access_narrowed", "operator").status(),
                    "GetAssetVersion is not narrowed");
            assertTrue(narrowed.get("/ops/whoami", "viewer").status() == 200);
            BadInputTest.assertEnvelope(narrowed.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"), "viewer"), 403,
                    "limited by the Policy asset");
            BadInputTest.assertEnvelope(narrowed.post("/ops/ci/ask/stream", Http.ask("서버A의 CPU 사용량은?"), "viewer"),
                    403, "limited by the Policy asset");
            Http.Reply streamed = narrowed.post("/ops/ci/ask/stream", Http.ask("서버A의 CPU 사용량은?"), "operator");
            assertEquals(200, streamed.status(), streamed.raw());
            assertTrue(streamed.raw().startsWith("event:stage") && streamed.raw().contains("event:answer"), streamed.raw());
        } finally {
            TempData.delete(data);
        }
        // the shared gateway reads the default Policy, which narrows nothing
        assertEquals(200, shared.get("/ops/assets?asset_type=policy", "operator").status());
    }
}

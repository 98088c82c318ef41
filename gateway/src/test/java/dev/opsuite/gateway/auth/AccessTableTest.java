package dev.opsuite.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.proto.v1.OpsServiceGrpc;
import io.grpc.MethodDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every operation × every role: the decision the access table gives, against a matrix written out
 * here by hand (Y = allowed). A new RPC without a row fails the first test; a row that changes
 * fails the second.
 */
class AccessTableTest {
    private static final List<String> CALLERS = List.of("anonymous-none", "guest", "viewer", "operator",
            "reviewer", "asset_admin", "estate_admin", "admin");

    //                                          none guest view oper review asset estate admin
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("GetHealth",            "Y Y Y Y Y Y Y Y");
        EXPECTED.put("Ping",                 "Y Y Y Y Y Y Y Y");
        EXPECTED.put("Ask",                  "- Y Y Y Y Y Y Y");
        EXPECTED.put("AskStream",            "- Y Y Y Y Y Y Y");
        EXPECTED.put("Query",                "- Y Y Y Y Y Y Y");
        EXPECTED.put("RunUiAction",          "- Y Y Y Y Y Y Y");
        EXPECTED.put("GetTrace",             "- Y Y Y Y Y Y Y");
        EXPECTED.put("ListTraces",           "- Y Y Y Y Y Y Y");
        EXPECTED.put("WhoAmI",               "- Y Y Y Y Y Y Y");
        EXPECTED.put("Rca",                  "- Y Y Y Y Y Y Y");
        EXPECTED.put("GetStageCall",         "- - - Y Y Y Y Y");
        EXPECTED.put("ListAssetVersions",    "- - - Y Y Y Y Y");
        EXPECTED.put("GetAssetVersion",      "- - - Y Y Y Y Y");
        EXPECTED.put("DiffAssetVersions",    "- - - Y Y Y Y Y");
        EXPECTED.put("CheckSourceHealth",    "- - - Y Y Y Y Y");
        EXPECTED.put("PreviewQueryAsset",    "- - - Y Y Y Y Y");
        EXPECTED.put("StageTest",            "- - - Y Y Y Y Y");
        EXPECTED.put("ListGoldenQueries",    "- - - Y Y Y Y Y");
        EXPECTED.put("GetGoldenQuery",       "- - - Y Y Y Y Y");
        EXPECTED.put("ListRegressionRuns",   "- - - Y Y Y Y Y");
        EXPECTED.put("RunRegression",        "- - - Y Y Y Y Y");
        EXPECTED.put("RunRegressionSet",     "- - - Y Y Y Y Y");
        EXPECTED.put("CreateGoldenQuery",    "- - - - - Y - Y");
        EXPECTED.put("SetGoldenBaseline",    "- - - - - Y - Y");
        EXPECTED.put("DeleteGoldenQuery",    "- - - - - Y - Y");
        EXPECTED.put("ScanSourceSchema",     "- - - - - Y - Y");
        EXPECTED.put("CreateAssetVersion",   "- - - - - Y - Y");
        EXPECTED.put("PublishAssetVersion",  "- - - - - Y - Y");
        EXPECTED.put("ArchiveAssetVersion",  "- - - - - Y - Y");
        EXPECTED.put("ReviewAssetVersion",   "- - - - Y - - Y");
        EXPECTED.put("Import",               "- - - - - - Y Y");
        EXPECTED.put("RemoveDemoEstate",     "- - - - - - Y Y");
        EXPECTED.put("ApplyRetention",       "- - - - - - Y Y");
        EXPECTED.put("CreateApiKey",         "- - - - - - - Y");
        EXPECTED.put("ListApiKeys",          "- - - - - - - Y");
        EXPECTED.put("RevokeApiKey",         "- - - - - - - Y");
        EXPECTED.put("ListAudit",            "- - - - - - - Y");
    }

    private static Principal caller(String role) {
        return role.equals("anonymous-none") ? new Principal("nobody", "anonymous", List.of())
                : new Principal(role, "key", List.of(role));
    }

    @Test
    void everyRpcOfTheServiceHasARowAndEveryRowAnRpc() {
        TreeSet<String> rpcs = new TreeSet<>();
        for (MethodDescriptor<?, ?> m : OpsServiceGrpc.getServiceDescriptor().getMethods()
                .stream().map(x -> (MethodDescriptor<?, ?>) x).toList()) {
            rpcs.add(m.getBareMethodName());
            assertTrue(Access.required(m.getBareMethodName()).isPresent(), m.getFullMethodName() + " has no row");
        }
        rpcs.add("Import"); // the streaming import route is HTTP only
        assertEquals(rpcs, new TreeSet<>(EXPECTED.keySet()), "the expected matrix covers exactly the operations");
    }

    @Test
    void everyOperationTimesEveryRoleDecidesAsTheMatrixSays() {
        List<String> wrong = new ArrayList<>();
        EXPECTED.forEach((op, row) -> {
            String[] cells = row.split(" ");
            for (int i = 0; i < CALLERS.size(); i++) {
                boolean expected = cells[i].equals("Y");
                if (Access.allows(op, caller(CALLERS.get(i))) != expected) {
                    wrong.add(op + " × " + CALLERS.get(i) + ": expected " + (expected ? "allow" : "deny"));
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void anOperationWithoutARowIsRefusedToEveryone() {
        assertFalse(Access.allows("DropEverything", caller("admin")));
        assertFalse(Access.allows("DropEverything", null));
    }

    @Test
    void rolesImplyLesserOnesButAPolicyRoleImpliesNothing() {
        assertEquals(List.of("operator", "viewer"), new Principal("p", "key", List.of("operator")).roles());
        assertEquals(List.of("asset_admin", "operator", "viewer"), new Principal("p", "key", List.of("asset_admin")).roles());
        assertEquals(List.of("reviewer", "operator", "viewer"), new Principal("p", "key", List.of("reviewer")).roles());
        assertEquals(List.of("asset_admin", "operator", "viewer", "reviewer"),
                new Principal("p", "key", List.of("asset_admin", "reviewer")).roles());
        assertEquals(Principal.ROLES, new Principal("p", "key", List.of("admin")).roles());
        assertEquals(List.of("guest"), new Principal("p", "key", List.of("guest")).roles());
    }
}

package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * #24: a data scope by tag. An estate of its own (no demo) whose cis.csv carries a tags column; the
 * default Policy's example role pci_audit sees the CIs tagged pci (in any case, among other tags).
 * The same questions as a viewer and as viewer+pci_audit: lists, counts, metrics, IMPACT and the
 * name of an untagged CI.
 */
class TagScopeEndToEndTest {
    private static final String SCOPED = "viewer,pci_audit";
    private static final String OPEN = "viewer";
    /** Tagged pci: PAY-API (pci|tier1), PAY-DB (PCI), HOST-1 (pci). */
    private static final List<String> OUTSIDE = List.of("SHOP-WEB", "SHOP-DB", "HOST-2", "shop-web", "shop-db",
            "host-2");

    private static Path dataDir;
    private static AllInOne ops;
    private static Http http;

    @BeforeAll
    static void up() throws Exception {
        dataDir = TempData.create("ops-tags-");
        ops = OpsStack.start(dataDir, Map.of("OPS_DEMO", "false", "OPS_NOW", "2026-12-01T12:00:00Z"));
        http = new Http(ops);
        Path estate = Files.createDirectories(dataDir.resolve("estate"));
        Files.writeString(estate.resolve("cis.csv"), String.join("\n",
                "ci_code,ci_name,ci_type,status,environment,owner,tags",
                "PAY-API,pay-api,app,running,prod,payment-team,pci|tier1",
                "PAY-DB,pay-db,database,running,prod,dba-team,PCI",
                "HOST-1,host-1,server,running,prod,infra-team,pci",
                "SHOP-WEB,shop-web,app,running,prod,shop-team,tier1",
                "SHOP-DB,shop-db,database,running,prod,dba-team,",
                "HOST-2,host-2,server,running,prod,infra-team,") + "\n");
        Files.writeString(estate.resolve("relations.csv"), String.join("\n",
                "source_ci_code,relation_type,target_ci_code",
                "PAY-API,DEPENDS_ON,PAY-DB",
                "SHOP-WEB,DEPENDS_ON,PAY-API",
                "SHOP-WEB,DEPENDS_ON,SHOP-DB",
                "PAY-DB,RUNS_ON,HOST-1",
                "SHOP-DB,RUNS_ON,HOST-2") + "\n");
        StringBuilder metrics = new StringBuilder("ts,ci_code,metric_name,value\n");
        for (String code : List.of("PAY-API", "PAY-DB", "HOST-1", "SHOP-WEB", "SHOP-DB", "HOST-2")) {
            for (int h = 0; h < 6; h++) {
                metrics.append("2026-12-01T").append(String.format("%02d", 6 + h)).append(":00:00Z,").append(code)
                        .append(",cpu_usage,").append(20 + code.length() + h).append('\n');
            }
        }
        Files.writeString(estate.resolve("metrics.csv"), metrics.toString());
        Files.writeString(estate.resolve("events.csv"), String.join("\n",
                "ts,ci_code,event_type,severity,title",
                "2026-12-01T08:00:00Z,PAY-DB,alert,critical,pay-db connections saturated",
                "2026-12-01T09:00:00Z,SHOP-DB,alert,critical,shop-db disk almost full") + "\n");
        for (ImportClient.Result r : new ImportClient("127.0.0.1", ops.httpPort(), TestKeys.optional(ops, "estate_admin"))
                .importDirectory(estate)) {
            assertTrue(r.ok(), r.file() + ": " + r.body());
        }
    }

    @AfterAll
    static void down() {
        if (ops != null) {
            ops.close();
        }
        TempData.delete(dataDir);
    }

    private static Http.Reply ask(String question, String roles) throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask(question), roles);
        assertEquals(200, r.status(), question + ": " + r.raw());
        return r;
    }

    /** No CI outside the scope is named, but for a name the caller typed itself ("No CI matches 'shop-db'"). */
    private static void assertNothingOutside(Http.Reply r, String question) {
        for (String name : OUTSIDE) {
            assertFalse(!question.contains(name) && r.raw().contains(name), question + ": " + name + " is outside the pci scope: " + r.raw());
        }
    }

    @Test
    void theScopedCallerListsAndCountsOnlyTheTaggedCis() throws Exception {
        Http.Reply open = ask("list all servers", OPEN);
        assertTrue(open.raw().contains("host-1") && open.raw().contains("host-2"), open.raw());
        Http.Reply scoped = ask("list all servers", SCOPED);
        assertTrue(scoped.raw().contains("host-1"), scoped.raw());
        assertNothingOutside(scoped, "list all servers");
        for (String q : List.of("how many databases are there?", "top 5 cis by cpu usage", "critical alerts today")) {
            assertNothingOutside(ask(q, SCOPED), q);
        }
        assertTrue(ask("critical alerts today", SCOPED).raw().contains("pay-db connections saturated"));
    }

    @Test
    void anUntaggedCiIsNotFoundAndTheImpactCountsWhatIsOutside() throws Exception {
        Http.Reply open = ask("cpu usage of shop-db", OPEN);
        assertTrue(open.raw().contains("SHOP-DB"), open.raw());
        Http.Reply notFound = ask("cpu usage of shop-db", SCOPED);
        assertTrue(notFound.data().path("answer").asText().contains("No CI matches 'shop-db'"), notFound.raw());
        assertFalse(notFound.raw().contains("SHOP-DB"), notFound.raw());
        assertNothingOutside(notFound, "cpu usage of shop-db");
        Http.Reply impact = ask("what is impacted if pay-db fails?", SCOPED);
        assertTrue(impact.raw().contains("PAY-API"), impact.raw());
        assertNothingOutside(impact, "impact of pay-db");
        assertTrue(impact.raw().contains("outside your data scope"), "shop-web is counted, not named: " + impact.raw());
        assertTrue(ask("what is impacted if pay-db fails?", OPEN).raw().contains("SHOP-WEB"));
    }

    @Test
    void whoAmIShowsTheTagScope() throws Exception {
        JsonNode scope = http.get("/ops/whoami", SCOPED).data().path("data_scope");
        assertFalse(scope.path("all").asBoolean(), scope.toString());
        assertTrue(scope.toString().contains("\"field\":\"tag\"") && scope.toString().contains("pci"), scope.toString());
    }
}

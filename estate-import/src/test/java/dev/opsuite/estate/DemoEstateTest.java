package dev.opsuite.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.estate.demo.DemoEstate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The demo estate is deterministic, has the promised shape, and loads through the importer. */
class DemoEstateTest extends EstateTestSupport {
    private static final Instant END = Instant.parse("2026-11-24T09:03:00Z"); // truncated to 09:00
    private static final List<String> FILES = List.of(DemoEstate.CIS, DemoEstate.RELATIONS, DemoEstate.METRICS,
            DemoEstate.EVENTS);

    @Test
    void sameSeedGivesIdenticalFiles() throws Exception {
        DemoEstate.writeCsv(dir.resolve("a"), 42, END, 2);
        DemoEstate.writeCsv(dir.resolve("b"), 42, END, 2);
        DemoEstate.writeCsv(dir.resolve("c"), 43, END, 2);
        for (String f : FILES) {
            assertEquals(sha256(dir.resolve("a").resolve(f)), sha256(dir.resolve("b").resolve(f)), f);
        }
        assertNotEquals(sha256(dir.resolve("a").resolve(DemoEstate.METRICS)),
                sha256(dir.resolve("c").resolve(DemoEstate.METRICS)));
    }

    @Test
    void weekOfDemoLoadsIntoPostgresAndNeo4j() throws Exception {
        long t0 = System.nanoTime();
        DemoEstate.writeCsv(dir, 7, END, 7);
        long t1 = System.nanoTime();
        List<ImportReport> reports = DemoEstate.importInto(importer, dir);
        long t2 = System.nanoTime();
        ImportReport metrics = reports.get(2);
        System.out.printf("DEMO generate %d ms, import %d ms (%s); metrics %d rows in %d ms = %.0f rows/s; files %s%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                reports.stream().map(r -> r.fileKind() + "=" + r.durationMs() + "ms").toList(),
                metrics.rowsRead(), metrics.durationMs(), metrics.rowsRead() * 1000.0 / metrics.durationMs(),
                sizes());

        EstateStats s = importer.stats();
        assertTrue(s.cis() >= 300, s.toString());
        assertTrue(s.relations() >= 600, s.toString());
        assertTrue(s.events() >= 40, s.toString());
        assertTrue(s.metricRows() > 1_400_000 && s.metricRows() < 1_700_000, s.toString());
        assertEquals(s.cis(), s.graphNodes());
        assertEquals(s.relations(), s.graphEdges());
        assertTrue((t2 - t0) / 1_000_000_000.0 < 60, "generate + import must stay well under a minute");

        assertEquals(Map.of("app", 60L, "database", 30L, "load_balancer", 8L, "network", 12L, "server", 60L,
                "service", 20L, "storage", 10L, "vm", 110L), countBy("SELECT ci_type, count(*) FROM ci GROUP BY 1"));
        assertEquals(Map.of("dc1-seoul", 170L, "dc2-busan", 140L), countBy("SELECT location, count(*) FROM ci GROUP BY 1"));
        assertTrue(count("SELECT count(*) FROM ci WHERE status <> 'running'") >= 5);
        assertEquals("error", query("SELECT status FROM ci WHERE ci_code = 'DB003'").get(0).get(0));
        assertEquals(Map.of("CONNECTS_TO", 218L, "DEPENDS_ON", 148L, "HOSTS", 30L, "RUNS_ON", 250L),
                countBy("SELECT relation_type, count(*) FROM ci_relation GROUP BY 1"));
        assertPlantedStories();
        assertAliases();
        assertGraphShape();
    }

    private void assertPlantedStories() throws Exception {
        // CPU spike: SVR007 above 95 % for about two hours, two days before the end
        assertEquals(24, count("SELECT count(*) FROM ci_metric WHERE ci_code = 'SVR007' AND metric_name = 'cpu_usage'"
                + " AND value > 95 AND ts BETWEEN '2026-11-22 08:00+00' AND '2026-11-22 11:00+00'"));
        // memory leak: VM0012 climbs to ~97 % and drops at the restart 20 h before the end
        assertTrue(count("SELECT max(value)::bigint FROM ci_metric WHERE ci_code = 'VM0012' AND metric_name = 'mem_usage'"
                + " AND ts < '2026-11-23 13:00+00'") >= 96);
        assertTrue(count("SELECT max(value)::bigint FROM ci_metric WHERE ci_code = 'VM0012' AND metric_name = 'mem_usage'"
                + " AND ts >= '2026-11-23 13:00+00'") <= 40);
        assertTrue(count("SELECT min(value)::bigint FROM ci_metric WHERE ci_code = 'VM0012' AND metric_name = 'mem_usage'"
                + " AND ts BETWEEN '2026-11-20 13:00+00' AND '2026-11-20 14:00+00'") <= 42);
        // payment-db outage: dependent apps' error_rate jumps during one hour, one day before the end
        assertEquals(12, count("SELECT count(*) FROM ci_metric m JOIN ci ON ci.ci_code = m.ci_code"
                + " WHERE ci.ci_name = 'payment-api' AND metric_name = 'error_rate' AND value > 10"));
        assertEquals(List.of(List.of("incident", "critical")), query("SELECT event_type, severity FROM ci_event"
                + " WHERE ci_code = 'DB003' AND ts = '2026-11-23 09:00+00'"));
        assertEquals(1, count("SELECT count(*) FROM ci_event e JOIN ci ON ci.ci_code = e.ci_code WHERE"
                + " ci.ci_name = 'payment-api' AND event_type = 'deploy' AND ts BETWEEN '2026-11-23 08:30+00' AND '2026-11-23 09:00+00'"));
        assertEquals(1, count("SELECT count(*) FROM ci_event WHERE ci_code = 'SVR007' AND event_type = 'alert'"
                + " AND severity = 'critical'"));
        assertEquals(2, count("SELECT count(*) FROM ci_event WHERE ci_code = 'VM0012' AND event_type = 'alert'"));
        assertEquals(1, count("SELECT count(*) FROM ci_event WHERE ci_code = 'VM0012' AND event_type = 'change'"
                + " AND ts = '2026-11-23 13:00+00'"));
        assertTrue(count("SELECT count(*) FROM ci_event WHERE event_type = 'build' AND severity = 'major'"
                + " AND title LIKE 'build #% failed' AND detail LIKE '%failed%'") >= 3);
        assertTrue(count("SELECT count(*) FROM ci_event WHERE event_type = 'build' AND severity = 'info'") >= 10);
    }

    private void assertAliases() throws Exception {
        Map<String, String> expected = Map.of("서버A", "SVR001", "서버G", "SVR007", "server-z", "SVR026",
                "결제 서비스", "SVC001", "주문서비스", "SVC002", "결제DB", "DB003", "payment-db", "DB003",
                "db-01", "DB001", "srv-seoul-01", "SVR001");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertEquals(List.of(List.of(e.getValue())), query("SELECT ci_code FROM ci_alias WHERE alias_norm = ?",
                    AliasNorm.normalize(e.getKey())), e.getKey());
        }
    }

    private void assertGraphShape() {
        // layering: service → app → vm → server; every vm and database runs on a server
        assertEquals(20, graph("MATCH (s:CI {ci_type:'service'})-[:DEPENDS_ON]->(:CI {ci_type:'app'})"
                + "-[:RUNS_ON]->(:CI {ci_type:'vm'})-[:RUNS_ON]->(:CI {ci_type:'server'}) RETURN count(DISTINCT s)"));
        assertEquals(140, graph("MATCH (c:CI)-[:RUNS_ON]->(:CI {ci_type:'server'}) RETURN count(DISTINCT c)"));
        // app → app dependencies are acyclic
        assertEquals(0, graph("MATCH p = (a:CI {ci_type:'app'})-[:DEPENDS_ON*1..12]->(a) RETURN count(p)"));
        // what breaks if payment-db goes down: its apps and, through them, services
        assertTrue(graph("MATCH (c:CI)-[:DEPENDS_ON|RUNS_ON*1..4]->(:CI {ci_name:'payment-db'}) RETURN count(DISTINCT c)")
                >= 8);
        assertEquals(1, graph("MATCH (:CI {ci_type:'storage'})-[:HOSTS]->(:CI {ci_code:'DB003'}) RETURN count(*)"));
    }

    private Map<String, Long> countBy(String sql) throws Exception {
        Map<String, Long> m = new TreeMap<>();
        for (List<Object> row : query(sql)) {
            m.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        return m;
    }

    private Map<String, Long> sizes() throws IOException {
        Map<String, Long> m = new TreeMap<>();
        for (String f : FILES) {
            m.put(f, Files.size(dir.resolve(f)));
        }
        return m;
    }

    static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }
}

package dev.opsuite.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Happy imports of each kind into PostgreSQL and Neo4j, and idempotent re-imports. */
class EstateImportTest extends EstateTestSupport {

    @Test
    void importsEachKindIntoPostgresAndGraph() throws Exception {
        ImportReport cis = load("cis", CIS);
        assertEquals(new ImportReport("cis", "cis.csv", 4, 4, 4, cis.durationMs()), cis);
        ImportReport rel = load("relations", RELATIONS);
        assertEquals(3, rel.rowsUpserted());
        assertEquals(3, rel.graphRows());
        ImportReport metrics = load("metrics", METRICS);
        assertEquals(5, metrics.rowsUpserted());
        assertEquals(0, metrics.graphRows());
        assertEquals(3, load("events", EVENTS).rowsUpserted());

        assertEquals(new EstateStats(4, 3, 5, 3, 4, 3, 0), importer.stats());
        assertEquals(List.of(List.of("srv-seoul-01", "server", "running", "prod", "dc1-seoul", "infra-team",
                        "{\"ip_address\": \"10.10.1.1\"}")),
                query("SELECT ci_name, ci_type, status, environment, location, owner, attributes::text"
                        + " FROM ci WHERE ci_code = 'SVR001'"));
        // an empty extra cell is no attribute at all
        assertEquals(0, count("SELECT count(*) FROM ci WHERE ci_code = 'DB003' AND attributes ->> 'ip_address' IS NOT NULL"));
        // metric offsets are honoured and months get their own partitions
        assertEquals(1, count("SELECT count(*) FROM ci_metric WHERE ts = '2026-11-20 01:00:00+00'"));
        assertEquals(List.of(List.of("ci_metric_y2026m11"), List.of("ci_metric_y2026m12")),
                query("SELECT c.relname::text FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = 'ci_metric' ORDER BY 1"));
        assertEquals(150.0, ((Number) query("SELECT value FROM ci_metric WHERE ci_code = 'APP001'").get(0).get(0))
                .doubleValue());
        // typed edges in the graph, with CI properties on the nodes
        assertEquals(1, graph("MATCH (:CI {ci_code:'APP001'})-[:DEPENDS_ON]->(:CI {ci_code:'DB003', ci_name:'payment-db',"
                + " status:'error'}) RETURN count(*)"));
        assertEquals(1, graph("MATCH (:CI {ci_code:'DB003'})-[:RUNS_ON]->(:CI {ci_code:'SVR001'}) RETURN count(*)"));
    }

    @Test
    void aliasesResolveCodesNamesAndKoreanAliases() throws Exception {
        load("cis", CIS);
        for (String typed : List.of("서버A", "server-a", "SERVER-A", "svr001", "srv-seoul-01", "결제 DB", "결제db",
                "결제 서비스", "결제서비스", "payment-api")) {
            List<List<Object>> hits = query("SELECT ci_code FROM ci_alias WHERE alias_norm = ?",
                    AliasNorm.normalize(typed));
            assertEquals(1, hits.size(), typed);
        }
        assertEquals("SVC001", query("SELECT ci_code FROM ci_alias WHERE alias_norm = ?",
                AliasNorm.normalize("결제 서비스")).get(0).get(0));
        // "결제 서비스" and "결제서비스" share a norm: stored once, spelled as listed first
        assertEquals(List.of(List.of("결제 서비스")),
                query("SELECT alias FROM ci_alias WHERE ci_code = 'SVC001' AND alias_norm = '결제서비스'"));
        assertEquals(4 + 3 + 2 + 3, count("SELECT count(*) FROM ci_alias"));
    }

    @Test
    void reimportingTheSameFilesChangesNothing() throws Exception {
        loadSample();
        EstateStats before = importer.stats();
        List<List<Object>> ciRows = query("SELECT ci_code, updated_at FROM ci ORDER BY 1");
        List<List<Object>> eventIds = query("SELECT id, title FROM ci_event ORDER BY 1");

        assertEquals(0, load("cis", CIS).rowsUpserted());
        assertEquals(0, load("relations", RELATIONS).rowsUpserted());
        assertEquals(0, load("metrics", METRICS).rowsUpserted());
        assertEquals(0, load("events", EVENTS).rowsUpserted());

        assertEquals(before, importer.stats());
        assertEquals(ciRows, query("SELECT ci_code, updated_at FROM ci ORDER BY 1"));
        assertEquals(eventIds, query("SELECT id, title FROM ci_event ORDER BY 1"));
    }

    @Test
    void cisUpsertUpdatesFieldsAliasesAndGraph() throws Exception {
        load("cis", CIS);
        String changed = String.join("\n",
                "CI_CODE,Status,ci_type,ci_name,aliases,rack", // other order, other case, no optional columns
                "SVR001,Maintenance,SERVER,srv-seoul-01,서버A,R12") + "\n";
        ImportReport r = load("cis", changed);
        assertEquals(1, r.rowsUpserted());
        assertEquals(List.of(List.of("maintenance", "server", "{\"rack\": \"R12\"}")),
                query("SELECT status, ci_type, attributes::text FROM ci WHERE ci_code = 'SVR001'"));
        assertTrue(query("SELECT environment FROM ci WHERE ci_code = 'SVR001'").get(0).get(0) == null);
        // server-a was dropped from the file: it no longer resolves
        assertEquals(0, count("SELECT count(*) FROM ci_alias WHERE alias_norm = 'server-a'"));
        assertEquals(1, count("SELECT count(*) FROM ci_alias WHERE alias_norm = '서버a'"));
        assertEquals(1, graph("MATCH (c:CI {ci_code:'SVR001', status:'maintenance'}) WHERE c.environment IS NULL"
                + " RETURN count(c)"));
        assertEquals(4, importer.stats().cis());
    }

    @Test
    void tagsAreKeptLowerCasedAndDeduplicatedForDataScopes() throws Exception {
        load("cis", CIS);
        String tagged = String.join("\n", "ci_code,ci_name,ci_type,status,tags,rack",
                "SVR001,srv-seoul-01,server,running,PCI | Tier1||pci,R12",
                "DB003,payment-db,database,error,,") + "\n";
        assertEquals(2, load("cis", tagged).rowsUpserted());
        assertEquals(List.of(List.of("pci|tier1", "R12")),
                query("SELECT attributes ->> 'tags', attributes ->> 'rack' FROM ci WHERE ci_code = 'SVR001'"));
        assertEquals(0, count("SELECT count(*) FROM ci WHERE ci_code = 'DB003' AND attributes ->> 'tags' IS NOT NULL"),
                "an empty cell is no tags");
        String tooLong = "ci_code,ci_name,ci_type,status,tags\nSVR001,srv-seoul-01,server,running,pci|" + "t".repeat(65) + "\n";
        EstateImportException e = org.junit.jupiter.api.Assertions.assertThrows(EstateImportException.class,
                () -> load("cis", tooLong));
        assertEquals("tags", e.columnName(), e.getMessage());
        assertTrue(e.getMessage().contains("tag longer than 64"), e.getMessage());
        assertEquals(List.of(List.of("pci|tier1")), query("SELECT attributes ->> 'tags' FROM ci WHERE ci_code = 'SVR001'"),
                "a rejected file changes nothing");
    }

    @Test
    void eventsUpdateSeverityAndDetailInPlace() throws Exception {
        loadSample();
        long id = count("SELECT id FROM ci_event WHERE title = 'payment-db outage'");
        String updated = String.join("\n", "ts,ci_code,event_type,severity,title,detail",
                "2026-11-23T00:00:00Z,DB003,incident,major,payment-db outage,root cause: pool size") + "\n";
        assertEquals(1, load("events", updated).rowsUpserted());
        assertEquals(List.of(List.of(id, "major", "root cause: pool size")),
                query("SELECT id, severity, detail FROM ci_event WHERE title = 'payment-db outage'"));
        assertEquals(3, importer.stats().events());
    }
}

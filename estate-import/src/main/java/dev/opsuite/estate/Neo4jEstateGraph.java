package dev.opsuite.estate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;

/** {@link EstateGraph} on Neo4j over Bolt; one write transaction per batch. */
final class Neo4jEstateGraph implements EstateGraph {
    private static final TransactionConfig WRITE_TX = TransactionConfig.builder()
            .withTimeout(Duration.ofMinutes(2)).build();
    private static final TransactionConfig READ_TX = TransactionConfig.builder()
            .withTimeout(Duration.ofSeconds(30)).build();

    private static final String MERGE_CIS = """
            UNWIND $rows AS r
            MERGE (c:CI {ci_code: r.ci_code})
            SET c.ci_name = r.ci_name, c.ci_type = r.ci_type, c.status = r.status,
                c.environment = r.environment, c.location = r.location, c.owner = r.owner""";

    private final Driver driver;

    Neo4jEstateGraph(Driver driver) {
        this.driver = driver;
    }

    @Override
    public void ensureSchema() {
        try (Session s = session(AccessMode.WRITE)) {
            s.run("CREATE CONSTRAINT ci_code_unique IF NOT EXISTS FOR (c:CI) REQUIRE c.ci_code IS UNIQUE", WRITE_TX)
                    .consume();
        }
    }

    @Override
    public void mergeCis(List<Map<String, Object>> rows) {
        write(MERGE_CIS, rows);
    }

    @Override
    public void mergeRelations(String type, List<Map<String, Object>> rows) {
        if (!Vocabulary.RELATION_TYPES.contains(type)) {
            // Relationship types cannot be parameters; only allowlisted ones may reach the query text.
            throw new IllegalArgumentException("not a relation type: " + type);
        }
        // MERGE (not MATCH) on the endpoints: an edge is never silently dropped because a node's
        // sync lagged; the node's properties arrive with the next cis import.
        write("UNWIND $rows AS r MERGE (s:CI {ci_code: r.source}) MERGE (t:CI {ci_code: r.target})"
                + " MERGE (s)-[:" + type + "]->(t)", rows);
    }

    @Override
    public long[] counts() {
        try (Session s = session(AccessMode.READ)) {
            return s.executeRead(tx -> new long[] {
                tx.run("MATCH (c:CI) RETURN count(c)").single().get(0).asLong(),
                tx.run("MATCH ()-[r]->() RETURN count(r)").single().get(0).asLong()
            }, READ_TX);
        }
    }

    @Override
    public void deleteCis(List<String> codes) {
        for (int i = 0; i < codes.size(); i += 1000) {
            List<String> batch = codes.subList(i, Math.min(codes.size(), i + 1000));
            try (Session s = session(AccessMode.WRITE)) {
                s.executeWrite(tx -> tx.run("UNWIND $codes AS code MATCH (c:CI {ci_code: code}) DETACH DELETE c",
                        Map.of("codes", batch)).consume(), WRITE_TX);
            }
        }
    }

    private void write(String cypher, List<Map<String, Object>> rows) {
        try (Session s = session(AccessMode.WRITE)) {
            s.executeWrite(tx -> tx.run(cypher, Map.of("rows", rows)).consume(), WRITE_TX);
        }
    }

    private Session session(AccessMode mode) {
        return driver.session(SessionConfig.builder().withDefaultAccessMode(mode).build());
    }
}

package dev.opsuite.executor.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.executor.domain.SqlPort;
import dev.opsuite.executor.source.SecretResolver;
import dev.opsuite.kit.config.Env;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.stores.EmbeddedNeo4jProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;

/** Contract of the Cypher adapter against a real Neo4j (its own JVM, started once for the class). */
class Neo4jGraphAdapterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static EmbeddedNeo4jProcess neo4j;
    private static Driver driver;
    private static Neo4jGraphAdapter adapter;

    @BeforeAll
    static void start() throws IOException {
        neo4j = EmbeddedNeo4jProcess.start(dataDir, 0);
        driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(EmbeddedNeo4jProcess.USER, neo4j.password()));
        try (Session s = driver.session()) {
            s.executeWriteWithoutResult(tx -> tx.run("""
                    CREATE (app:CI {ci_code: 'app-01', ci_name: 'payment-api', tags: ['web', 'pay'], cpu: 0.5, tier: 1})
                    CREATE (db:CI {ci_code: 'db-01', ci_name: 'payment-db', tags: ['db']})
                    CREATE (vm:CI {ci_code: 'vm-01', ci_name: 'host-a'})
                    CREATE (lb:CI {ci_code: 'lb-01', ci_name: 'edge-lb'})
                    CREATE (app)-[:DEPENDS_ON {weight: 3}]->(db)
                    CREATE (app)-[:RUNS_ON]->(vm)
                    CREATE (db)-[:RUNS_ON]->(vm)
                    CREATE (lb)-[:CONNECTS_TO]->(app)
                    """).consume());
        }
        adapter = new Neo4jGraphAdapter(new SecretResolver(Env.of(Map.of("OPS_SECRET_OPSTEST_NEO4J_URI", neo4j.boltUri(),
                "OPS_SECRET_OPSTEST_NEO4J_USER", EmbeddedNeo4jProcess.USER,
                "OPS_SECRET_OPSTEST_NEO4J_PASSWORD", neo4j.password()))));
    }

    @AfterAll
    static void stop() {
        if (adapter != null) {
            adapter.close();
        }
        if (driver != null) {
            driver.close();
        }
        if (neo4j != null) {
            neo4j.close();
        }
    }

    /** A Source asset shaped like assets/defaults/source/neo4j_graph.json. */
    private static AssetDoc source(String name, String uriRef) {
        ObjectNode content = JSON.createObjectNode();
        content.put("name", name);
        content.put("type", "neo4j");
        content.putObject("connection").put("uri_ref", uriRef).put("user_ref", "OPSTEST_NEO4J_USER")
                .put("password_ref", "OPSTEST_NEO4J_PASSWORD");
        content.putObject("permissions").put("read_only", true);
        ObjectNode limits = content.putObject("limits");
        limits.put("max_rows", 2000);
        limits.put("max_duration_seconds", 10);
        return new AssetDoc("source", name, 1, "published", content);
    }

    private static SqlPort.Tabular query(String cypher, Map<String, Object> params, int maxRows) {
        return adapter.query(source("neo4j_graph", "OPSTEST_NEO4J_URI"), cypher, params, maxRows, 10);
    }

    private static long count(String cypher) {
        try (Session s = driver.session()) {
            return s.executeRead(tx -> tx.run(cypher).single().get(0).asLong());
        }
    }

    @Test
    void readReturnsColumnsAndPlainRows() {
        SqlPort.Tabular t = query("""
                MATCH (a:CI {ci_code: 'app-01'})-[r:DEPENDS_ON]->(b:CI)
                RETURN a, r, b.ci_code AS target, {hops: 1, via: 'DEPENDS_ON'} AS info,
                       a.cpu AS cpu, a.tier AS tier, b.missing AS nothing, true AS flag""", Map.of(), 10);

        assertEquals(List.of("a", "r", "target", "info", "cpu", "tier", "nothing", "flag"), t.columns());
        assertEquals(1, t.rows().size());
        assertFalse(t.truncated());
        List<Object> row = t.rows().get(0);
        Map<?, ?> node = assertInstanceOf(Map.class, row.get(0), "a node is a map of its properties");
        assertEquals(Map.of("ci_code", "app-01", "ci_name", "payment-api", "tags", List.of("web", "pay"), "cpu", 0.5,
                "tier", 1L), node);
        assertInstanceOf(List.class, node.get("tags"), "a list property stays a list");
        assertEquals(Map.of("weight", 3L, "type", "DEPENDS_ON"), row.get(1));
        assertEquals("db-01", row.get(2));
        assertEquals(Map.of("hops", 1L, "via", "DEPENDS_ON"), row.get(3));
        assertEquals(0.5, row.get(4));
        assertEquals(1L, row.get(5));
        assertEquals(null, row.get(6));
        assertEquals(true, row.get(7));
    }

    @Test
    void cypherListsComeBackAsLists() {
        SqlPort.Tabular t = query("""
                MATCH (a:CI {ci_code: 'app-01'})-[:DEPENDS_ON]->(b:CI)
                RETURN [a.ci_code, b.ci_code] AS pair, collect(b.ci_code) AS targets""", Map.of(), 10);
        assertEquals(List.of("app-01", "db-01"), t.rows().get(0).get(0));
        assertEquals(List.of("db-01"), t.rows().get(0).get(1));
    }

    @Test
    void parametersBind() {
        SqlPort.Tabular single = query("MATCH (n:CI {ci_code: $ci_code})-[:RUNS_ON]->(h:CI) RETURN h.ci_code AS host",
                Map.of("ci_code", "db-01"), 10);
        assertEquals(List.of(List.of("vm-01")), single.rows());

        SqlPort.Tabular list = query("MATCH (n:CI) WHERE n.ci_code IN $codes RETURN n.ci_code AS code ORDER BY code"
                + " LIMIT $limit", Map.of("codes", List.of("lb-01", "app-01", "nope"), "limit", 10), 10);
        assertEquals(List.of(List.of("app-01"), List.of("lb-01")), list.rows());

        SqlPort.Tabular injection = query("MATCH (n:CI) WHERE n.ci_code = $ci_code RETURN n.ci_code AS code",
                Map.of("ci_code", "x' OR 1=1 //"), 10);
        assertEquals(List.of(), injection.rows());
    }

    @Test
    void writesAreRefusedAndNothingChanges() {
        long nodesBefore = count("MATCH (n) RETURN count(n)");
        long relsBefore = count("MATCH ()-[r]->() RETURN count(r)");
        List<String> writes = List.of(
                "CREATE (n:X) RETURN n",
                "MERGE (n:X {ci_code: 'x-01'}) RETURN n",
                "MATCH (n:CI {ci_code: 'app-01'}) SET n.status = 'down' RETURN n",
                "MATCH (a:CI {ci_code: 'app-01'}), (b:CI {ci_code: 'lb-01'}) CREATE (a)-[r:HOSTS]->(b) RETURN r",
                "MATCH (n:CI {ci_code: 'lb-01'}) DETACH DELETE n",
                "CREATE INDEX ci_probe_idx IF NOT EXISTS FOR (n:CI) ON (n.ci_name)");
        // a read runs first and its verdict is kept; a refusal is never kept, so the second try is checked again
        for (int round = 0; round < 2; round++) {
            assertEquals(List.of(List.of(nodesBefore)), query("MATCH (n) RETURN count(n)", Map.of(), 10).rows());
        }
        for (int round = 0; round < 2; round++) {
            for (String write : writes) {
                OpsException e = assertThrows(OpsException.class, () -> query(write, Map.of(), 10), write);
                assertEquals(ErrorCode.POLICY_DENIED, e.code(), write + " -> " + e.getMessage());
            }
        }

        assertEquals(0, count("MATCH (n:X) RETURN count(n)"));
        assertEquals(nodesBefore, count("MATCH (n) RETURN count(n)"));
        assertEquals(relsBefore, count("MATCH ()-[r]->() RETURN count(r)"));
        assertEquals(0, count("MATCH (n:CI) WHERE n.status IS NOT NULL RETURN count(n)"));
    }

    @Test
    void rowLimitTruncates() {
        SqlPort.Tabular cut = query("UNWIND range(1, 20) AS i RETURN i", Map.of(), 5);
        assertTrue(cut.truncated());
        assertEquals(List.of(List.of(1L), List.of(2L), List.of(3L), List.of(4L), List.of(5L)), cut.rows());

        SqlPort.Tabular exact = query("UNWIND range(1, 20) AS i RETURN i", Map.of(), 20);
        assertFalse(exact.truncated());
        assertEquals(20, exact.rows().size());
    }

    @Test
    void invalidCypherIsAnInvalidArgument() {
        OpsException e = assertThrows(OpsException.class, () -> query("MATCH (n:CI RETURN n", Map.of(), 10));

        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), e.getMessage());
    }

    @Test
    void unsetUriReferenceIsNamedInTheError() {
        OpsException e = assertThrows(OpsException.class, () -> adapter.query(
                source("neo4j_unset", "OPSTEST_NEO4J_URI_UNSET"), "RETURN 1", Map.of(), 10, 5));

        assertTrue(e.getMessage().contains("OPSTEST_NEO4J_URI_UNSET"), e.getMessage());
        assertFalse(e.getMessage().contains(neo4j.boltUri()), e.getMessage());
    }
}

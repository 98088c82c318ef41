package dev.opsuite.executor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsuite.model.asset.QueryAsset;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.stores.EmbeddedNeo4jProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * The default Query asset's graph walks answer the same with the variant chosen for a depth as with
 * the template's own statement (which walks up to the Policy's deepest 6 hops and keeps what lies
 * within the depth): every CI, its depth and the total, on a seeded random estate of every relation
 * type in a real Neo4j, from several CIs, at every depth 1–6; the predecessor a row names lies one
 * hop nearer (ties between equally short paths may name another one).
 */
class GraphWalkVariantsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TYPES = {"DEPENDS_ON", "RUNS_ON", "CONNECTS_TO", "HOSTS"};

    @TempDir
    static Path dataDir;

    private static EmbeddedNeo4jProcess neo4j;
    private static Driver driver;
    private static QueryAsset queries;

    @BeforeAll
    static void start() throws Exception {
        neo4j = EmbeddedNeo4jProcess.start(dataDir, 0);
        driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.basic(EmbeddedNeo4jProcess.USER, neo4j.password()));
        Random rnd = new Random(20261206L);
        List<Map<String, Object>> edges = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            int a = rnd.nextInt(50);
            int b = rnd.nextInt(50);
            if (a != b) {
                edges.add(Map.of("a", code(a), "b", code(b), "type", TYPES[rnd.nextInt(TYPES.length)]));
            }
        }
        List<Map<String, Object>> cis = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            cis.add(Map.of("code", code(i), "type", i % 3 == 0 ? "app" : i % 3 == 1 ? "database" : "server"));
        }
        try (Session s = driver.session()) {
            s.executeWriteWithoutResult(tx -> tx.run("UNWIND $cis AS c CREATE (:CI {ci_code: c.code, ci_name: c.code,"
                    + " ci_type: c.type, status: 'running'})", Map.of("cis", cis)).consume());
            for (String type : TYPES) { // relationship types cannot be parameters
                s.executeWriteWithoutResult(tx -> tx.run("UNWIND $edges AS e WITH e WHERE e.type = $type "
                        + "MATCH (a:CI {ci_code: e.a}), (b:CI {ci_code: e.b}) CREATE (a)-[:" + type + "]->(b)",
                        Map.of("edges", edges, "type", type)).consume());
            }
        }
        queries = QueryAsset.from(JSON.readTree(Files.readString(Path.of("..", "assets", "defaults", "query",
                "ci_queries.json"), StandardCharsets.UTF_8)));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.close();
        }
        if (neo4j != null) {
            neo4j.close();
        }
    }

    private static String code(int i) {
        return String.format("CI%03d", i);
    }

    @Test
    void aWalkBoundedByTheDepthAnswersAsTheFullWalk() {
        int compared = 0;
        for (String name : List.of("graph_impact", "graph_dependency")) {
            QueryTemplate t = queries.template(name).orElseThrow();
            assertEquals(5, t.variants().size(), name + ": a variant for each depth below the Policy's 6");
            for (String start : List.of("CI000", "CI007", "CI042")) {
                for (int depth = 1; depth <= 6; depth++) {
                    Map<String, Object> given = params(start, depth, true, List.of());
                    String chosen = Variants.statement(t, null, null, given);
                    assertEquals(depth < 6, !chosen.equals(t.statement()), name + " depth " + depth);
                    List<Record> full = run(t, t.statement(), given);
                    List<Record> bounded = run(t, chosen, given);
                    assertEquals(depths(full), depths(bounded), name + " from " + start + " at depth " + depth);
                    assertEquals(total(full), total(bounded));
                    Map<String, Integer> at = depths(bounded);
                    for (Record r : bounded) {
                        int d = r.get("depth").asInt();
                        String via = r.get("via").asString();
                        assertTrue(d == 1 ? via.equals(start) : Integer.valueOf(d - 1).equals(at.get(via)),
                                name + ": " + r.get("ci_code").asString() + " at depth " + d + " via " + via);
                    }
                    compared += full.size();
                }
            }
        }
        assertTrue(compared > 300, "the walks reached CIs to compare: " + compared);
    }

    @Test
    void theCountOfCisOutsideACallersScopeIsTheSameAtEveryDepth() {
        List<String> scope = new ArrayList<>();
        for (int i = 0; i < 50; i += 2) {
            scope.add(code(i));
        }
        Set<Long> seen = new java.util.HashSet<>();
        for (String name : List.of("graph_impact_outside", "graph_dependency_outside")) {
            QueryTemplate t = queries.template(name).orElseThrow();
            for (String start : List.of("CI000", "CI012", "CI042")) {
                for (int depth = 1; depth <= 6; depth++) {
                    Map<String, Object> given = params(start, depth, false, scope);
                    given.remove("graph_limit");
                    String chosen = Variants.statement(t, null, null, given);
                    long full = run(t, t.statement(), given).get(0).get("outside").asLong();
                    assertEquals(full, run(t, chosen, given).get(0).get("outside").asLong(),
                            name + " from " + start + " at depth " + depth);
                    seen.add(full);
                }
            }
        }
        assertTrue(seen.size() > 2, "counts that differ by depth were compared: " + seen);
    }

    private static List<Record> run(QueryTemplate t, String statement, Map<String, Object> given) {
        Map<String, Object> bound = TemplateParams.bind(t, statement, "cypher", given);
        try (Session s = driver.session()) {
            return s.run(statement, bound).list();
        }
    }

    private static Map<String, Integer> depths(List<Record> rows) {
        Map<String, Integer> m = new TreeMap<>();
        rows.forEach(r -> m.put(r.get("ci_code").asString(), r.get("depth").asInt()));
        return m;
    }

    private static long total(List<Record> rows) {
        return rows.isEmpty() ? 0 : rows.get(0).get("total").asLong();
    }

    private static Map<String, Object> params(String ciCode, int depth, boolean all, List<String> scope) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ci_code", ciCode);
        p.put("depth", depth);
        p.put("graph_limit", 1000);
        p.put("relation_types", List.of());
        p.put("ci_type_list", List.of());
        p.put("ci_type_not_list", List.of());
        p.put("scope_all", all);
        p.put("scope_ci_codes", scope);
        return new HashMap<>(p);
    }
}

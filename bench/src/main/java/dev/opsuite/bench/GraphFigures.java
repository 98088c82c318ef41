package dev.opsuite.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.opsuite.estate.EstateImporter;
import dev.opsuite.estate.EstateSchema;
import dev.opsuite.estate.ImportReport;
import dev.opsuite.executor.domain.TemplateParams;
import dev.opsuite.model.asset.QueryAsset;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.stores.EmbeddedNeo4jProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.ProfiledPlan;
import org.neo4j.driver.summary.ResultSummary;

/**
 * Neo4j's own time of the graph questions on the scale estate's graph: an embedded PostgreSQL and an
 * embedded Neo4j of their own (no product), cis.csv and relations.csv imported with the operator's
 * importer (so the graph has the product's labels, properties and constraint), then each graph
 * template of the shipped Query asset at each depth — its own statement (the impact and dependency walks:
 * up to the Policy's 6 hops) and the variant the executor chooses for that depth — bound as the executor
 * binds it: warm-up runs, then timed runs (Neo4j's resultAvailableAfter + resultConsumedAfter, and the
 * wall time over loopback Bolt), and one PROFILE each (database hits and rows of the whole plan).
 *
 * <pre>java -cp … dev.opsuite.bench.GraphFigures [divide-by (1 = full 100k CIs / 500k edges)] [runs] [max depth]</pre>
 */
public final class GraphFigures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARM_UP = 5;

    private GraphFigures() {}

    public static void main(String[] args) throws Exception {
        int divide = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int maxDepth = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        // candidates: {"template": {"label": "statement, {DEPTH} replaced by the depth asked"}}
        com.fasterxml.jackson.databind.JsonNode candidates = args.length > 3
                ? JSON.readTree(Files.readString(Path.of(args[3]))) : JSON.createObjectNode();
        PrintStream out = System.out;
        Path dir = Files.createTempDirectory("graph-figures-");
        ScaleEstate.Scale scale = divide == 1 ? ScaleEstate.Scale.FULL : ScaleEstate.Scale.FULL.divide(divide);
        long t0 = System.nanoTime();
        ScaleEstate.Picks picks = new ScaleEstate(scale, 20261125L).writeCsv(dir, Instant.now());
        out.printf("scale estate %s written in %d s%n", scale, secondsSince(t0));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             HikariDataSource ds = pool(pg.getJdbcUrl("postgres", "postgres"));
             EmbeddedNeo4jProcess neo4j = EmbeddedNeo4jProcess.start(dir.resolve("neo4j"), 0);
             Driver driver = GraphDatabase.driver(neo4j.boltUri(),
                     AuthTokens.basic(EmbeddedNeo4jProcess.USER, neo4j.password()))) {
            EstateSchema.migrate(ds);
            EstateImporter importer = new EstateImporter(ds, driver);
            importer.ensureGraphSchema();
            for (String kind : List.of("cis", "relations")) {
                ImportReport r = importer.importFile(kind, kind + ".csv", dir.resolve(kind + ".csv"));
                out.printf("%s.csv: %d rows in %.1f s%n", kind, r.rowsRead(), r.durationMs() / 1000.0);
            }
            QueryAsset asset = QueryAsset.from(JSON.readTree(Files.readString(
                    Path.of("assets", "defaults", "query", "ci_queries.json"), StandardCharsets.UTF_8)));
            try (Session s = driver.session()) {
                String impactCi = s.run("MATCH (c:CI {ci_name: $n}) RETURN c.ci_code AS code",
                        Map.of("n", picks.impactCiName())).single().get("code").asString();
                out.printf("%nCI asked about: %s (%s); %d timed runs after %d warm-up runs; Neo4j ms (available + consumed)"
                        + " median / p90, wall ms median%n", picks.impactCiName(), impactCi, runs, WARM_UP);
                out.println("| template | depth | statement | Neo4j median ms | Neo4j p90 ms | wall median ms | db hits | rows | total |");
                out.println("|---|---|---|---|---|---|---|---|---|");
                for (String name : List.of("graph_impact", "graph_dependency", "graph_hosted", "graph_host")) {
                    QueryTemplate t = asset.template(name).orElseThrow();
                    for (int depth = 1; depth <= maxDepth; depth++) {
                        List<String[]> statements = new ArrayList<>();
                        statements.add(new String[] {"own statement", t.statement()});
                        int asked = depth; // the variant the executor chooses: the first that reaches the depth
                        t.variants().stream().filter(v -> v.maxDepth() >= asked).findFirst()
                                .ifPresent(v -> statements.add(new String[] {"variant " + v.name(), v.statement()}));
                        int d = depth;
                        candidates.path(name).fields().forEachRemaining(c -> statements.add(
                                new String[] {c.getKey(), c.getValue().asText().replace("{DEPTH}", String.valueOf(d))}));
                        for (String[] st : statements) {
                            Map<String, Object> given = params(impactCi, depth);
                            given.keySet().retainAll(t.params().stream().map(QueryTemplate.Param::name).toList());
                            Map<String, Object> bound = TemplateParams.bind(t, st[1], "cypher", given);
                            out.println(row(s, name, depth, st, bound, runs));
                        }
                    }
                }
            }
        }
        out.printf("%ntotal %d s; data in %s (delete it when done)%n", secondsSince(t0), dir);
    }

    private static String row(Session s, String name, int depth, String[] statement, Map<String, Object> bound, int runs) {
        List<Double> server = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        long total = -1;
        int rows = 0;
        for (int i = 0; i < WARM_UP + runs; i++) {
            long start = System.nanoTime();
            Result r = s.run(statement[1], bound);
            List<Record> records = r.list();
            ResultSummary sum = r.consume();
            if (i >= WARM_UP) {
                wall.add((System.nanoTime() - start) / 1e6);
                server.add((double) (sum.resultAvailableAfter(java.util.concurrent.TimeUnit.MILLISECONDS)
                        + sum.resultConsumedAfter(java.util.concurrent.TimeUnit.MILLISECONDS)));
            }
            rows = records.size();
            total = records.isEmpty() || !records.get(0).containsKey("total") ? rows : records.get(0).get("total").asLong();
        }
        ResultSummary profile = s.run("PROFILE " + statement[1], bound).consume();
        Collections.sort(server);
        Collections.sort(wall);
        return String.format("| %s | %d | %s | %.1f | %.1f | %.1f | %,d | %d | %d |", name, depth, statement[0],
                server.get(server.size() / 2), server.get((int) Math.ceil(server.size() * 0.9) - 1),
                wall.get(wall.size() / 2), dbHits(profile.profile()), rows, total);
    }

    private static long dbHits(ProfiledPlan p) {
        long hits = p.dbHits();
        for (ProfiledPlan c : p.children()) {
            hits += dbHits(c);
        }
        return hits;
    }

    /** As the planner's default plan binds a graph question: no filters, the whole estate in scope. */
    private static Map<String, Object> params(String ciCode, int depth) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ci_code", ciCode);
        p.put("depth", depth);
        p.put("graph_limit", 200);
        p.put("relation_types", List.of());
        p.put("ci_type_list", List.of());
        p.put("ci_type_not_list", List.of());
        p.put("scope_all", true);
        p.put("scope_ci_codes", List.of());
        return p;
    }

    private static long secondsSince(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toSeconds();
    }

    private static HikariDataSource pool(String url) {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername("postgres");
        hc.setMaximumPoolSize(2);
        return new HikariDataSource(hc);
    }
}

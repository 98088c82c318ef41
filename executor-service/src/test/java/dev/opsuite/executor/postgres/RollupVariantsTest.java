package dev.opsuite.executor.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.opsuite.estate.EstateImporter;
import dev.opsuite.estate.EstateStores;
import dev.opsuite.estate.MetricRollups;
import dev.opsuite.executor.domain.SqlPort;
import dev.opsuite.executor.domain.TemplateParams;
import dev.opsuite.executor.grpc.EstateModule;
import dev.opsuite.executor.source.NamedSql;
import dev.opsuite.model.asset.QueryAsset;
import dev.opsuite.model.asset.QueryTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped Query asset's rollup variants give the answers of the templates' own statements, on
 * the real embedded PostgreSQL, for every aggregation they list: random ranges with both ends inside
 * buckets, ranges shorter than an hour, whole days, ranges across the November/December partition,
 * hours and days without samples, and while hours are pending after another writer's statement.
 */
class RollupVariantsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CIS = List.of("SVR001", "SVR002", "SVR003", "DB003", "APP001");
    private static final List<String> METRICS = List.of("cpu_usage", "mem_usage");
    private static final Instant START = Instant.parse("2026-11-26T03:17:00Z");
    private static final Instant END = Instant.parse("2026-12-04T21:00:00Z");
    private static final List<String> TEMPLATES = List.of("metric_agg", "metric_top", "metric_per_ci_agg",
            "metric_compare_agg", "metric_rank_among_agg");

    @TempDir
    static Path dir;
    private static HikariDataSource ds;
    private static QueryAsset asset;

    @BeforeAll
    static void estate() throws Exception {
        ds = EstateStores.emptyDatabase();
        EstateImporter importer = EstateModule.importer(ds, EstateStores.neo4j());
        StringBuilder cis = new StringBuilder("ci_code,ci_name,ci_type,status,environment,location,owner\n");
        for (String ci : CIS) {
            cis.append(ci).append(',').append(ci.toLowerCase()).append(ci.startsWith("SVR") ? ",server" : ",app")
                    .append(",running,prod,dc1-seoul,infra-team\n");
        }
        importer.importFile("cis", "cis.csv", write("cis.csv", cis.toString()));
        // irregular samples: steps of 1..14 minutes, a few silent stretches of hours (one over a whole
        // day for SVR003), one decimal so that ties happen
        Random r = new Random(20261206);
        StringBuilder m = new StringBuilder("ts,ci_code,metric_name,value\n");
        for (String ci : CIS) {
            for (String metric : METRICS) {
                for (Instant t = START.plusSeconds(r.nextInt(600)); t.isBefore(END); t = t.plusSeconds(60L * (1 + r.nextInt(14)))) {
                    if (r.nextInt(400) == 0) {
                        t = t.plusSeconds(3600L * (1 + r.nextInt(5)));
                    }
                    boolean silentDay = ci.equals("SVR003") && t.isAfter(Instant.parse("2026-11-29T22:00:00Z"))
                            && t.isBefore(Instant.parse("2026-12-01T02:00:00Z"));
                    if (!silentDay) {
                        m.append(t).append(',').append(ci).append(',').append(metric).append(',')
                                .append(Math.round(r.nextDouble() * 200) / 2.0).append('\n');
                    }
                }
            }
        }
        importer.importFile("metrics", "metrics.csv", write("metrics.csv", m.toString()));
        asset = QueryAsset.from(JSON.readTree(Files.readString(
                Path.of("..", "assets", "defaults", "query", "ci_queries.json"), StandardCharsets.UTF_8)));
    }

    @AfterAll
    static void close() {
        ds.close();
    }

    private static Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    /** Column names and types, then rows as the adapter reads them. */
    private static List<Object> run(QueryTemplate t, String statement, Map<String, Object> given) throws Exception {
        Map<String, Object> bound = TemplateParams.bind(t, statement, "sql", given);
        NamedSql sql = NamedSql.parse(statement);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.jdbcSql())) {
            int i = 1;
            for (String name : sql.paramNames()) {
                JdbcValues.bind(c, ps, i++, bound.get(name));
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> types = new ArrayList<>();
                for (int k = 1; k <= md.getColumnCount(); k++) {
                    types.add(md.getColumnLabel(k) + ":" + md.getColumnTypeName(k));
                }
                SqlPort.Tabular tab = JdbcValues.read(rs, 10_000);
                return List.of(types, tab.rows());
            }
        }
    }

    private static QueryTemplate.Variant rollup(QueryTemplate t) {
        return t.variants().stream().filter(v -> v.name().equals("rollup")).findFirst().orElseThrow();
    }

    private static Map<String, Object> params(String template, String agg, Instant from, Instant to, String ci,
                                              String metric) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("agg", agg);
        p.put("metric_name", metric);
        p.put("time_from", from.atOffset(ZoneOffset.ofHours(9)).toString());
        p.put("time_to", to.atOffset(ZoneOffset.ofHours(9)).toString());
        p.put("scope_all", true);
        p.put("scope_ci_codes", List.of());
        switch (template) {
            case "metric_agg" -> p.put("ci_code", ci);
            case "metric_compare_agg" -> p.put("ci_codes", List.of(ci, "SVR003", "APP001"));
            case "metric_rank_among_agg" -> {
                p.put("ci_codes", List.of("SVR003", ci, "DB003"));
                p.put("order", "desc");
                p.put("top_n", 2);
            }
            default -> { // metric_top, metric_per_ci_agg: every list filter empty
                for (String f : List.of("ci_type", "status", "environment", "location", "owner")) {
                    p.put(f + "_list", List.of());
                    p.put(f + "_not_list", List.of());
                }
                p.put("order", "desc");
                p.put("top_n", 10);
                p.put("limit", 50);
                p.put("threshold_op", "");
                p.put("threshold_value", 0.0);
                p.put("threshold_upper", 0.0);
                p.put("ci_codes", List.of());
            }
        }
        QueryTemplate t = asset.template(template).orElseThrow();
        p.keySet().removeIf(k -> !t.declares(k));
        return p;
    }

    /** Equal, numbers within 1e-9 relative: a sum of sums adds the same doubles in another order. */
    private static void assertSameAnswer(List<Object> raw, List<Object> rolled, String what) {
        assertEquals(raw.get(0), rolled.get(0), what + ": columns and types");
        List<?> a = (List<?>) raw.get(1);
        List<?> b = (List<?>) rolled.get(1);
        assertEquals(a.size(), b.size(), what + ": rows " + a + " vs " + b);
        for (int i = 0; i < a.size(); i++) {
            List<?> x = (List<?>) a.get(i);
            List<?> y = (List<?>) b.get(i);
            for (int k = 0; k < x.size(); k++) {
                if (x.get(k) instanceof Double d && y.get(k) instanceof Double e) {
                    assertTrue(Math.abs(d - e) <= 1e-9 * Math.max(1, Math.abs(d)), what + ": " + x + " vs " + y);
                } else {
                    assertEquals(x.get(k), y.get(k), what + ": " + x + " vs " + y);
                }
            }
        }
    }

    private static void assertVariantsAnswerAsRaw(Random r, int ranges, String label) throws Exception {
        long span = END.getEpochSecond() - START.getEpochSecond();
        for (int n = 0; n < ranges; n++) {
            Instant from = START.minusSeconds(7200).plusSeconds((long) (r.nextDouble() * span));
            long length = switch (n % 5) {
                case 0 -> 60 + r.nextInt(3000);                    // shorter than an hour
                case 1 -> 3600L * (2 + r.nextInt(30)) + r.nextInt(3600);
                case 2 -> 86_400L * (1 + r.nextInt(7)) + r.nextInt(86_400);
                case 3 -> 86_400L * 2;                             // whole days, from a whole hour
                default -> 3600L * 5 + r.nextInt(7200);
            };
            if (n % 5 == 3) {
                from = from.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
            }
            if (n % 7 == 0) { // across the month partition
                from = Instant.parse("2026-11-30T17:00:00Z").plusSeconds(r.nextInt(20_000));
            }
            Instant to = from.plusSeconds(length);
            String ci = CIS.get(r.nextInt(CIS.size()));
            String metric = METRICS.get(r.nextInt(METRICS.size()));
            for (String name : TEMPLATES) {
                QueryTemplate t = asset.template(name).orElseThrow();
                QueryTemplate.Variant v = rollup(t);
                for (String agg : v.aggs()) {
                    Map<String, Object> p = params(name, agg, from, to, ci, metric);
                    assertSameAnswer(run(t, t.statement(), p), run(t, v.statement(), p),
                            label + " " + name + " " + agg + " " + metric + " " + ci + " [" + from + ", " + to + ")");
                }
            }
        }
    }

    @Test
    void everyMergeableAggregationAnswersAsTheRawStatement() throws Exception {
        assertEquals(0, new MetricRollups(ds).pendingHours());
        assertVariantsAnswerAsRaw(new Random(1), 40, "rolled up");
    }

    @Test
    void whileHoursArePendingTheVariantReadsRawRowsAndAfterTheRefreshTheRollups() throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            // another writer: new samples in stored hours, one changed value, one deleted hour
            st.execute("INSERT INTO ci_metric VALUES ('2026-11-28T05:00:30Z', 'SVR001', 'cpu_usage', 250),"
                    + " ('2026-12-01T00:00:00Z', 'APP001', 'mem_usage', -3)");
            st.execute("UPDATE ci_metric SET value = value * 2 WHERE ci_code = 'DB003'"
                    + " AND ts >= '2026-11-30T10:00:00Z' AND ts < '2026-11-30T11:00:00Z'");
            st.execute("DELETE FROM ci_metric WHERE ts >= '2026-12-02T04:00:00Z' AND ts < '2026-12-02T05:00:00Z'");
        }
        MetricRollups rollups = new MetricRollups(ds);
        assertEquals(6, rollups.pendingHours(), "3 hours of cpu and of memory");
        assertVariantsAnswerAsRaw(new Random(2), 10, "pending");
        while (rollups.refreshPending(2) > 0) {
            // bounded batches
        }
        assertVariantsAnswerAsRaw(new Random(3), 10, "refreshed");
    }

    @Test
    void theVariantReadsTheRollupTables() throws Exception {
        QueryTemplate t = asset.template("metric_agg").orElseThrow();
        Map<String, Object> p = params("metric_agg", "max", Instant.parse("2026-11-27T05:30:00Z"),
                Instant.parse("2026-12-02T07:10:00Z"), "SVR002", "cpu_usage");
        List<Object> before = run(t, rollup(t).statement(), p);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false); // rolled back below: the other tests keep true rollups
            st.execute("UPDATE ci_metric_daily SET max_value = 1000 WHERE ci_code = 'SVR002'"
                    + " AND metric_name = 'cpu_usage' AND bucket = '2026-11-29T00:00:00Z'");
            st.execute("UPDATE ci_metric_hourly SET max_value = 2000 WHERE ci_code = 'SVR002'"
                    + " AND metric_name = 'cpu_usage' AND bucket = '2026-12-02T03:00:00Z'");
            // the same statements on this connection see the tampered rollups
            List<Object> tampered = new ArrayList<>();
            NamedSql sql = NamedSql.parse(rollup(t).statement());
            Map<String, Object> bound = TemplateParams.bind(t, rollup(t).statement(), "sql", p);
            try (PreparedStatement ps = c.prepareStatement(sql.jdbcSql())) {
                int i = 1;
                for (String name : sql.paramNames()) {
                    JdbcValues.bind(c, ps, i++, bound.get(name));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    tampered.addAll(JdbcValues.read(rs, 10).rows());
                }
            }
            c.rollback();
            c.setAutoCommit(true);
            assertEquals(2000.0, ((List<?>) tampered.get(0)).get(3), "the max came from the hourly rollup");
            assertNotEquals(before.get(1), tampered);
        }
    }
}

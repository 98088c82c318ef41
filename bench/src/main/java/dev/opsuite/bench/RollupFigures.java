package dev.opsuite.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.opsuite.estate.EstateImporter;
import dev.opsuite.estate.EstateSchema;
import dev.opsuite.estate.ImportReport;
import dev.opsuite.executor.domain.TemplateParams;
import dev.opsuite.executor.source.NamedSql;
import dev.opsuite.model.asset.QueryAsset;
import dev.opsuite.model.asset.QueryTemplate;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Database time of the metric questions before and after the rollups, on the scale estate's metrics:
 * an embedded PostgreSQL of its own (no product, no Neo4j), the CIs copied in, metrics.csv imported
 * with the operator's importer (which now rolls its hours up), then each probe's template statement
 * (before) and its rollup variant (after) with the same bound values: warm-up runs, then timed runs
 * (wall time of execute + fetch over loopback JDBC, as the executor runs them), and one
 * EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) each (per-node timing would cost more than the query).
 *
 * <p>{@code x10} instead of a divisor keeps the full estate's CIs and series and makes every series ten
 * times as long (100 M rows over ≈ 69 days): the 1 B-row path's figures — the import rate, the same
 * queries against a long history, and retention. {@code -Drollup.partitions=day} cuts ci_metric by day
 * (OPS_METRIC_PARTITIONS); {@code -Drollup.chunk-days=7} imports the metrics as one file per 7 days
 * ({@link MetricChunks}); {@code -Drollup.retention=30d} applies retention after the queries, times it
 * and asks the queries again.
 *
 * <pre>java -cp … dev.opsuite.bench.RollupFigures [divide-by (1 = full 10M rows) | xN] [runs] [auto|force_custom_plan]</pre>
 */
public final class RollupFigures {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WARM_UP = 3;

    private RollupFigures() {}

    record Probe(String label, String template, Map<String, Object> params) {}

    public static void main(String[] args) throws Exception {
        String size = args.length > 0 ? args[0] : "1";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        // "auto" (PostgreSQL's default) or "force_custom_plan", as the executor's sessions may set it
        String planCache = args.length > 2 ? args[2] : "auto";
        PrintStream out = System.out;
        Path dir = Files.createTempDirectory("rollup-figures-");
        ScaleEstate.Scale scale = size.startsWith("x")
                ? ScaleEstate.Scale.FULL.longerHistory(Integer.parseInt(size.substring(1)))
                : ScaleEstate.Scale.FULL.divide(Integer.parseInt(size));
        String partitions = System.getProperty("rollup.partitions", "month");
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        new ScaleEstate(scale, 20261125L).writeCsv(dir, now);
        out.printf("scale estate %s written in %d s (metrics.csv %,d bytes)%n", scale, secondsSince(t0),
                Files.size(dir.resolve("metrics.csv")));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             HikariDataSource ds = pool(pg.getJdbcUrl("postgres", "postgres"), planCache);
             Driver noGraph = GraphDatabase.driver("bolt://127.0.0.1:9")) { // metrics never reach the graph
            EstateSchema.migrate(ds);
            copyCis(ds, dir.resolve("cis.csv"));
            EstateImporter importer = new EstateImporter(ds, noGraph, partitions);
            int chunkDays = Integer.getInteger("rollup.chunk-days", 0);
            List<Path> files = chunkDays > 0 ? MetricChunks.cut(dir.resolve("metrics.csv"), chunkDays)
                    : List.of(dir.resolve("metrics.csv"));
            long rows = 0;
            long ms = 0;
            for (Path f : files) {
                ImportReport report = importer.importFile("metrics", f.getFileName().toString(), f);
                rows += report.rowsRead();
                ms += report.durationMs();
                out.printf("%s: %,d rows imported (rollups included) in %.1f s, %,.0f rows/s; %s partitions%n",
                        f.getFileName(), report.rowsRead(), report.durationMs() / 1000.0,
                        report.rowsRead() * 1000.0 / Math.max(1, report.durationMs()), partitions);
            }
            out.printf("in all: %,d rows in %d file(s), %.1f s, %,.0f rows/s%n", rows, files.size(), ms / 1000.0,
                    rows * 1000.0 / Math.max(1, ms));
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE");
                for (String t : List.of("ci_metric", "ci_metric_hourly", "ci_metric_daily")) {
                    try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + t)) {
                        rs.next();
                        out.printf("%s: %,d rows%n", t, rs.getLong(1));
                    }
                }
                out.println(storage(st));
            }
            if (Boolean.getBoolean("rollup.backfill")) {
                backfill(ds, out);
            }
            OffsetDateTime to = now.atOffset(ZoneOffset.ofHours(9));
            out.printf("%nplan_cache_mode %s; range end (now): %s; %d timed runs after %d warm-up runs; median / p90 ms%n", planCache, to, runs, WARM_UP);
            probes(ds, to, runs, scale.history() > 1, out);
            String keep = System.getProperty("rollup.retention", "");
            if (!keep.isEmpty()) {
                long r0 = System.nanoTime();
                EstateImporter.RetentionReport removed = importer.applyMetricRetention(keep, now);
                out.printf("%nretention %s: cutoff %s, %d partitions dropped, %,d rows and %,d rollup rows deleted in %.1f s%n",
                        keep, removed.cutoff(), removed.droppedPartitions().size(), removed.deletedMetricRows(),
                        removed.deletedRollupRows(), (System.nanoTime() - r0) / 1e9);
                try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                    out.println(storage(st));
                }
                out.println("after retention:");
                probes(ds, to, runs, scale.history() > 1, out);
            }
        }
        out.printf("%ntotal %d s; data in %s (delete it when done)%n", secondsSince(t0), dir);
    }

    /** Each probe's template statement (before) and its rollup variant (after), timed and explained. */
    private static void probes(HikariDataSource ds, OffsetDateTime to, int runs, boolean month, PrintStream out)
            throws Exception {
        QueryAsset asset = QueryAsset.from(JSON.readTree(Files.readString(
                Path.of("assets", "defaults", "query", "ci_queries.json"), StandardCharsets.UTF_8)));
        out.println("| probe | statement | median ms | p90 ms | EXPLAIN ANALYZE execution ms (planning) | buffers | rows |");
        out.println("|---|---|---|---|---|---|---|");
        List<Probe> probes = new ArrayList<>(List.of(
                new Probe("top-10 cpu over 24 h", "metric_top", top(to.minusHours(24), to)),
                new Probe("top-10 cpu over 7 days", "metric_top", top(to.minusDays(7), to)),
                new Probe("24 h avg cpu of SVR001", "metric_agg", agg(to.minusHours(24), to)),
                new Probe("7 days avg cpu of SVR001", "metric_agg", agg(to.minusDays(7), to))));
        if (month) { // a history longer than the 7 days of the default estate
            probes.add(new Probe("top-10 cpu over 30 days", "metric_top", top(to.minusDays(30), to)));
            probes.add(new Probe("30 days avg cpu of SVR001", "metric_agg", agg(to.minusDays(30), to)));
        }
        for (Probe p : probes) {
            QueryTemplate t = asset.template(p.template()).orElseThrow();
            String rollup = t.variants().stream().filter(v -> v.name().equals("rollup")).findFirst()
                    .orElseThrow().statement();
            for (String[] s : List.of(new String[] {"raw (before)", t.statement()}, new String[] {"rollup (after)", rollup})) {
                Map<String, Object> bound = TemplateParams.bind(t, s[1], "sql", p.params());
                List<Double> ms = new ArrayList<>();
                int rows = 0;
                for (int i = 0; i < WARM_UP + runs; i++) {
                    long start = System.nanoTime();
                    rows = run(ds, s[1], bound, "");
                    if (i >= WARM_UP) {
                        ms.add((System.nanoTime() - start) / 1e6);
                    }
                }
                Collections.sort(ms);
                String[] explain = explain(ds, s[1], bound);
                out.printf("| %s | %s | %.1f | %.1f | %s | %s | %d |%n", p.label(), s[0], ms.get(ms.size() / 2),
                        ms.get((int) Math.ceil(ms.size() * 0.9) - 1), explain[0], explain[1], rows);
            }
        }
    }

    /** ci_metric's partitions and the size of it and its rollups on disk, indexes included. */
    private static String storage(Statement st) throws Exception {
        try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM pg_inherits WHERE inhparent = 'ci_metric'::regclass),"
                + " (SELECT coalesce(sum(pg_total_relation_size(inhrelid)), 0) FROM pg_inherits"
                + "   WHERE inhparent = 'ci_metric'::regclass),"
                + " pg_total_relation_size('ci_metric_hourly') + pg_total_relation_size('ci_metric_daily')")) {
            rs.next();
            return String.format("ci_metric: %d partitions, %,d MB with indexes; rollups %,d MB", rs.getLong(1),
                    rs.getLong(2) >> 20, rs.getLong(3) >> 20);
        }
    }

    /**
     * The background job's cost: the rollups emptied and every (hour, metric) pair of the estate marked
     * pending, as V5 leaves a database that already held metrics; then refreshed in the job's batches.
     */
    private static void backfill(HikariDataSource ds, PrintStream out) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE ci_metric_hourly, ci_metric_daily");
            st.execute("INSERT INTO ci_metric_rollup_pending (bucket, metric_name) SELECT DISTINCT bucket, metric_name"
                    + " FROM (SELECT date_trunc('hour', ts, 'UTC') AS bucket, metric_name FROM ci_metric) x");
        }
        dev.opsuite.estate.MetricRollups rollups = new dev.opsuite.estate.MetricRollups(ds);
        long pairs = rollups.pendingHours();
        List<Double> ms = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int done = 1; done > 0; ) {
            long start = System.nanoTime();
            done = rollups.refreshPending(24);
            if (done > 0) {
                ms.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(ms);
        out.printf("backfill: %d (hour, metric) pairs in %d batches of 24, %.1f s; a batch median %.0f ms, max %.0f ms%n",
                pairs, ms.size(), (System.nanoTime() - t0) / 1e9, ms.get(ms.size() / 2), ms.get(ms.size() - 1));
    }

    private static long secondsSince(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0).toSeconds();
    }

    private static Map<String, Object> top(OffsetDateTime from, OffsetDateTime to) {
        Map<String, Object> p = range("avg", from, to);
        for (String f : List.of("ci_type", "status", "environment", "location", "owner")) {
            p.put(f + "_list", List.of());
            p.put(f + "_not_list", List.of());
        }
        p.put("order", "desc");
        p.put("top_n", 10);
        return p;
    }

    private static Map<String, Object> agg(OffsetDateTime from, OffsetDateTime to) {
        Map<String, Object> p = range("avg", from, to);
        p.put("ci_code", "SVR001");
        return p;
    }

    private static Map<String, Object> range(String agg, OffsetDateTime from, OffsetDateTime to) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("agg", agg);
        p.put("metric_name", "cpu_usage");
        p.put("time_from", from.toString());
        p.put("time_to", to.toString());
        p.put("scope_all", true);
        p.put("scope_ci_codes", List.of());
        return p;
    }

    private static HikariDataSource pool(String url, String planCache) {
        HikariConfig hc = new HikariConfig();
        hc.setConnectionInitSql("SET plan_cache_mode = " + (planCache.equals("auto") ? "auto" : "force_custom_plan")
                + (Integer.getInteger("rollup.parallel", -1) >= 0
                ? "; SET max_parallel_workers_per_gather = " + Integer.getInteger("rollup.parallel") : ""));
        hc.setJdbcUrl(url);
        hc.setUsername("postgres");
        hc.setMaximumPoolSize(2);
        return new HikariDataSource(hc);
    }

    /** The CIs straight into ci (no graph here): the columns the metric templates join on. */
    private static void copyCis(HikariDataSource ds, Path cis) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TEMP TABLE cis_csv (ci_code text, ci_name text, ci_type text, status text,"
                    + " environment text, location text, owner text, aliases text, tags text)");
            new org.postgresql.copy.CopyManager(c.unwrap(org.postgresql.core.BaseConnection.class))
                    .copyIn("COPY cis_csv FROM STDIN (FORMAT csv, HEADER true)", Files.newBufferedReader(cis));
            st.execute("INSERT INTO ci (ci_code, ci_name, ci_type, status, environment, location, owner)"
                    + " SELECT ci_code, ci_name, ci_type, status, environment, location, owner FROM cis_csv");
        }
    }

    private static void bind(Connection c, PreparedStatement ps, NamedSql sql, Map<String, Object> bound) throws Exception {
        int i = 1;
        for (String name : sql.paramNames()) {
            Object v = bound.get(name);
            if (v instanceof List<?> l) {
                ps.setArray(i++, c.createArrayOf("text", l.stream().map(String::valueOf).toArray()));
            } else if (v instanceof Long n) {
                ps.setLong(i++, n);
            } else {
                ps.setObject(i++, v);
            }
        }
    }

    private static int run(HikariDataSource ds, String statement, Map<String, Object> bound, String prefix) throws Exception {
        NamedSql sql = NamedSql.parse(statement);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(prefix + sql.jdbcSql())) {
            bind(c, ps, sql, bound);
            int rows = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }

    /** Execution and planning time and the top node's shared buffers of one EXPLAIN (ANALYZE, BUFFERS). */
    private static String[] explain(HikariDataSource ds, String statement, Map<String, Object> bound) throws Exception {
        NamedSql sql = NamedSql.parse(statement);
        String execution = "?";
        String buffers = "?";
        String planning = "?";
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement((Boolean.getBoolean("rollup.timing") ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) ") + sql.jdbcSql())) {
            bind(c, ps, sql, bound);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (Boolean.getBoolean("rollup.plans")) {
                        System.out.println(rs.getString(1));
                    }
                    String line = rs.getString(1).trim();
                    if (buffers.equals("?") && line.startsWith("Buffers:")) {
                        buffers = line.substring("Buffers:".length()).trim();
                    }
                    if (line.startsWith("Planning Time:")) {
                        planning = line.substring("Planning Time:".length()).replace(" ms", "").trim();
                    }
                    if (line.startsWith("Execution Time:")) {
                        execution = line.substring("Execution Time:".length()).replace(" ms", "").trim();
                    }
                }
            }
        }
        return new String[] {execution + " (planning " + planning + ")", buffers};
    }
}

package dev.opsuite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.launcher.ImportClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * `./ops bench [--quick]`: starts the all-in-one like `./ops up` on a fresh data directory, loads
 * the seeded scale estate through the operator's import path, restarts it, measures the floors,
 * the ask path, the tool queries, trace ingest, memory and start-up in one run, and writes
 * bench/results/&lt;UTC&gt;.json/.md and latest.json/.md.
 */
public final class BenchMain {
    /** The deterministic LOOKUP of the seed's kind of question. */
    static final String ASK_QUESTION = "서버A의 CPU 사용량은?";
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        Env env = Env.system();
        String productCp = env.get("OPS_BENCH_PRODUCT_CP").orElseThrow(
                () -> new IllegalStateException("OPS_BENCH_PRODUCT_CP is not set (run through ./ops bench)"));
        Path resultsDir = Path.of(env.get("OPS_BENCH_RESULTS", "bench/results"));
        long seed = Long.parseLong(env.get("OPS_BENCH_SEED", "20261125"));
        String javaOpts = env.get("OPS_JAVA_OPTS", ProductProcess.DEFAULT_JAVA_OPTS);
        boolean keep = "true".equals(env.get("OPS_BENCH_KEEP", "false"));
        BenchPlan plan = quick ? BenchPlan.QUICK : BenchPlan.FULL;
        Path work = Files.createTempDirectory("ops-bench-");
        long t0 = System.nanoTime();
        ObjectNode out = ModelJson.MAPPER.createObjectNode();
        int soakAt = List.of(args).indexOf("--soak");
        try {
            if (soakAt >= 0) {
                int minutes = args.length > soakAt + 1 ? Integer.parseInt(args[soakAt + 1]) : 10;
                new BenchMain.Run(BenchPlan.QUICK, seed, productCp, javaOpts, work, out).soak(Duration.ofMinutes(minutes));
            } else {
                new BenchMain.Run(plan, seed, productCp, javaOpts, work, out).all();
            }
        } finally {
            if (!keep) {
                deleteTree(work);
            } else {
                System.out.println("bench: kept " + work);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        ((ObjectNode) out.get("run")).put("wall_s", Math.round(wall * 10) / 10.0);
        Report.write(out, resultsDir);
    }

    /** One benchmark run: phases in order, each adding its figures to {@code out}. */
    private record Run(BenchPlan plan, long seed, String productCp, String javaOpts, Path work, ObjectNode out) {
        void all() throws Exception {
            Path data = work.resolve("data");
            Path log = work.resolve("product.log");
            out.set("run", runInfo());
            ObjectNode start = out.putObject("cold_start_ms");
            ObjectNode memory = out.putObject("memory_kb");
            ScaleEstate.Picks picks;
            try (ProductProcess first = ProductProcess.start(productCp, data, log, javaOpts, Map.of())) {
                start.put("fresh_data_dir", first.coldStartMs);
                say("cold start (fresh data dir, empty estate) %d ms", first.coldStartMs);
                picks = generateAndImport(first);
                memory.set("after_import", memory(first.memory()));
            }
            try (ProductProcess p = ProductProcess.start(productCp, data, log, javaOpts, Map.of())) {
                start.put("restart_with_scale_estate", p.coldStartMs);
                say("cold start (restart, scale estate loaded) %d ms", p.coldStartMs);
                memory.set("idle_after_restart", memory(p.memory()));
                measure(p, picks);
                memory.set("end_of_run", memory(p.memory()));
            }
            // the default calls the stage services in-process (one JVM); the same ask with TCP stage calls
            try (ProductProcess p = ProductProcess.start(productCp, data, log, javaOpts,
                    Map.of("OPS_STAGE_TRANSPORT", "tcp"));
                 RestProbe rest = new RestProbe(p.httpPort)) {
                new Measurements(plan, rest, out, p).askWithTcpStageCalls(ASK_QUESTION);
            }
            // the durable trace mode journals (and fsyncs) each trace before the answer: its cost per ask
            try (ProductProcess p = ProductProcess.start(productCp, data, log, javaOpts,
                    Map.of("OPS_TRACE_DURABLE", "fsync"));
                 RestProbe rest = new RestProbe(p.httpPort)) {
                new Measurements(plan, rest, out, p).askWithDurableTraces(ASK_QUESTION);
            }
            // 3× the sustainable ask rate, open loop: with load shedding (the default OPS_MAX_IN_FLIGHT) and without
            double sustainable = out.path("ask").path("runs").path(1).path("throughput_rps").asDouble(10);
            ObjectNode over = out.putObject("overload_3x");
            for (String limit : List.of("48", "100000")) {
                try (ProductProcess p = ProductProcess.start(productCp, data, log, javaOpts, Map.of("OPS_MAX_IN_FLIGHT", limit));
                     RestProbe rest = new RestProbe(p.httpPort)) {
                    ObjectNode r = Overload.run(rest, ASK_QUESTION, 3 * sustainable, plan.window().multipliedBy(3));
                    over.set("max_in_flight_" + limit, r);
                    say("3x load (%d/s offered), OPS_MAX_IN_FLIGHT=%s: %d answered (p50 %.1f p99 %.1f ms), %d refused "
                            + "(p99 %.1f ms), %d failed otherwise", r.path("offered_rps").asLong(), limit,
                            r.path("answered").asLong(), r.path("answered_p50_ms").asDouble(),
                            r.path("answered_p99_ms").asDouble(), r.path("refused").asLong(),
                            r.path("refused_p99_ms").asDouble(), r.path("failed_otherwise").asLong());
                }
            }
            ObjectNode loss = out.putObject("traces_after_kill9");
            for (String mode : List.of("off", "fsync")) {
                loss.set(mode, tracesAfterKill(data, log, mode));
            }
            Targets.evaluate(out);
        }

        /**
         * kill -9 of the all-in-one while asks at c=8 are in flight (once 30 of 90 were answered): how many of the answered
         * asks' traces are stored after the next start (OPS_TRACE_DURABLE off: the in-memory queue is lost;
         * fsync: the journal is replayed).
         */
        /** The soak: the quick scale estate, a mix of question kinds at 70 % of the maximum throughput. */
        void soak(Duration length) throws Exception {
            Path data = work.resolve("data");
            Path log = work.resolve("product.log");
            out.set("run", runInfo().put("mode", "soak"));
            ScaleEstate.Picks picks;
            try (ProductProcess first = ProductProcess.start(productCp, data, log, javaOpts, Map.of())) {
                picks = generateAndImport(first);
            }
            // soaked as the bench measures: restarted on the imported estate
            try (ProductProcess p = ProductProcess.start(productCp, data, log, javaOpts, Map.of())) {
                List<String> mix = List.of(ASK_QUESTION, "what is impacted if " + picks.impactCiName() + " fails?",
                        "path between " + picks.pathFromName() + " and " + picks.pathToName(),
                        "지난 24시간 서버A의 CPU 평균은?", "top 10 servers by cpu usage in the last 24 hours",
                        "critical alerts in the last 2 days", "list all servers", "cpu usage of no-such-ci");
                try (RestProbe rest = new RestProbe(p.httpPort)) {
                    double max = Soak.maxThroughput(rest, mix);
                    say("soak: maximum throughput of the mix %.1f/s; offering 70 %% for %d min", max, length.toMinutes());
                    ObjectNode s = Soak.run(rest, p.pid(), mix, 0.7 * max, length);
                    s.put("max_throughput_rps", Math.round(max * 10) / 10.0);
                    out.set("soak", s);
                    say("soak: %d asked, %d answered, %d errors; heap max/min %.3f, RSS max/min from the middle %.3f, "
                            + "threads %+d, sockets %+d (middle to end): %s", s.path("asked").asLong(),
                            s.path("answered").asLong(), s.path("errors").asLong(), s.path("heap_max_over_min").asDouble(),
                            s.path("rss_max_over_min_from_middle").asDouble(),
                            s.path("threads_growth_middle_to_end").asLong(), s.path("sockets_growth_middle_to_end").asLong(),
                            s.path("pass").asBoolean() ? "PASS" : "FAIL");
                }
            }
        }

        /** Asks of the kill -9 pass; the kill comes once a third of them were answered. */
        private static final int KILL_ASKS = 90;

        private ObjectNode tracesAfterKill(Path data, Path log, String mode) throws Exception {
            RestProbe.Sample sample = new RestProbe.Sample(1_000_000, 1);
            try (ProductProcess p = ProductProcess.start(productCp, data, log, javaOpts, Map.of("OPS_TRACE_DURABLE", mode));
                 RestProbe rest = new RestProbe(p.httpPort)) {
                Thread load = new Thread(() -> {
                    try { // at most KILL_ASKS asks: those sent after the kill fail at once and end the run
                        LoadDriver.run("ask until kill -9", 8, Duration.ZERO, Duration.ofSeconds(120), KILL_ASKS,
                                rest.ask(ASK_QUESTION, sample));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                load.start();
                // killed while asks are in flight, once a fixed number were answered (not after a time:
                // a cold product on a loaded machine may answer none in the first seconds)
                long until = System.nanoTime() + 90_000_000_000L;
                while (sample.traceIds.size() < KILL_ASKS / 3 && System.nanoTime() < until) {
                    Thread.sleep(20);
                }
                p.kill();
                load.join();
            }
            List<String> answered = List.copyOf(sample.traceIds);
            int stored = 0;
            try (ProductProcess p = ProductProcess.start(productCp, data, log, javaOpts, Map.of("OPS_TRACE_DURABLE", mode));
                 RestProbe rest = new RestProbe(p.httpPort)) {
                long until = System.nanoTime() + 30_000_000_000L; // the replay runs beside the start: wait for it
                List<String> missing = answered;
                while (!missing.isEmpty() && System.nanoTime() < until) {
                    missing = missing.stream().filter(id -> rest.trace(id) == null).toList();
                    if (!missing.isEmpty()) {
                        Thread.sleep(500);
                    }
                }
                stored = answered.size() - missing.size();
            }
            say("kill -9 with OPS_TRACE_DURABLE=%s: %d asks answered before the kill, %d of their traces stored after "
                    + "the restart, %d lost", mode, answered.size(), stored, answered.size() - stored);
            return ModelJson.MAPPER.createObjectNode().put("answered", answered.size()).put("stored", stored)
                    .put("lost", answered.size() - stored);
        }

        private ObjectNode runInfo() {
            ObjectNode r = ModelJson.MAPPER.createObjectNode();
            r.put("utc", Instant.now().toString()).put("mode", plan.name).put("seed", seed)
                    .put("commit", Env.system().get("OPS_BENCH_COMMIT", ""))
                    .put("cores", Runtime.getRuntime().availableProcessors())
                    .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"))
                    .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"))
                    .put("product_java_opts", javaOpts)
                    .put("stage_transport", "auto: in-process within the all-in-one JVM; ask_tcp_stage_calls repeats "
                            + "the ask with OPS_STAGE_TRANSPORT=tcp")
                    .put("note", "figures depend on what else the machine runs: compare ratios measured in the same run");
            ScaleEstate.Scale s = plan.scale;
            r.putObject("scale").put("cis", s.cis()).put("edges", s.edges()).put("metric_rows", s.metricRows())
                    .put("events", s.events());
            return r;
        }

        private ScaleEstate.Picks generateAndImport(ProductProcess p) throws Exception {
            Path csv = work.resolve("csv");
            long g0 = System.nanoTime();
            ScaleEstate.Picks picks = new ScaleEstate(plan.scale, seed).writeCsv(csv, Instant.now());
            long genMs = (System.nanoTime() - g0) / 1_000_000;
            say("generated the scale estate in %d ms: %s", genMs, picks);
            ObjectNode imp = out.putObject("import");
            imp.put("generate_ms", genMs);
            ArrayNode files = imp.putArray("files");
            long i0 = System.nanoTime();
            for (ImportClient.Result r : new ImportClient("127.0.0.1", p.httpPort, p.adminToken()).importDirectory(csv)) {
                JsonNode d = r.body().path("data");
                if (!r.ok()) {
                    throw new IllegalStateException("import of " + r.file() + " failed: " + r.body());
                }
                files.addObject().put("file", r.file()).put("rows_read", d.path("rows_read").asLong())
                        .put("rows_upserted", d.path("rows_upserted").asLong())
                        .put("graph_rows", d.path("graph_rows").asLong()).put("ms", d.path("duration_ms").asLong());
                say("imported %s: %,d rows in %,d ms", r.file(), d.path("rows_read").asLong(),
                        d.path("duration_ms").asLong());
            }
            imp.put("total_ms", (System.nanoTime() - i0) / 1_000_000);
            ObjectNode pk = out.putObject("picks");
            pk.put("impact_ci", picks.impactCiName()).put("impact_direct_dependents", picks.impactDirectDependents())
                    .put("path_from", picks.pathFromName()).put("path_to", picks.pathToName())
                    .put("metrics_end", picks.metricsEnd().toString());
            Files.writeString(work.resolve("picks.json"), pk.toString());
            return picks;
        }

        private void measure(ProductProcess p, ScaleEstate.Picks picks) throws Exception {
            try (RestProbe rest = new RestProbe(p.httpPort); GrpcProbe stage = new GrpcProbe(p.plannerPort, p.stageTlsDir());
                 GrpcProbe trace = new GrpcProbe(p.tracePort, p.stageTlsDir())) {
                Measurements m = new Measurements(plan, rest, out, p);
                m.floorsAndAsk(stage, ASK_QUESTION);
                String admin = p.adminToken().orElseThrow(() -> new IllegalStateException("no admin key in the data dir"));
                m.askScoped(ASK_QUESTION, rest.createKey(admin, "bench-scoped", List.of("viewer", "pci_audit")));
                m.tools(List.of(
                        new Measurements.Probe("impact_depth3", "what is impacted if " + picks.impactCiName() + " fails?"),
                        new Measurements.Probe("path", "path between " + picks.pathFromName() + " and " + picks.pathToName()),
                        new Measurements.Probe("aggregate_24h", "지난 24시간 서버A의 CPU 평균은?"),
                        new Measurements.Probe("top10_24h", "top 10 servers by cpu usage in the last 24 hours"),
                        new Measurements.Probe("events_filter", "critical alerts in the last 2 days")));
                ((ObjectNode) out.get("memory_kb")).set("after_ask_load", memory(p.memory()));
                int closed;
                try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                    closed = s.getLocalPort();
                }
                String dead = rest.draftSource(admin, "neo4j_graph",
                        ModelJson.MAPPER.createObjectNode().put("uri", "bolt://127.0.0.1:" + closed));
                m.knownDown("what is impacted if " + picks.impactCiName() + " fails?", dead, admin);
                new TraceIngest(plan, trace, p.postgresPort).run(m.askTraceId(), out);
            }
        }

        private static ObjectNode memory(ProductProcess.Memory m) {
            return ModelJson.MAPPER.createObjectNode().put("all_in_one_rss", m.allInOneRssKb())
                    .put("all_in_one_peak_rss", m.allInOnePeakKb()).put("neo4j_rss", m.neo4jRssKb())
                    .put("postgres_rss_sum", m.postgresRssKb()).put("postgres_pss_sum", m.postgresPssKb());
        }
    }

    /** Sizes and durations of a full or a quick run. */
    record BenchPlan(String name, ScaleEstate.Scale scale, Duration warmup, Duration window, Duration toolWindow,
                     int toolMaxRequests, Duration ingestWarmup, Duration ingestWindow) {
        static final BenchPlan FULL = new BenchPlan("full", ScaleEstate.Scale.FULL, Duration.ofSeconds(5),
                Duration.ofSeconds(15), Duration.ofSeconds(10), 300, Duration.ofSeconds(3),
                Duration.ofSeconds(30));
        static final BenchPlan QUICK = new BenchPlan("quick", ScaleEstate.Scale.FULL.divide(100), Duration.ofSeconds(1),
                Duration.ofSeconds(3), Duration.ofSeconds(2), 100, Duration.ofSeconds(1),
                Duration.ofSeconds(5));
    }

    static void say(String format, Object... args) {
        System.out.printf("bench: " + format + "%n", args);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (Exception e) {
            say("could not delete %s: %s", dir, e.getMessage());
        }
    }
}

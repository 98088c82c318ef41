package dev.opsuite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/** The timed phases over REST and gRPC; each adds its runs and trace splits to the results. */
final class Measurements {
    static final int[] CONCURRENCY = {1, 8, 32};

    record Probe(String name, String question) {}

    private final BenchMain.BenchPlan plan;
    private final RestProbe rest;
    private final ObjectNode out;
    private final ProductProcess product;
    private String askTraceId;

    /** @param product whose processes' CPU time each ask run reads at its window's start and end */
    Measurements(BenchMain.BenchPlan plan, RestProbe rest, ObjectNode out, ProductProcess product) {
        this.plan = plan;
        this.rest = rest;
        this.out = out;
        this.product = product;
    }

    /** Per concurrency, side by side: REST no-op, gRPC no-op on a stage service, then the ask. */
    void floorsAndAsk(GrpcProbe stage, String question) throws InterruptedException {
        ObjectNode floor = out.putObject("floor");
        ArrayNode restRuns = floor.putArray("rest_ping");
        ArrayNode grpcRuns = floor.putArray("grpc_health_check");
        ObjectNode ask = out.putObject("ask");
        ask.put("question", question);
        ArrayNode askRuns = ask.putArray("runs");
        ObjectNode splits = ask.putObject("split_by_concurrency");
        for (int c : CONCURRENCY) {
            restRuns.add(json(LoadDriver.run("rest_ping", c, plan.warmup(), plan.window(), 0, rest.ping())));
            grpcRuns.add(json(LoadDriver.run("grpc_health", c, plan.warmup(), plan.window(), 0, stage.healthCheck())));
            RestProbe.Sample sample = new RestProbe.Sample(200, 5);
            ObjectNode r = askRun(c, question, sample);
            askRuns.add(r);
            if (ask.path("answer").isMissingNode() && sample.firstAnswer != null) {
                ask.put("answer", sample.firstAnswer);
            }
            if (askTraceId == null && !sample.traceIds.isEmpty()) {
                askTraceId = sample.traceIds.get(0);
            }
            // fetched after the timed phase, never inside it
            splits.set(Integer.toString(c), rest.split(sample.traceIds));
            BenchMain.say("c=%d  ping p50 %.2f ms %.0f/s | grpc p50 %.2f ms | ask p50 %.2f p99 %.2f ms %.0f/s (%d errors), "
                            + "CPU %.2f ms/ask",
                    c, restRuns.get(restRuns.size() - 1).path("p50_ms").asDouble(),
                    restRuns.get(restRuns.size() - 1).path("throughput_rps").asDouble(),
                    grpcRuns.get(grpcRuns.size() - 1).path("p50_ms").asDouble(), r.path("p50_ms").asDouble(),
                    r.path("p99_ms").asDouble(), r.path("throughput_rps").asDouble(), r.path("errors").asLong(),
                    r.path("cpu_ms_per_ask").path("all").asDouble());
        }
    }

    /**
     * The same ask sweep against a product started with OPS_STAGE_TRANSPORT=tcp: every stage call
     * through loopback TCP as between separate processes, to set beside the in-process default.
     */
    void askWithTcpStageCalls(String question) throws InterruptedException {
        askVariant("ask_tcp_stage_calls", "stage_transport", "tcp", "with TCP stage calls", question);
    }

    /** The same ask with every trace journaled (OPS_TRACE_DURABLE=fsync) before its answer is sent. */
    void askWithDurableTraces(String question) throws InterruptedException {
        askVariant("ask_durable_traces", "trace_durable", "fsync", "with durable traces (fsync)", question);
    }

    /**
     * The same ask as a caller with a data scope (the default Policy's pci_audit: about a quarter of
     * the estate's CIs, by tag) — the scoped path binds the visible codes and checks every row —
     * against the unscoped default measured in the same product.
     */
    void askScoped(String question, String token) throws InterruptedException {
        askVariant("ask_scoped", "roles", "viewer,pci_audit (data scope: tag pci)", "as a scoped caller", question,
                token);
    }

    private void askVariant(String key, String setting, String value, String label, String question)
            throws InterruptedException {
        askVariant(key, setting, value, label, question, null);
    }

    private void askVariant(String key, String setting, String value, String label, String question, String token)
            throws InterruptedException {
        ObjectNode ask = out.putObject(key);
        ask.put("question", question).put(setting, value);
        ArrayNode runs = ask.putArray("runs");
        for (int c : CONCURRENCY) {
            ObjectNode r = askRun(c, question, new RestProbe.Sample(200, 5), token);
            runs.add(r);
            BenchMain.say("c=%d  ask %s p50 %.2f p99 %.2f ms %.0f/s (%d errors), CPU %.2f ms/ask", c, label,
                    r.path("p50_ms").asDouble(), r.path("p99_ms").asDouble(), r.path("throughput_rps").asDouble(),
                    r.path("errors").asLong(), r.path("cpu_ms_per_ask").path("all").asDouble());
        }
    }

    private ObjectNode askRun(int c, String question, RestProbe.Sample sample) throws InterruptedException {
        return askRun(c, question, sample, null);
    }

    private ObjectNode askRun(int c, String question, RestProbe.Sample sample, String token)
            throws InterruptedException {
        CpuWindow cpu = new CpuWindow(product);
        LoadDriver.Run run = LoadDriver.run("ask", c, plan.warmup(), plan.window(), 0, rest.ask(question, sample, token),
                cpu);
        ObjectNode r = json(run);
        cpu.perAsk(run.completed()).ifPresent(per -> r.set("cpu_ms_per_ask", per));
        r.put("answers_checked", sample.seen.get()).put("bad_answers", sample.bad.get());
        if (sample.firstBad != null) {
            r.put("first_bad", sample.firstBad);
        }
        return r;
    }

    /**
     * An ask whose store is known down (a draft of the graph Source pointing at a closed port): the
     * first asks find it down (connect timeouts, retries) and open its circuit breaker; then, one at a
     * time, how long the 503 takes end to end — routing and planning included — set beside the
     * answered ask at c=1 of this run.
     */
    void knownDown(String question, String deadSource, String token) throws InterruptedException {
        ObjectNode k = out.putObject("known_down");
        k.put("question", question).put("source", deadSource);
        LoadDriver.Run opening = LoadDriver.sequential("known-down warm-up", 20, 40, plan.warmup(),
                Duration.ofSeconds(90), rest.askUnanswered(question, deadSource, token));
        LoadDriver.Run run = LoadDriver.sequential("known down", 50, plan.toolMaxRequests(), plan.toolWindow(),
                plan.toolWindow().multipliedBy(4), rest.askUnanswered(question, deadSource, token));
        k.set("opening", json(opening));
        k.set("run", json(run));
        BenchMain.say("known-down store: first asks p99 %.0f ms (breaker opening), then 503 p50 %.2f p99 %.2f ms "
                        + "(%d requests, %d not a 503 with a trace id)", opening.percentileMs(0.99),
                run.percentileMs(0.50), run.percentileMs(0.99), run.completed(), run.errors());
    }

    /** Tool-bound questions one at a time (concurrency 1): the database's share shows per trace. */
    void tools(List<Probe> probes) throws InterruptedException {
        ObjectNode tools = out.putObject("tools");
        for (Probe p : probes) {
            RestProbe.Sample sample = new RestProbe.Sample(plan.toolMaxRequests(), 1);
            // warm-up as for the ask: the JIT of our JVM and of the Neo4j JVM meets each query shape
            // here for the first time; the cold requests are reported apart ("warmup"), not dropped
            LoadDriver.Run warm = LoadDriver.sequential(p.name() + " warm-up", 5, plan.toolMaxRequests(),
                    plan.warmup(), plan.warmup().plus(plan.toolWindow().multipliedBy(4)), rest.ask(p.question(), sample));
            sample.traceIds.clear(); // the split describes the measured requests only
            LoadDriver.Run run = LoadDriver.sequential(p.name(), 5, plan.toolMaxRequests(), plan.toolWindow(),
                    plan.toolWindow().multipliedBy(4), rest.ask(p.question(), sample));
            ObjectNode t = tools.putObject(p.name());
            t.put("question", p.question());
            t.set("warmup", json(warm));
            t.set("run", json(run));
            t.put("bad_answers", sample.bad.get());
            if (sample.firstBad != null) {
                t.put("first_bad", sample.firstBad);
            }
            t.put("answer", sample.firstAnswer == null ? "" : abbreviate(sample.firstAnswer));
            t.set("split", rest.split(sample.traceIds));
            if (!sample.traceIds.isEmpty()) {
                JsonNode trace = rest.trace(sample.traceIds.get(0));
                if (trace != null) {
                    ArrayNode calls = t.putArray("tool_calls");
                    for (JsonNode c : trace.path("tool_calls")) {
                        calls.addObject().put("tool", c.path("tool").asText())
                                .put("output_summary", c.path("output_summary").asText())
                                .set("input_params", c.path("input_params"));
                    }
                }
            }
            BenchMain.say("%-14s p50 %.2f ms p99 %.2f ms, tool p50 %s ms (%d requests, %d errors): %s", p.name(),
                    run.p50Ms(), run.p99Ms(), t.path("split").path("tool_elapsed_ms").path("p50").asText(),
                    run.completed(), run.errors(), t.path("answer").asText());
        }
    }

    String askTraceId() {
        return askTraceId;
    }

    static ObjectNode json(LoadDriver.Run r) {
        ObjectNode o = dev.opsuite.kit.json.ModelJson.MAPPER.createObjectNode();
        return o.put("concurrency", r.concurrency()).put("requests", r.completed()).put("errors", r.errors())
                .put("seconds", round(r.seconds())).put("throughput_rps", round(r.throughput()))
                .put("p50_ms", round(r.p50Ms())).put("p99_ms", round(r.p99Ms())).put("mean_ms", round(r.meanMs()));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static String abbreviate(String s) {
        return s.length() <= 240 ? s : s.substring(0, 240) + "…";
    }
}

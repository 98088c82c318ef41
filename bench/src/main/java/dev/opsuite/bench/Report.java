package dev.opsuite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;

/** Writes a run as JSON and as a Markdown table: &lt;UTC&gt;.json/.md and latest.json/.md; prints the table. */
final class Report {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Report() {}

    static void write(ObjectNode out, Path dir) throws IOException {
        Files.createDirectories(dir);
        String name = STAMP.format(Instant.parse(out.path("run").path("utc").asText())) + "-"
                + out.path("run").path("mode").asText();
        String json = ModelJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out) + "\n";
        String md = markdown(out);
        Files.writeString(dir.resolve(name + ".json"), json, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(name + ".md"), md, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("latest.json"), json, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("latest.md"), md, StandardCharsets.UTF_8);
        System.out.println(md);
        System.out.println("bench: wrote " + dir.resolve(name + ".json") + " and .md (also latest.json, latest.md)");
    }

    static String markdown(JsonNode o) {
        StringBuilder b = new StringBuilder();
        JsonNode run = o.path("run");
        JsonNode sc = run.path("scale");
        b.append("# ./ops bench — ").append(run.path("mode").asText()).append(" run, ").append(run.path("utc").asText())
                .append("\n\n");
        b.append(String.format("Machine: %d cores, %s, %s; product JVM `%s`; commit %s; wall time %.1f s.%n%n",
                run.path("cores").asInt(), run.path("os").asText(), run.path("java").asText(),
                run.path("product_java_opts").asText(), run.path("commit").asText(), run.path("wall_s").asDouble()));
        if (o.has("soak")) {
            return soak(b, o.path("soak"));
        }
        b.append(String.format("Scale estate (seed %d): %,d CIs, %,d edges, %,d metric rows, %,d events. %s.%n%n",
                run.path("seed").asLong(), sc.path("cis").asLong(), sc.path("edges").asLong(),
                sc.path("metric_rows").asLong(), sc.path("events").asLong(), run.path("note").asText()));

        b.append("## Targets\n\n| figure | target | measured | met |\n|---|---|---|---|\n");
        for (JsonNode t : o.path("targets")) {
            b.append("| ").append(t.path("name").asText()).append(" | ").append(t.path("target").asText()).append(" | ")
                    .append(t.path("measured").asText()).append(' ').append(t.path("unit").asText()).append(" | ")
                    .append(t.path("met").asBoolean() ? "yes" : "**no**").append(" |\n");
        }

        b.append("\n## Ask path against its floor\n\n| call | conc. | p50 ms | p99 ms | req/s | errors |\n"
                + "|---|---|---|---|---|---|\n");
        for (int i = 0; i < Measurements.CONCURRENCY.length; i++) {
            runRow(b, "REST no-op GET /ops/ping", o.path("floor").path("rest_ping").path(i));
            runRow(b, "gRPC no-op Health/Check (planner-service)", o.path("floor").path("grpc_health_check").path(i));
            runRow(b, "ask LOOKUP \"" + o.path("ask").path("question").asText() + "\"", o.path("ask").path("runs").path(i));
        }
        b.append("\n| conc. | ask req/s ÷ REST no-op req/s | ask req/s ÷ gRPC no-op req/s | sum of hops p50 (REST no-op + ")
                .append(o.path("ratios").path("stage_hops_per_ask").asInt()).append(" × gRPC no-op) | ask p50 ÷ sum of hops |\n"
                        + "|---|---|---|---|---|\n");
        for (int c : Measurements.CONCURRENCY) {
            JsonNode r = o.path("ratios").path("c" + c);
            b.append("| ").append(c).append(" | ").append(r.path("ask_rps_over_rest_noop_rps").asText()).append(" | ")
                    .append(r.path("ask_rps_over_grpc_noop_rps").asText()).append(" | ")
                    .append(r.path("sum_of_hops_p50_ms").asText()).append(" ms | ")
                    .append(r.path("ask_p50_over_sum_of_hops").asText()).append(" |\n");
        }
        cpuTable(b, o);
        variant(b, o, "ask_tcp_stage_calls", "\nStage calls in-process (the all-in-one default) against the same ask with"
                + " every stage call over loopback TCP (`OPS_STAGE_TRANSPORT=tcp`, product restarted, same warm-up and"
                + " window):\n\n", "TCP");
        variant(b, o, "ask_scoped", "\nThe ask as the anonymous loopback caller (no data scope) against the same ask"
                + " as a key holding viewer + pci_audit (the default Policy's tag scope: about a quarter of the estate's"
                + " CIs; the visible codes are bound and every row is checked; same product, same warm-up and window):\n\n",
                "scoped");
        variant(b, o, "ask_durable_traces", "\nThe default trace shipping (in memory until stored) against the durable"
                + " mode (`OPS_TRACE_DURABLE=fsync`: each trace appended to a journal and forced to disk before the answer;"
                + " product restarted, same warm-up and window):\n\n", "durable");

        JsonNode over = o.path("overload_3x");
        if (over.size() > 0) {
            b.append("\nOpen-loop overload: asks arriving at 3× the c=8 throughput of this run, with load shedding"
                    + " (`OPS_MAX_IN_FLIGHT=48`, the default) and without (100000)\n\n| setting | offered/s | sent |"
                    + " answered | answered/s | answered p50 / p99 ms | refused (429/503) | refused p99 ms | failed otherwise |\n"
                    + "|---|---|---|---|---|---|---|---|---|\n");
            over.fieldNames().forEachRemaining(k -> {
                JsonNode r = over.path(k);
                b.append(String.format("| %s | %d | %d | %d | %d | %s / %s | %d | %s | %d |%n", k, r.path("offered_rps").asLong(),
                        r.path("sent").asLong(), r.path("answered").asLong(), r.path("answered_rps").asLong(),
                        r.path("answered_p50_ms").asText(), r.path("answered_p99_ms").asText(), r.path("refused").asLong(),
                        r.path("refused_p99_ms").asText(), r.path("failed_otherwise").asLong()));
            });
        }
        JsonNode kill = o.path("traces_after_kill9");
        if (kill.size() > 0) {
            b.append("\nkill -9 of the all-in-one while asks at c=8 are in flight (after 30 of 90 were answered), then a restart: traces of the answered asks"
                    + " found stored\n\n| OPS_TRACE_DURABLE | answered before the kill | traces stored | lost |\n|---|---|---|---|\n");
            kill.fieldNames().forEachRemaining(m -> b.append(String.format("| %s | %d | %d | %d |%n", m,
                    kill.path(m).path("answered").asInt(), kill.path(m).path("stored").asInt(),
                    kill.path(m).path("lost").asInt())));
        }
        b.append("\nPer-stage split of the ask (from the stored traces, whole ms; mean / p50):\n\n"
                + "| conc. | traces | trace total | ");
        JsonNode splits = o.path("ask").path("split_by_concurrency");
        JsonNode any = splits.path("1").path("stages_ms");
        for (Iterator<String> it = any.fieldNames(); it.hasNext(); ) {
            b.append(it.next()).append(" | ");
        }
        b.append("tool calls |\n|---|---|---|").append("---|".repeat(any.size() + 1)).append('\n');
        for (int c : Measurements.CONCURRENCY) {
            JsonNode s = splits.path(Integer.toString(c));
            b.append("| ").append(c).append(" | ").append(s.path("traces_fetched").asInt()).append(" | ")
                    .append(meanP50(s.path("trace_duration_ms"))).append(" | ");
            for (Iterator<String> it = any.fieldNames(); it.hasNext(); ) {
                b.append(meanP50(s.path("stages_ms").path(it.next()))).append(" | ");
            }
            b.append(meanP50(s.path("tool_elapsed_ms"))).append(" |\n");
        }

        b.append("\n## Tool-bound questions on the scale estate (concurrency 1)\n\n"
                + "Each probe first runs unmeasured for the warm-up time (its cold figures are the \"warm-up\" columns),"
                + " then is measured.\n\n"
                + "| probe | question | warm-up requests | warm-up p50 ms | p50 ms | p99 ms | req/s | trace total p50 ms | tool (database) p50 ms | answer |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("tools").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode t = e.getValue();
            b.append("| ").append(e.getKey()).append(" | ").append(t.path("question").asText()).append(" | ")
                    .append(t.path("warmup").path("requests").asText("–")).append(" | ")
                    .append(t.path("warmup").path("p50_ms").asText("–")).append(" | ")
                    .append(t.path("run").path("p50_ms").asText()).append(" | ").append(t.path("run").path("p99_ms").asText())
                    .append(" | ").append(t.path("run").path("throughput_rps").asText()).append(" | ")
                    .append(t.path("split").path("trace_duration_ms").path("p50").asText()).append(" | ")
                    .append(t.path("split").path("tool_elapsed_ms").path("p50").asText()).append(" | ")
                    .append(t.path("answer").asText().replace("|", "/").replace("\n", " ")).append(" |\n");
        }

        JsonNode kd = o.path("known_down");
        if (!kd.isMissingNode()) {
            b.append(String.format("%nA store known down: \"%s\" through `%s` (a draft of the graph Source on a closed"
                            + " port). The first %d asks open the breaker (p50 %s ms, p99 %s ms); then one at a time, end to"
                            + " end with planning: **503 p50 %s ms, p99 %s ms** over %d asks, %d of them not a 503 with a trace"
                            + " id (the answered ask at c=1 of this run: p50 %s ms).%n",
                    kd.path("question").asText(), kd.path("source").asText(), kd.path("opening").path("requests").asInt(),
                    kd.path("opening").path("p50_ms").asText(), kd.path("opening").path("p99_ms").asText(),
                    kd.path("run").path("p50_ms").asText(), kd.path("run").path("p99_ms").asText(),
                    kd.path("run").path("requests").asInt(), kd.path("run").path("errors").asInt(),
                    o.path("ask").path("runs").path(0).path("p50_ms").asText()));
        }

        JsonNode ing = o.path("trace_ingest");
        b.append(String.format("%n## Trace ingest (trace-service WriteTraces, %d writers × batches of %d, %d-byte traces)%n%n"
                        + "%,.0f traces/s; batch p50 %.1f ms, p99 %.1f ms; sent %,d, stored %,d, lost %d, failed batches %d.%n",
                ing.path("writers").asInt(), ing.path("batch").asInt(), ing.path("trace_bytes").asInt(),
                ing.path("traces_per_s").asDouble(), ing.path("batch_p50_ms").asDouble(), ing.path("batch_p99_ms").asDouble(),
                ing.path("sent").asLong(), ing.path("stored").asLong(), ing.path("lost").asLong(),
                ing.path("failed_batches").asLong()));

        b.append("\n## Import, start-up, memory\n\n| import file | rows | ms |\n|---|---|---|\n");
        for (JsonNode f : o.path("import").path("files")) {
            b.append(String.format("| %s | %,d | %,d |%n", f.path("file").asText(), f.path("rows_read").asLong(),
                    f.path("ms").asLong()));
        }
        b.append(String.format("| total (generation %,d ms not included) | | %,d |%n%n", o.path("import").path("generate_ms").asLong(),
                o.path("import").path("total_ms").asLong()));
        b.append(String.format("Cold start to /ops/health 200: fresh data dir %,d ms; restart with the scale estate %,d ms.%n%n",
                o.path("cold_start_ms").path("fresh_data_dir").asLong(),
                o.path("cold_start_ms").path("restart_with_scale_estate").asLong()));
        b.append("| moment | all-in-one RSS MiB | all-in-one peak MiB | Neo4j JVM RSS MiB | PostgreSQL RSS sum MiB | PostgreSQL PSS sum MiB |\n"
                + "|---|---|---|---|---|---|\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = o.path("memory_kb").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode m = e.getValue();
            b.append(String.format("| %s | %d | %d | %d | %d | %d |%n", e.getKey(), m.path("all_in_one_rss").asLong() / 1024,
                    m.path("all_in_one_peak_rss").asLong() / 1024, m.path("neo4j_rss").asLong() / 1024,
                    m.path("postgres_rss_sum").asLong() / 1024, m.path("postgres_pss_sum").asLong() / 1024));
        }
        return b.toString();
    }

    /** CPU per ask of every ask run, per process group (the product's processes only, not the driver's). */
    private static void cpuTable(StringBuilder b, JsonNode o) {
        b.append("\nCPU per ask (ms of CPU time of the product's processes over each measured window ÷ asks completed"
                + " in it; /proc clock ticks of 10 ms):\n\n| run | conc. | all | all-in-one JVM | Neo4j | PostgreSQL"
                + " | other | ticks |\n|---|---|---|---|---|---|---|---|\n");
        for (String key : new String[] {"ask", "ask_tcp_stage_calls", "ask_scoped", "ask_durable_traces"}) {
            for (JsonNode r : o.path(key).path("runs")) {
                JsonNode c = r.path("cpu_ms_per_ask");
                if (c.isMissingNode()) {
                    continue;
                }
                b.append(String.format("| %s | %d | %s | %s | %s | %s | %s | %d |%n", key, r.path("concurrency").asInt(),
                        c.path("all").asText(), c.path("all_in_one").asText(), c.path("neo4j").asText(),
                        c.path("postgres").asText(), c.path("other").asText(), c.path("ticks").asLong()));
            }
        }
    }

    private static void runRow(StringBuilder b, String name, JsonNode r) {
        b.append("| ").append(name).append(" | ").append(r.path("concurrency").asInt()).append(" | ")
                .append(r.path("p50_ms").asText()).append(" | ").append(r.path("p99_ms").asText()).append(" | ")
                .append(String.format("%,.0f", r.path("throughput_rps").asDouble())).append(" | ")
                .append(r.path("errors").asLong()).append(" |\n");
    }

    private static String meanP50(JsonNode d) {
        return d.path("n").asInt() == 0 ? "–" : d.path("mean").asText() + " / " + d.path("p50").asText();
    }

    /** The default ask beside the same ask in one other setting (a product restart with one variable changed). */
    private static void variant(StringBuilder b, JsonNode o, String key, String intro, String label) {
        JsonNode runs = o.path(key).path("runs");
        if (runs.size() == 0) {
            return;
        }
        b.append(intro).append("| conc. | default p50 / p99 ms | ").append(label).append(" p50 / p99 ms | default req/s | ")
                .append(label).append(" req/s | req/s default ÷ ").append(label).append(" |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < runs.size(); i++) {
            JsonNode a = o.path("ask").path("runs").path(i);
            JsonNode t = runs.path(i);
            double ratio = t.path("throughput_rps").asDouble() == 0 ? 0
                    : a.path("throughput_rps").asDouble() / t.path("throughput_rps").asDouble();
            b.append(String.format("| %d | %s / %s | %s / %s | %,.0f | %,.0f | %.2f |%n", t.path("concurrency").asInt(),
                    a.path("p50_ms").asText(), a.path("p99_ms").asText(), t.path("p50_ms").asText(),
                    t.path("p99_ms").asText(), a.path("throughput_rps").asDouble(),
                    t.path("throughput_rps").asDouble(), ratio));
        }
    }

    private static String soak(StringBuilder b, JsonNode s) {
        b.append(String.format("Soak: %.1f min, a mix of question kinds offered open-loop at %.1f/s (70 %% of the mix's"
                        + " maximum %.1f/s at c=8): %d asked, %d answered, **%d errors** — **%s**%n%n",
                s.path("minutes").asDouble(), s.path("offered_rps").asDouble(), s.path("max_throughput_rps").asDouble(),
                s.path("asked").asLong(), s.path("answered").asLong(), s.path("errors").asLong(),
                s.path("pass").asBoolean() ? "PASS" : "FAIL"));
        b.append("| at | heap after full GC kB | RSS kB | threads | sockets |\n|---|---|---|---|---|\n");
        for (JsonNode x : s.path("samples")) {
            b.append(String.format("| %s | %,d | %,d | %d | %d |%n", x.path("at").asText(),
                    x.path("heap_after_full_gc_kb").asLong(), x.path("rss_kb").asLong(), x.path("threads").asLong(),
                    x.path("sockets").asLong()));
        }
        b.append(String.format("%nheap max/min %.3f (limit 1.10); RSS max/min from the middle %.3f (limit 1.10); threads"
                        + " %+d and sockets %+d from the middle to the end (limit +2)%n",
                s.path("heap_max_over_min").asDouble(), s.path("rss_max_over_min_from_middle").asDouble(),
                s.path("threads_growth_middle_to_end").asLong(), s.path("sockets_growth_middle_to_end").asLong()));
        return b.toString();
    }
}

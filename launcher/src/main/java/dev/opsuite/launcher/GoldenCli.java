package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.json.ModelJson;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * `./ops golden run [--tag T]... [--bound ASSET] [--assets TYPE=NAME@V,...]`: re-asks the regression
 * watch's golden queries through POST /ops/golden-queries/run-regression (each judged against its
 * baseline: pass, warning or fail) and prints a table, a line per query, and the totals; {@code --assets}
 * runs them with asset versions of one's choice on top (a draft before publishing it:
 * {@code query=ci_queries@7} or {@code query=ci_queries(draft)}). Needs an operator's key (OPS_API_KEY or
 * the data directory's admin key). Exit 0 no regression (warnings are shown, not failed); 1 a query failed, or the
 * call was refused; 2 usage; 3 nothing answers on the port.
 */
public final class GoldenCli {
    static final int REGRESSION = 1;
    static final int USAGE = 2;
    static final int NOT_RUNNING = CliApi.NOT_RUNNING;

    private GoldenCli() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, Env.system(), new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] argv, Env env, PrintStream out, PrintStream err) throws InterruptedException {
        List<String> args = new ArrayList<>(List.of(argv));
        boolean json = args.remove("--json");
        if (args.isEmpty() || !args.remove(0).equals("run")) {
            return usage(err);
        }
        ObjectNode body = ModelJson.MAPPER.createObjectNode();
        for (int i = 0; i < args.size(); i += 2) {
            String flag = args.get(i);
            if (i + 1 >= args.size() || !List.of("--tag", "--bound", "--assets").contains(flag)) {
                return usage(err);
            }
            if (flag.equals("--tag")) {
                body.withArray("tags").add(args.get(i + 1));
            } else if (flag.equals("--assets")) {
                // TYPE=NAME@VERSION or TYPE=NAME(draft), comma-separated: e.g. a draft, before publishing it
                for (String pair : args.get(i + 1).split(",")) {
                    String[] kv = pair.split("=", 2);
                    if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                        return usage(err);
                    }
                    body.with("asset_overrides").put(kv[0].strip(), kv[1].strip());
                }
            } else {
                body.put("bound_asset", args.get(i + 1));
            }
        }
        CliApi api = new CliApi(env, err, Duration.ofMinutes(30));
        Map<String, String> names = new HashMap<>();
        if (!json) {
            CliApi.Reply listed = api.get("/ops/golden-queries");
            if (!listed.ok()) {
                return listed.exit();
            }
            listed.data().path("queries").forEach(q -> names.put(q.path("query_id").asText(), q.path("name").asText()));
        }
        CliApi.Reply r = api.post("/ops/golden-queries/run-regression", body.toString());
        if (!r.ok()) {
            return r.exit();
        }
        JsonNode totals = r.data().path("totals");
        if (json) {
            out.println(r.raw());
        } else {
            JsonNode runs = r.data().path("runs");
            if (runs.isEmpty()) {
                out.println("no golden query matched (POST /ops/golden-queries adds one; the console's Regression page too)");
            } else {
                out.printf("%-8s %-36s %-19s %s%n", "RESULT", "GOLDEN QUERY", "ID", "WHY");
            }
            for (JsonNode run : runs) {
                String id = run.path("query_id").asText();
                out.printf("%-8s %-36s %-19s %s%s%n", run.path("judgment").asText().toUpperCase(java.util.Locale.ROOT),
                        cut(names.getOrDefault(id, ""), 36), id, run.path("verdict_reason").asText(),
                        run.path("rca_trace_id").asText().isEmpty() ? ""
                                : "  (RCA: ./ops trace " + run.path("rca_trace_id").asText() + ")");
            }
            out.printf("%d passed, %d warnings, %d failed%n", totals.path("pass").asInt(), totals.path("warning").asInt(),
                    totals.path("fail").asInt());
        }
        return totals.path("fail").asInt() > 0 ? REGRESSION : 0;
    }

    private static String cut(String s, int n) {
        return s.length() > n ? s.substring(0, n - 1) + "…" : s;
    }

    static int usage(PrintStream err) {
        err.println("usage: ./ops golden run [--tag T]... [--bound TYPE[/NAME]] [--assets TYPE=NAME@V,...] [--json]");
        return USAGE;
    }
}

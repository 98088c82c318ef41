package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.json.ModelJson;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * `./ops estate retention 30d`: removes the metric samples (and their rollups) older than UTC midnight of today
 * less the days kept, in the product running at OPS_HTTP_PORT (POST /ops/estate/retention, role estate_admin).
 * Exit 0 done; 1 refused; 2 usage; 3 nothing answers on the port.
 */
public final class EstateCli {
    static final int USAGE = 2;

    private EstateCli() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, Env.system(), new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, Env env, PrintStream out, PrintStream err) throws InterruptedException {
        if (args.length != 2 || !args[0].equals("retention")) {
            return usage(err);
        }
        String body = ModelJson.MAPPER.createObjectNode().put("keep", args[1]).toString();
        CliApi.Reply r = new CliApi(env, err, Duration.ofMinutes(30)).post("/ops/estate/retention", body);
        if (!r.ok()) {
            return r.exit();
        }
        JsonNode d = r.data();
        List<String> dropped = new ArrayList<>();
        d.path("dropped_partitions").forEach(p -> dropped.add(p.asText()));
        out.println("metric samples before " + d.path("cutoff").asText() + " removed: " + dropped.size()
                + " partitions dropped" + (dropped.isEmpty() ? "" : " (" + String.join(", ", dropped) + ")") + ", "
                + d.path("deleted_metric_rows").asLong() + " rows deleted one by one, "
                + d.path("deleted_rollup_rows").asLong() + " rollup rows deleted");
        return 0;
    }

    static int usage(PrintStream err) {
        err.println("usage: ./ops estate retention DAYSd   (e.g. 30d: keeps 30 whole UTC days before today)");
        return USAGE;
    }
}

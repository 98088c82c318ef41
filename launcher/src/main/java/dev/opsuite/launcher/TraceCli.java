package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.config.Env;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * `./ops trace ID` and `./ops traces [--status S] [--route R] [--feature F] [--q TEXT] [--limit N]`: the
 * Execution Trace of one answer as a readable timeline (each stage at its offset with its duration and
 * warnings, replans, tool calls, references, the answer), and the newest traces one line each. Reads
 * with OPS_API_KEY, else the admin key of the data directory (an operator sees every trace).
 * {@code --json} prints the response as the product sent it. Exit 0 shown; 1 not found or refused;
 * 2 usage; 3 nothing answers on the port.
 */
public final class TraceCli {
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int NOT_RUNNING = 3;
    private static final List<String> FILTERS = List.of("status", "route", "feature", "q", "limit");

    private TraceCli() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, Env.system(), new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, Env env, PrintStream out, PrintStream err) throws InterruptedException {
        if (args.length == 0 || !List.of("trace", "traces").contains(args[0])) {
            return usage(err);
        }
        boolean json = List.of(args).contains("--json");
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        rest.remove("--json");
        String path;
        if (args[0].equals("trace")) {
            if (rest.size() != 1 || !rest.get(0).matches("[A-Za-z0-9_-]{1,64}")) {
                return usage(err);
            }
            path = "/ops/traces/" + rest.get(0);
        } else {
            StringBuilder q = new StringBuilder();
            for (int i = 0; i < rest.size(); i += 2) {
                String flag = rest.get(i).startsWith("--") ? rest.get(i).substring(2) : "";
                if (!FILTERS.contains(flag) || i + 1 >= rest.size()) {
                    return usage(err);
                }
                q.append(q.length() == 0 ? "?" : "&").append(flag).append('=')
                        .append(URLEncoder.encode(rest.get(i + 1), StandardCharsets.UTF_8));
            }
            path = "/ops/traces" + q;
        }
        int port = env.getInt("OPS_HTTP_PORT", 8080);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        CliAuth.bearer(CliAuth.token(env)).ifPresent(v -> b.header("authorization", v));
        Optional<HttpResponse<String>> sent = CliHttp.send(b.build(), port, err);
        if (sent.isEmpty()) {
            return NOT_RUNNING;
        }
        Optional<JsonNode> parsed = CliHttp.envelope(sent.get(), port, err);
        if (parsed.isEmpty()) {
            return NOT_RUNNING;
        }
        if (sent.get().statusCode() != 200) {
            err.println("refused (HTTP " + sent.get().statusCode() + "): " + parsed.get().path("message").asText());
            return REFUSED;
        }
        if (json) {
            out.println(sent.get().body());
        } else if (args[0].equals("trace")) {
            timeline(parsed.get().path("data"), out);
        } else {
            list(parsed.get().path("data"), out);
        }
        return 0;
    }

    private static int usage(PrintStream err) {
        err.println("usage: ./ops trace [--json] ID   |   ./ops traces [--json] [--status S] [--route R] [--feature F]"
                + " [--q TEXT] [--limit N]");
        return USAGE;
    }

    /** One trace: header, question, each stage at its offset (stages run one after another), then the rest. */
    static void timeline(JsonNode t, PrintStream out) {
        out.printf("trace %s · %s · %s · %s · %d ms · %s%n", t.path("trace_id").asText(), t.path("feature").asText(),
                t.path("route").asText(), t.path("status").asText(), t.path("duration_ms").asInt(),
                t.path("created_at").asText());
        if (!t.path("parent_trace_id").asText().isEmpty()) {
            out.println("parent " + t.path("parent_trace_id").asText());
        }
        out.println("Q: " + t.path("question").asText());
        int at = 0;
        for (JsonNode s : t.path("stage_outputs")) {
            int ms = s.path("duration_ms").asInt();
            JsonNode d = s.path("diagnostics");
            List<String> notes = new ArrayList<>();
            d.path("warnings").forEach(w -> notes.add(w.asText()));
            out.printf("  +%5d ms  %-11s %5d ms  %s%s%n", at, s.path("stage").asText(), ms,
                    d.path("status").asText("ok"), notes.isEmpty() ? "" : "  " + String.join("; ", notes));
            at += ms;
        }
        for (JsonNode e : t.path("replan_events")) {
            out.printf("  replan  %s → %s (%s)%n", e.path("trigger").path("trigger_type").asText(),
                    e.path("decision_metadata").path("decision").asText(), e.path("trigger").path("reason").asText());
        }
        for (JsonNode c : t.path("tool_calls")) {
            String what = c.path("error").asText().isEmpty() ? c.path("output_summary").asText()
                    : "FAILED: " + c.path("error").asText();
            out.printf("  call    %-16s %5d ms  %s%n", c.path("tool").asText(), c.path("elapsed_ms").asInt(), what);
        }
        for (JsonNode r : t.path("references")) {
            out.printf("  ref     %-8s %s (%s)%n", r.path("kind").asText(), r.path("title").asText(),
                    r.path("source").asText());
        }
        if (!t.path("error_message").asText().isEmpty()) {
            out.println("error: " + t.path("error_message").asText());
        }
        String answer = t.path("answer").path("text").asText();
        if (!answer.isEmpty()) {
            out.println("A: " + answer);
        }
    }

    /** The newest traces, one line each. */
    static void list(JsonNode data, PrintStream out) {
        for (JsonNode s : data.path("traces")) {
            out.printf("%s  %-25s %-9s %-6s %-8s %6d ms  %s%n", s.path("trace_id").asText(),
                    s.path("created_at").asText(), s.path("feature").asText(), s.path("route").asText(),
                    s.path("status").asText(), s.path("duration_ms").asInt(), s.path("question").asText());
        }
        if (!data.path("next_page_token").asText().isEmpty()) {
            out.println("(more: ./ops traces --json shows next_page_token)");
        }
    }
}

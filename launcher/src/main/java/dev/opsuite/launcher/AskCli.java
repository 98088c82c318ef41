package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.json.ModelJson;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * `./ops ask QUESTION`: one question to the running product (POST /ops/ci/ask on OPS_HTTP_PORT),
 * printed for a terminal — the answer's blocks as text (tables as aligned columns, a chart and a
 * network by their size), then route, time and trace id. Asks as the anonymous loopback caller
 * (viewer) unless OPS_API_KEY is set: the admin key is never used to ask. {@code --json} prints the
 * response as the product sent it; {@code --stream} asks POST /ops/ci/ask/stream and prints a line per
 * stage as it finishes ({@link AskStreamCli}), then the same answer. Exit 0 answered; 1 the product
 * refused or failed (its message and trace id are printed); 2 usage; 3 nothing answers on the port.
 */
public final class AskCli {
    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int NOT_RUNNING = 3;
    private static final int MAX_ROWS = 20;

    private AskCli() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, Env.system(), new PrintStream(System.out, true, StandardCharsets.UTF_8),
                new PrintStream(System.err, true, StandardCharsets.UTF_8)));
    }

    static int run(String[] args, Env env, PrintStream out, PrintStream err) throws InterruptedException {
        java.util.Set<String> flags = new java.util.LinkedHashSet<>(java.util.Arrays.asList(args).subList(0,
                Math.max(0, args.length - 1)));
        boolean json = flags.remove("--json");
        boolean stream = flags.remove("--stream");
        if (args.length == 0 || args[args.length - 1].isBlank() || !flags.isEmpty() || json && stream
                || args.length - 1 != (json ? 1 : 0) + (stream ? 1 : 0)) {
            err.println(USAGE_LINE);
            return USAGE;
        }
        int port = env.getInt("OPS_HTTP_PORT", 8080);
        ObjectNode body = ModelJson.MAPPER.createObjectNode().put("question", args[args.length - 1]);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ops/ci/ask"
                        + (stream ? "/stream" : "")))
                .timeout(Duration.ofSeconds(60)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        env.get("OPS_API_KEY").ifPresent(k -> b.header("authorization", "Bearer " + k));
        if (stream) {
            return AskStreamCli.run(b.build(), port, out, err);
        }
        java.util.Optional<HttpResponse<String>> sent = CliHttp.send(b.build(), port, err);
        if (sent.isEmpty()) {
            return NOT_RUNNING;
        }
        HttpResponse<String> r = sent.get();
        java.util.Optional<JsonNode> parsed = CliHttp.envelope(r, port, err);
        if (parsed.isEmpty()) {
            return NOT_RUNNING;
        }
        JsonNode envelope = parsed.get();
        if (json) {
            out.println(r.body());
            return r.statusCode() == 200 ? 0 : REFUSED;
        }
        if (r.statusCode() != 200) {
            return refused(r.statusCode(), envelope, err);
        }
        printAnswer(envelope.path("data"), out);
        return 0;
    }

    static final String USAGE_LINE = "usage: ./ops ask [--json | --stream] \"QUESTION\"";

    /** A refusal or failure in the REST envelope: its status and message, and the trace it left. */
    static int refused(int status, JsonNode envelope, PrintStream err) {
        err.println("refused (HTTP " + status + "): " + envelope.path("message").asText());
        JsonNode data = envelope.path("data");
        if (data.hasNonNull("trace_id")) {
            err.println("trace     " + data.path("trace_id").asText());
        }
        return REFUSED;
    }

    /** An answer (AskResponse as JSON) for a terminal: its blocks, then route, time, trace and actions. */
    static void printAnswer(JsonNode data, PrintStream out) {
        for (JsonNode block : data.path("blocks")) {
            print(block, out);
        }
        JsonNode meta = data.path("meta");
        out.printf("%nroute %s · %d ms · trace %s%n", meta.path("route").asText(), meta.path("timing_ms").asInt(),
                meta.path("trace_id").asText());
        List<String> actions = new ArrayList<>();
        for (JsonNode a : data.path("screen").path("actions")) {
            actions.add(a.path("label").asText(a.path("action_id").asText()));
        }
        if (!actions.isEmpty()) {
            out.println("actions   " + String.join(" · ", actions));
        }
    }

    private static void print(JsonNode block, PrintStream out) {
        String type = block.path("type").asText();
        JsonNode d = block.path("data");
        switch (type) {
            case "table" -> table(block.path("title").asText(), d, out);
            case "chart" -> {
                for (JsonNode s : d.path("series")) {
                    out.printf("[chart] %s (%s): %d points%n", s.path("name").asText(), s.path("unit").asText(),
                            s.path("points").size());
                }
            }
            case "network" -> out.printf("[network] %d CIs, %d relations%n", d.path("nodes").size(), d.path("edges").size());
            case "timeline" -> {
                JsonNode events = d.path("events");
                out.printf("[timeline] %d events%s%n", events.size(), events.isEmpty() ? ""
                        : ", " + events.get(0).path("ts").asText() + " – " + events.get(events.size() - 1).path("ts").asText());
            }
            default -> {
                String title = block.path("title").asText();
                String prefix = "reading".equals(title) ? "" : title.isEmpty() || "answer".equals(title) ? "" : "[" + title + "] ";
                out.println(prefix + block.path("content").asText());
            }
        }
    }

    private static void table(String title, JsonNode d, PrintStream out) {
        List<List<String>> lines = new ArrayList<>();
        List<String> head = new ArrayList<>();
        d.path("columns").forEach(c -> head.add(c.asText()));
        lines.add(head);
        int n = 0;
        for (JsonNode row : d.path("rows")) {
            if (n++ == MAX_ROWS) {
                break;
            }
            List<String> cells = new ArrayList<>();
            row.forEach(v -> cells.add(cell(v)));
            lines.add(cells);
        }
        int[] width = new int[head.size()];
        for (List<String> l : lines) {
            for (int i = 0; i < Math.min(width.length, l.size()); i++) {
                width[i] = Math.max(width[i], displayWidth(l.get(i)));
            }
        }
        if (!title.isEmpty()) {
            out.println("[table] " + title);
        }
        for (List<String> l : lines) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < Math.min(width.length, l.size()); i++) {
                String cell = l.get(i);
                sb.append(cell).append(" ".repeat(width[i] - displayWidth(cell) + 2));
            }
            out.println(sb.toString().stripTrailing());
        }
        int total = d.path("rows").size();
        if (total > MAX_ROWS) {
            out.printf("… %d more rows (./ops ask --json for all of them)%n", total - MAX_ROWS);
        }
    }

    /** A cell as written: JSON numbers of a Struct are doubles, so a whole one is printed without ".0". */
    static String cell(JsonNode v) {
        if (v.isNull()) {
            return "";
        }
        if (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()) && Math.abs(v.asDouble()) < 1e15) {
            return Long.toString(v.asLong());
        }
        return v.asText();
    }

    /** Terminal columns of a cell: Hangul and other wide characters take two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            w += (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                    || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFF00 && cp <= 0xFF60) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return w;
    }
}

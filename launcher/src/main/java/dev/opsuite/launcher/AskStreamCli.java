package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./ops ask --stream QUESTION}: reads the Server-Sent Events of POST /ops/ci/ask/stream and
 * prints a line per stage as it finishes — stage, status, milliseconds, summary, then a line per
 * control-loop decision taken on it — and then the answer as {@code ./ops ask} prints it. A refusal
 * before the stream (HTTP error) and an error event are printed as {@code ./ops ask} prints a refusal.
 */
final class AskStreamCli {
    private AskStreamCli() {}

    static int run(HttpRequest request, int port, PrintStream out, PrintStream err) throws InterruptedException {
        HttpResponse<Stream<String>> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (ConnectException e) {
            err.println("nothing answers on 127.0.0.1:" + port + " — is ./ops up running? (OPS_HTTP_PORT)");
            return AskCli.NOT_RUNNING;
        } catch (IOException e) {
            err.println("127.0.0.1:" + port + " did not answer: " + e.getMessage());
            return AskCli.NOT_RUNNING;
        }
        try (Stream<String> lines = r.body()) {
            boolean events = r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream");
            if (r.statusCode() != 200 || !events) {
                JsonNode envelope = SseLines.json(String.join("\n", lines.toList()));
                if (envelope == null) {
                    err.println("127.0.0.1:" + port + " answers, but not as the OPS gateway (HTTP " + r.statusCode() + ")");
                    return AskCli.NOT_RUNNING;
                }
                return AskCli.refused(r.statusCode(), envelope, err);
            }
            return read(lines.iterator(), out, err);
        } catch (java.io.UncheckedIOException e) {
            err.println("the stream from 127.0.0.1:" + port + " broke: " + e.getCause().getMessage());
            return AskCli.REFUSED;
        }
    }

    /** Dispatches each event until the answer or an error ends the stream. */
    private static int read(Iterator<String> lines, PrintStream out, PrintStream err) {
        Integer exit = SseLines.read(lines, (event, d) -> switch (event) {
            case "stage" -> {
                stage(d, out);
                yield null;
            }
            case "answer" -> {
                out.println();
                AskCli.printAnswer(d, out);
                yield 0;
            }
            case "error" -> AskCli.refused(d.path("code").asInt(), d, err);
            default -> null;
        });
        if (exit == null) {
            err.println("the stream ended before the answer");
            return AskCli.REFUSED;
        }
        return exit;
    }

    /** "execute      ok        12 ms  1 result, 3 rows", then "             ↳ retry: …" per decision. */
    static void stage(JsonNode s, PrintStream out) {
        out.println(String.format(Locale.ROOT, "%-12s %-8s %6d ms  %s", s.path("stage").asText(),
                s.path("status").asText(), s.path("duration_ms").asInt(), s.path("summary").asText()));
        for (JsonNode r : s.path("replans")) {
            JsonNode meta = r.path("decision_metadata");
            String why = meta.path("reason").asText(meta.path("fallback").asText(""));
            out.println(String.format(Locale.ROOT, "%-12s ↳ %s on %s%s", "", meta.path("decision").asText("?"),
                    r.path("trigger").path("trigger_type").asText(), why.isEmpty() ? "" : ": " + why));
        }
    }
}

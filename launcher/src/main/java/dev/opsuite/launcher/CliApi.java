package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.config.Env;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One call of a command-line tool to the gateway's REST API on 127.0.0.1:OPS_HTTP_PORT with the key of
 * {@link CliAuth}: the response's envelope on HTTP 200, else one line on stderr and the exit code to
 * return — {@link #REFUSED} for an HTTP error (its status and the gateway's message),
 * {@link #NOT_RUNNING} when nothing (or not the gateway) answers.
 */
final class CliApi {
    static final int REFUSED = 1;
    static final int NOT_RUNNING = 3;

    /** The envelope of a 200 and its raw body, or the exit code of a failure already reported. */
    record Reply(JsonNode envelope, String raw, int exit) {
        boolean ok() {
            return exit == 0;
        }

        JsonNode data() {
            return envelope.path("data");
        }
    }

    private final int port;
    private final Optional<String> bearer;
    private final PrintStream err;
    private final Duration timeout;

    CliApi(Env env, PrintStream err, Duration timeout) {
        this.port = env.getInt("OPS_HTTP_PORT", 8080);
        this.bearer = CliAuth.bearer(CliAuth.token(env));
        this.err = err;
        this.timeout = timeout;
    }

    Reply get(String path) throws InterruptedException {
        return send(request(path).GET());
    }

    Reply post(String path, String json) throws InterruptedException {
        return send(request(path).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(timeout);
        bearer.ifPresent(v -> b.header("authorization", v));
        return b;
    }

    private Reply send(HttpRequest.Builder b) throws InterruptedException {
        Optional<HttpResponse<String>> sent = CliHttp.send(b.build(), port, err);
        if (sent.isEmpty()) {
            return new Reply(null, "", NOT_RUNNING);
        }
        Optional<JsonNode> parsed = CliHttp.envelope(sent.get(), port, err);
        if (parsed.isEmpty()) {
            return new Reply(null, sent.get().body(), NOT_RUNNING);
        }
        int status = sent.get().statusCode();
        if (status != 200) {
            String message = parsed.get().path("message").asText();
            err.println("refused (HTTP " + status + "): " + message + (status == 401
                    ? " (the key presented: OPS_API_KEY, else data/admin.key)" : ""));
            return new Reply(parsed.get(), sent.get().body(), REFUSED);
        }
        return new Reply(parsed.get(), sent.get().body(), 0);
    }
}

package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.config.Env;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * `./ops status`: what runs where — the port and whether the product answers and is ready, the data
 * directory, the version, and the health of each part (GET /ops/health). Exit 0 ready, 1 answering
 * but not ready (a part is down), 3 nothing answers on the port.
 */
public final class StatusCli {
    static final int NOT_READY = 1;
    static final int NOT_RUNNING = 3;

    private StatusCli() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(Env.system(), System.out, System.err));
    }

    static int run(Env env, PrintStream out, PrintStream err) throws InterruptedException {
        int port = env.getInt("OPS_HTTP_PORT", 8080);
        Path data = Path.of(env.get("OPS_DATA_DIR", "data")).toAbsolutePath().normalize();
        out.printf("data dir  %s (%s)%n", data, Files.isDirectory(data)
                ? (Files.exists(data.resolve("admin.key")) ? "admin key present" : "no admin key yet") : "not created yet");
        out.printf("version   %s%s%n", version(), env.get("OPS_STATUS_COMMIT", "").isBlank() ? ""
                : ", commit " + env.get("OPS_STATUS_COMMIT", ""));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ops/health"))
                .timeout(Duration.ofSeconds(10)).GET();
        CliAuth.bearer(CliAuth.token(env)).ifPresent(v -> b.header("authorization", v));
        java.util.Optional<HttpResponse<String>> sent = CliHttp.send(b.build(), port, err);
        if (sent.isEmpty()) {
            return NOT_RUNNING;
        }
        HttpResponse<String> r = sent.get();
        java.util.Optional<JsonNode> envelope = CliHttp.envelope(r, port, err);
        if (envelope.isEmpty()) {
            return NOT_RUNNING;
        }
        JsonNode health = envelope.get().path("data");
        boolean ready = health.path("ready").asBoolean(false);
        out.printf("product   answering on http://127.0.0.1:%d — %s%n", port, ready ? "ready" : "NOT READY");
        List<String> parts = new ArrayList<>();
        for (JsonNode c : health.path("components")) {
            parts.add(c.path("name").asText() + " " + c.path("status").asText());
        }
        out.println("parts     " + String.join(" · ", parts));
        return ready ? 0 : NOT_READY;
    }

    private static String version() {
        String v = StatusCli.class.getPackage() == null ? null : StatusCli.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT (from this checkout)" : v;
    }
}

package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.json.ModelJson;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * One request of a command-line tool to the product on 127.0.0.1: the response, or empty after one
 * line on stderr saying that nothing answers there (a user's mistake, never a stack trace).
 */
final class CliHttp {
    private CliHttp() {}

    static Optional<HttpResponse<String>> send(HttpRequest request, int port, PrintStream err)
            throws InterruptedException {
        try {
            return Optional.of(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (ConnectException e) {
            err.println("nothing answers on 127.0.0.1:" + port + " — is ./ops up running? (OPS_HTTP_PORT)");
        } catch (IOException e) {
            err.println("127.0.0.1:" + port + " did not answer: " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The response's JSON envelope, or empty after one line saying that what answers is not the gateway. */
    static Optional<JsonNode> envelope(HttpResponse<String> r, int port, PrintStream err) {
        try {
            return Optional.of(ModelJson.MAPPER.readTree(r.body()));
        } catch (IOException e) {
            err.println("127.0.0.1:" + port + " answers, but not as the OPS gateway (HTTP " + r.statusCode() + ")");
            return Optional.empty();
        }
    }
}

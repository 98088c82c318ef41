package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.model.ModelJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small REST client for the tests: every response is parsed as the JSON envelope. */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, JsonNode body, String raw) {
        JsonNode data() {
            return body.path("data");
        }
    }

    private final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Reply post(String path, String json) throws Exception {
        return post(path, json, null);
    }

    Reply post(String path, String json, String roles) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (roles != null) {
            b.header("x-ops-roles", roles);
        }
        return send(b.build());
    }

    Reply postBytes(String path, byte[] body, String contentType) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("content-type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build());
    }

    private static Reply send(HttpRequest req) throws Exception {
        HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = ModelJson.MAPPER.readTree(r.body());
        } catch (Exception e) {
            body = ModelJson.MAPPER.createObjectNode();
        }
        return new Reply(r.statusCode(), body, r.body());
    }

    static String ask(String question) {
        return ModelJson.MAPPER.createObjectNode().put("question", question).put("mode", "real").toString();
    }
}

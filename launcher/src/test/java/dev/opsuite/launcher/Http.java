package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.gateway.auth.Principal;
import dev.opsuite.kit.json.ModelJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;

/**
 * A small REST client for the tests: every response is parsed as the JSON envelope. A call "as"
 * some roles presents an API key holding them (minted once per stack); without roles a POST is
 * anonymous (a loopback viewer) and a GET reads as an operator, the role that reads assets and
 * every trace. Role strings that are not role names are sent as a forged x-ops-roles header.
 */
final class Http {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Reply(int status, JsonNode body, String raw) {
        JsonNode data() {
            return body.path("data");
        }
    }

    private final String base;
    private final AllInOne ops;
    private final String postRoles;

    /** Anonymous only. */
    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.ops = null;
        this.postRoles = null;
    }

    private Http(String base, AllInOne ops, String postRoles) {
        this.base = base;
        this.ops = ops;
        this.postRoles = postRoles;
    }

    /** The same client, posting as these roles when a call names none. */
    Http as(String roles) {
        return new Http(base, ops, roles);
    }

    Http(AllInOne ops) {
        this(ops, ops.httpPort());
    }

    /** A stack's keys, another gateway's port (one that shares the stack's key file). */
    Http(AllInOne ops, int port) {
        this("http://127.0.0.1:" + port, ops, null);
    }

    Reply post(String path, String json) throws Exception {
        return post(path, json, postRoles);
    }

    Reply post(String path, String json, String roles) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        as(b, roles);
        return send(b.build());
    }

    Reply postBytes(String path, byte[] body, String contentType) throws Exception {
        return postBytes(path, body, contentType, postRoles);
    }

    Reply postBytes(String path, byte[] body, String contentType, String roles) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("content-type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        as(b, roles);
        return send(b.build());
    }

    Reply get(String path) throws Exception {
        return get(path, ops == null ? null : "operator");
    }

    /** @param roles null or "" for an anonymous call */
    Reply get(String path, String roles) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        as(b, roles);
        return send(b.build());
    }

    /** A POST as these roles with one extra header (a W3C traceparent, …). */
    Reply post(String path, String json, String roles, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json").header(header, value)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        as(b, roles);
        return send(b.build());
    }

    /** Any request with one extra header, for the forged-credential cases. */
    Reply send(String method, String path, String json, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("content-type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (header != null) {
            b.header(header, value);
        }
        return send(b.build());
    }

    private void as(HttpRequest.Builder b, String roles) {
        if (roles == null || roles.isBlank()) {
            return;
        }
        boolean names = Arrays.stream(roles.split(",")).map(String::trim)
                .allMatch(r -> Principal.ROLE_NAME.matcher(r).matches());
        if (names && ops != null) {
            b.header("authorization", "Bearer " + TestKeys.token(ops, roles));
        } else {
            b.header("x-ops-roles", roles);
        }
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

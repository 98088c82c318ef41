package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.json.ModelJson;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * `./ops demo remove`: takes the bundled demo estate (every CI tagged origin "demo", with its
 * metrics, events, relations and graph nodes) out of the product running at OPS_HTTP_PORT; the
 * operator's own imports stay. To start without the demo at all: OPS_DEMO=false ./ops up.
 */
public final class DemoCli {
    private DemoCli() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !args[0].equals("remove")) {
            System.err.println("usage: ops demo remove   (removes the demo estate; your own imports stay)");
            System.exit(2);
        }
        Env env = Env.system();
        int port = env.getInt("OPS_HTTP_PORT", 8080);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ops/estate/demo/remove"))
                .timeout(Duration.ofMinutes(10)).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        CliAuth.bearer(CliAuth.token(env)).ifPresent(v -> b.header("authorization", v));
        HttpRequest req = b.build();
        HttpResponse<String> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(req, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            System.err.println("nothing answers on 127.0.0.1:" + port + " — is ./ops up running? (OPS_HTTP_PORT)");
            System.exit(3);
            return;
        }
        JsonNode body = ModelJson.MAPPER.readTree(r.body());
        if (r.statusCode() != 200) {
            System.err.println("demo not removed (HTTP " + r.statusCode() + "): " + body.path("message").asText());
            System.exit(1);
        }
        System.out.println("demo estate removed: " + body.path("data").path("removed_cis").asLong() + " CIs, "
                + body.path("data").path("removed_golden_queries").asLong() + " default golden queries about them, "
                + body.path("data").path("removed_documents").asLong() + " demo documents");
    }
}

package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.json.ModelJson;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * `./ops keys create --role R [--role R2 …] --name N | list | revoke ID`: API keys of the product
 * running at OPS_HTTP_PORT, managed with the admin key (OPS_API_KEY or the data directory's
 * admin.key). A created key's token is printed once, on standard output, and never again.
 */
public final class KeysCli {
    private static final String USAGE = """
            usage: ops keys create --role ROLE [--role ROLE ...] --name NAME
                   ops keys list
                   ops keys revoke KEY_ID
            roles: viewer, operator, reviewer, asset_admin, estate_admin, admin (or a role the Policy asset names)""";

    private KeysCli() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(args, Env.system()));
    }

    static int run(String[] args, Env env) throws Exception {
        if (args.length == 0) {
            System.err.println(USAGE);
            return 2;
        }
        String base = "http://127.0.0.1:" + env.getInt("OPS_HTTP_PORT", 8080);
        HttpRequest.Builder req;
        switch (args[0]) {
            case "create" -> {
                List<String> roles = new ArrayList<>();
                String name = null;
                for (int i = 1; i < args.length; i++) {
                    if (i + 1 >= args.length) {
                        System.err.println(USAGE);
                        return 2;
                    }
                    switch (args[i]) {
                        case "--role" -> roles.add(args[++i]);
                        case "--name" -> name = args[++i];
                        default -> {
                            System.err.println(USAGE);
                            return 2;
                        }
                    }
                }
                if (roles.isEmpty() || name == null) {
                    System.err.println(USAGE);
                    return 2;
                }
                ObjectNode body = ModelJson.MAPPER.createObjectNode().put("name", name);
                roles.forEach(body.putArray("roles")::add);
                req = HttpRequest.newBuilder(URI.create(base + "/ops/keys"))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
            }
            case "list" -> req = HttpRequest.newBuilder(URI.create(base + "/ops/keys")).GET();
            case "revoke" -> {
                if (args.length != 2) {
                    System.err.println(USAGE);
                    return 2;
                }
                req = HttpRequest.newBuilder(URI.create(base + "/ops/keys/"
                                + URLEncoder.encode(args[1], StandardCharsets.UTF_8) + "/revoke"))
                        .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
            }
            default -> {
                System.err.println(USAGE);
                return 2;
            }
        }
        CliAuth.bearer(CliAuth.token(env)).ifPresent(v -> req.header("authorization", v));
        HttpResponse<String> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(req.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            System.err.println("nothing answers on " + base + " — is ./ops up running? (OPS_HTTP_PORT)");
            return 3;
        }
        JsonNode body;
        try {
            body = ModelJson.MAPPER.readTree(r.body());
        } catch (Exception e) {
            body = ModelJson.MAPPER.createObjectNode().put("message", r.body());
        }
        if (r.statusCode() != 200) {
            System.err.println("refused (HTTP " + r.statusCode() + "): " + body.path("message").asText());
            return 1;
        }
        JsonNode data = body.path("data");
        switch (args[0]) {
            case "create" -> {
                System.err.println("created key " + data.path("key").path("id").asText() + " " + data.path("key")
                        .path("roles") + " — the token below is shown once; store it now:");
                System.out.println(data.path("token").asText());
            }
            case "list" -> {
                System.out.printf("%-12s  %-24s  %-40s  %-24s  %s%n", "ID", "NAME", "ROLES", "CREATED", "REVOKED");
                for (JsonNode k : data.path("keys")) {
                    System.out.printf("%-12s  %-24s  %-40s  %-24s  %s%n", k.path("id").asText(), k.path("name").asText(),
                            String.join(",", ModelJson.MAPPER.convertValue(k.path("roles"), String[].class)),
                            k.path("created_at").asText(), k.path("revoked_at").asText("-").isEmpty() ? "-"
                                    : k.path("revoked_at").asText("-"));
                }
            }
            default -> System.out.println("revoked " + data.path("key").path("id").asText() + " at "
                    + data.path("key").path("revoked_at").asText());
        }
        return 0;
    }
}

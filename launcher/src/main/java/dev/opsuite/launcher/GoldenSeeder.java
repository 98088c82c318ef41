package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.config.DataFiles;
import dev.opsuite.kit.json.ModelJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the default golden set ({@code golden.json} beside the default assets) once, through the
 * same route operators use: {@code POST /ops/golden-queries} without a baseline, so each is asked now
 * and that answer becomes its baseline. The names created (or found already there) are kept in a
 * marker in the data directory, so a query an operator deletes stays deleted and a later start
 * creates only what failed or what a newer seed added. Without the demo estate (OPS_DEMO=false, or a data
 * directory whose estate holds none of the demo's CIs), the questions about demo CIs
 * ({@code "estate": "demo"}) are left out. Runs off the start path (see {@link AllInOne}).
 */
final class GoldenSeeder {
    private static final Logger log = LoggerFactory.getLogger(GoldenSeeder.class);
    static final String FILE = "golden.json";
    static final String MARKER = "golden-defaults.json";
    private static final long MAX_FILE_BYTES = 1024 * 1024;
    private static final int MAX_QUERIES = 200;
    private static final int MAX_TRIES = 20;

    /** What a seeding did: created now, found already in the store, left out (no demo), and failed (name: why). */
    record Outcome(int created, int alreadyThere, int leftOut, List<String> failed) {
        Outcome {
            failed = List.copyOf(failed);
        }
    }

    private final Path seedFile;
    private final Path marker;
    private final int httpPort;
    private final dev.opsuite.gateway.auth.ApiKeys keys;
    private final boolean demo;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** @param demo whether the demo estate is there (loaded or found), not whether OPS_DEMO asked for it */
    GoldenSeeder(LauncherConfig config, boolean demo, int httpPort, dev.opsuite.gateway.auth.ApiKeys keys) {
        this.seedFile = config.assetSeedDir().resolve(FILE);
        this.marker = config.dataDir().resolve(MARKER);
        this.httpPort = httpPort;
        this.keys = keys;
        this.demo = demo;
    }

    Outcome seed() throws IOException, InterruptedException {
        if (!Files.isRegularFile(seedFile)) {
            log.info("default golden set: no {}; none created", seedFile);
            return new Outcome(0, 0, 0, List.of());
        }
        List<JsonNode> queries = read(seedFile);
        Set<String> done = marked();
        List<JsonNode> todo = select(queries, done, demo);
        int leftOut = (int) queries.stream().filter(q -> !done.contains(q.path("name").asText())).count() - todo.size();
        if (leftOut > 0) {
            log.info("default golden set: no demo estate (OPS_DEMO=false, or an estate without the demo's CIs), {} golden"
                    + " queries about demo CIs left out", leftOut);
        }
        if (todo.isEmpty()) {
            log.info("default golden set: {} of {} already created; none created now", done.size(), queries.size());
            return new Outcome(0, 0, leftOut, List.of());
        }
        long t0 = System.nanoTime();
        var key = keys.create("golden-defaults", List.of("asset_admin"));
        try {
            Set<String> existing = new LinkedHashSet<>();
            Reply listed = call("GET", "/ops/golden-queries", null, key.token());
            if (listed.status() != 200) {
                throw new IOException("listing golden queries: " + listed.status() + " " + listed.message());
            }
            listed.body().path("data").path("queries").forEach(q -> existing.add(q.path("name").asText()));
            int created = 0;
            int there = 0;
            List<String> failed = new ArrayList<>();
            for (JsonNode q : todo) {
                String name = q.path("name").asText();
                if (existing.contains(name)) {
                    there++;
                } else {
                    Reply r = call("POST", "/ops/golden-queries", request(q).toString(), key.token());
                    if (r.status() != 200) {
                        failed.add(name + ": " + r.status() + " " + r.message());
                        log.warn("default golden set: '{}' not created ({} {}); tried again at the next start", name,
                                r.status(), r.message());
                        continue;
                    }
                    created++;
                }
                done.add(name);
                mark(done);
            }
            log.info("default golden set: {} created with baselines, {} already there, {} failed, in {} ms", created,
                    there, failed.size(), (System.nanoTime() - t0) / 1_000_000);
            return new Outcome(created, there, leftOut, failed);
        } finally {
            keys.revoke(key.key().id());
        }
    }

    /** What is still to create: not in the marker, and about demo CIs only when the demo estate is there. */
    static List<JsonNode> select(List<JsonNode> queries, Set<String> done, boolean demo) {
        return queries.stream().filter(q -> !done.contains(q.path("name").asText()))
                .filter(q -> demo || !"demo".equals(q.path("estate").asText())).toList();
    }

    static List<JsonNode> read(Path seedFile) throws IOException {
        if (Files.size(seedFile) > MAX_FILE_BYTES) {
            throw new IOException(seedFile + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        JsonNode root = ModelJson.MAPPER.readTree(seedFile.toFile());
        if (!root.path("queries").isArray() || root.path("queries").size() > MAX_QUERIES) {
            throw new IOException(seedFile + " must hold \"queries\": an array of at most " + MAX_QUERIES);
        }
        List<JsonNode> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode q : root.path("queries")) {
            if (!q.path("name").isTextual() || !q.path("question").isTextual() || !names.add(q.path("name").asText())) {
                throw new IOException(seedFile + ": every query needs a unique name and a question: " + q);
            }
            out.add(q);
        }
        return out;
    }

    /** The request as CreateGoldenQuery takes it: the file's own fields "estate" and others are not sent. */
    private static ObjectNode request(JsonNode q) {
        ObjectNode r = ModelJson.MAPPER.createObjectNode();
        for (String f : List.of("name", "question", "tags", "bound_assets", "expectations", "mode")) {
            if (q.has(f)) {
                r.set(f, q.get(f));
            }
        }
        return r;
    }

    private Set<String> marked() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        if (Files.isRegularFile(marker)) {
            ModelJson.MAPPER.readTree(marker.toFile()).path("created").forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private void mark(Set<String> done) throws IOException {
        ObjectNode m = ModelJson.MAPPER.createObjectNode();
        m.put("about", "default golden queries created from " + FILE + " (or found there); these are not created "
                + "again, even when deleted");
        m.put("updated_at", Instant.now().toString());
        ArrayNode names = m.putArray("created");
        done.forEach(names::add);
        DataFiles.writeAtomically(marker, ModelJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(m), false);
    }

    private record Reply(int status, JsonNode body) {
        String message() {
            return body.path("message").asText(body.toString());
        }
    }

    /** One call; a 429 or 503 (limits, load shedding) waits and tries again, a bounded number of times. */
    private Reply call(String method, String path, String json, String token) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .timeout(Duration.ofMinutes(2)).header("authorization", "Bearer " + token);
            if (json == null) {
                b.GET();
            } else {
                b.header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            }
            HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body;
            try {
                body = ModelJson.MAPPER.readTree(resp.body());
            } catch (IOException e) {
                body = ModelJson.MAPPER.createObjectNode().put("message", resp.body());
            }
            if ((resp.statusCode() != 429 && resp.statusCode() != 503) || attempt >= MAX_TRIES) {
                return new Reply(resp.statusCode(), body == null ? ModelJson.MAPPER.createObjectNode() : body);
            }
            Thread.sleep(Math.min(5_000, 250L * attempt));
        }
    }
}

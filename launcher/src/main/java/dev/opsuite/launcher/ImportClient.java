package dev.opsuite.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.json.ModelJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends an estate directory's CSV files to a running gateway (POST /ops/import/{kind}), in the
 * order that keeps references valid: cis, relations, metrics, events. Files stream from disk.
 */
public final class ImportClient {
    public static final List<String> ORDER = List.of("cis", "relations", "metrics", "events");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final java.util.Optional<String> token;

    /** @param token the API key to present (an estate_admin's), or empty for an anonymous call */
    public ImportClient(String host, int port, java.util.Optional<String> token) {
        this.base = "http://" + host + ":" + port;
        this.token = token;
    }

    public record Result(String file, int status, JsonNode body) {
        public boolean ok() {
            return status == 200;
        }
    }

    /** Imports every known file present in dir; stops at the first failure. */
    public List<Result> importDirectory(Path dir) throws IOException, InterruptedException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + " is not a directory");
        }
        List<Result> results = new ArrayList<>();
        boolean any = false;
        for (String kind : ORDER) {
            Path file = dir.resolve(kind + ".csv");
            if (!Files.exists(file)) {
                continue;
            }
            any = true;
            Result r = importFile(kind, file);
            results.add(r);
            if (!r.ok()) {
                break;
            }
        }
        if (!any) {
            throw new IOException("no cis.csv, relations.csv, metrics.csv or events.csv in " + dir);
        }
        return results;
    }

    public Result importFile(String kind, Path file) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/ops/import/" + kind + "?file_name="
                        + file.getFileName()))
                .header("content-type", "text/csv; charset=utf-8")
                .timeout(Duration.ofMinutes(60))
                .POST(HttpRequest.BodyPublishers.ofFile(file));
        CliAuth.bearer(token).ifPresent(v -> b.header("authorization", v));
        HttpRequest req = b.build();
        HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
        JsonNode body;
        try {
            body = ModelJson.MAPPER.readTree(resp.body());
        } catch (IOException e) {
            body = ModelJson.MAPPER.createObjectNode().put("message", resp.body());
        }
        return new Result(file.getFileName().toString(), resp.statusCode(), body);
    }
}

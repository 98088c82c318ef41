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
import java.util.stream.Stream;

/**
 * Sends an estate directory's CSV files to a running gateway (POST /ops/import/{kind}), in the
 * order that keeps references valid: cis, relations, metrics, events, then each document of its
 * {@code docs/} folder (POST /ops/import/document, its path relative to docs/ as the file name).
 * Files stream from disk.
 */
public final class ImportClient {
    public static final List<String> ORDER = List.of("cis", "relations", "metrics", "events");
    /** How often one file is sent again after a 429 (the per-caller rate limit), waiting as the gateway says. */
    static final int MAX_RETRIES = 5;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final java.util.Optional<String> token;
    private final UploadProgress progress;

    /** @param token the API key to present (an estate_admin's), or empty for an anonymous call */
    public ImportClient(String host, int port, java.util.Optional<String> token) {
        this(host, port, token, null);
    }

    /** @param progress where the CSV files' upload progress goes (`./ops import`), or null for none */
    ImportClient(String host, int port, java.util.Optional<String> token, UploadProgress progress) {
        this.base = "http://" + host + ":" + port;
        this.token = token;
        this.progress = progress;
    }

    public record Result(String file, int status, JsonNode body) {
        public boolean ok() {
            return status == 200;
        }
    }

    /** The folder of an import directory that holds its documents. */
    public static final String DOCS = "docs";

    /**
     * Imports every known file present in dir; the CSV files stop at the first failure (the later ones
     * refer to its rows), the documents are each imported or refused on their own.
     */
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
                return results;
            }
        }
        List<Path> docs = documents(dir);
        if (!any && docs.isEmpty()) {
            throw new IOException("no cis.csv, relations.csv, metrics.csv, events.csv or docs/ in " + dir);
        }
        for (Path doc : docs) {
            results.add(importDocument(dir.resolve(DOCS), doc));
        }
        return results;
    }

    /** The documents under dir/docs (.md, .markdown, .txt), in path order; none when there is no such folder. */
    public static List<Path> documents(Path dir) throws IOException {
        Path docs = dir.resolve(DOCS);
        if (!Files.isDirectory(docs)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(docs)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches("(?i).+\\.(md|markdown|txt)"))
                    .sorted().toList();
        }
    }

    /** One document, named by its path relative to the docs folder (its identity in the collection). */
    public Result importDocument(Path docsRoot, Path file) throws IOException, InterruptedException {
        String rel = docsRoot.relativize(file).toString().replace('\\', '/');
        return post("document", rel, file, "text/markdown; charset=utf-8");
    }

    public Result importFile(String kind, Path file) throws IOException, InterruptedException {
        return post(kind, file.getFileName().toString(), file, "text/csv; charset=utf-8", progress);
    }

    private Result post(String kind, String name, Path file, String type) throws IOException, InterruptedException {
        return post(kind, name, file, type, null);
    }

    /**
     * Sends one file. When its progress is shown and it is large enough, the gateway is asked for its
     * progress as Server-Sent Events (Accept: text/event-stream): each progress event goes to the
     * progress line, the result or error event is the answer, as the plain answer would have said it.
     */
    private Result post(String kind, String name, Path file, String type, UploadProgress shown)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher fileBody = HttpRequest.BodyPublishers.ofFile(file);
        boolean watched = shown != null && shown.shows(fileBody.contentLength());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/ops/import/" + kind + "?file_name="
                        + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)))
                .header("content-type", type)
                .timeout(Duration.ofMinutes(60))
                .POST(shown == null ? fileBody : shown.wrap(name, fileBody));
        if (watched) {
            b.header("accept", "text/event-stream");
        }
        CliAuth.bearer(token).ifPresent(v -> b.header("authorization", v));
        HttpRequest req = b.build();
        // a folder of many documents meets the per-caller rate limit: wait as told and send again (bounded)
        for (int tries = 0; ; tries++) {
            HttpResponse<Stream<String>> resp = shown == null ? http.send(req, HttpResponse.BodyHandlers.ofLines())
                    : shown.await(name, http.sendAsync(req, HttpResponse.BodyHandlers.ofLines()));
            if (resp.statusCode() != 429 || tries >= MAX_RETRIES) {
                return answer(name, resp, watched ? shown : null);
            }
            resp.body().close();
            long seconds = resp.headers().firstValue("retry-after").map(v -> {
                try {
                    return Long.parseLong(v.strip());
                } catch (NumberFormatException e) {
                    return 1L;
                }
            }).orElse(1L);
            Thread.sleep(Math.min(10, Math.max(1, seconds)) * 1000L);
        }
    }

    /** The plain answer's envelope, or the events' result (enveloped as the plain answer is) or error. */
    private static Result answer(String name, HttpResponse<Stream<String>> resp, UploadProgress shown)
            throws IOException {
        try (Stream<String> lines = resp.body()) {
            boolean events = resp.headers().firstValue("content-type").orElse("").startsWith("text/event-stream");
            if (resp.statusCode() == 200 && events) {
                Result r = SseLines.read(lines.iterator(), (event, d) -> switch (event) {
                    case "progress" -> {
                        if (shown != null) {
                            shown.served(name, d);
                        }
                        yield null;
                    }
                    case "result" -> new Result(name, 200, ModelJson.MAPPER.createObjectNode().put("code", 0)
                            .put("message", "OK").set("data", d));
                    case "error" -> new Result(name, d.path("code").asInt(500), d);
                    default -> null;
                });
                if (shown != null) {
                    shown.ended();
                }
                if (r == null) {
                    throw new IOException("the import of " + name + " was cut off before its result");
                }
                return r;
            }
            String text = String.join("\n", lines.toList());
            JsonNode body = SseLines.json(text);
            return new Result(name, resp.statusCode(),
                    body != null ? body : ModelJson.MAPPER.createObjectNode().put("message", text));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }
}

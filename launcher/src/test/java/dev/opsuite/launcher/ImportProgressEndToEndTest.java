package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * #18: the product's own import progress — POST /ops/import/{kind} with Accept: text/event-stream
 * answers progress events from where the rows are read and written, then the plain answer's result or
 * error envelope; `./ops import` shows them. Large files (200,000 metric rows) of CIs of the test's own,
 * timestamped in 2021 so that no other suite's "now" sees them.
 */
class ImportProgressEndToEndTest {
    private static final int ROWS = 200_000;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static AllInOne ops;

    @BeforeAll
    static void up() throws Exception {
        ops = OpsStack.get();
        HttpResponse<InputStream> cis = post("cis", "cis.csv", """
                ci_code,ci_name,ci_type,status,environment,location,owner
                PRG001,progress-a,server,running,prod,dc9-test,test-team
                PRG002,progress-b,server,running,prod,dc9-test,test-team
                """.getBytes(StandardCharsets.UTF_8), null);
        assertEquals(200, cis.statusCode(), new String(cis.body().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aLargeFileStreamsRisingProgressThenTheResultThePlainImportAnswers(@TempDir Path dir) throws Exception {
        byte[] january = metrics(Instant.parse("2021-01-01T00:00:00Z"), -1);
        byte[] march = metrics(Instant.parse("2021-03-01T00:00:00Z"), -1);
        long started = System.nanoTime();
        List<SseEvents.Event> events = events(post("metrics", "metrics.csv", january, "text/event-stream"));
        double seconds = (System.nanoTime() - started) / 1e9;
        List<SseEvents.Event> progress = events.stream().filter(e -> e.name().equals("progress")).toList();
        SseEvents.Event last = events.get(events.size() - 1);
        assertEquals("result", last.name(), events.toString());
        assertEquals(events.size() - 1, progress.size(), "progress events, then the result: " + names(events));
        // one event as each pass begins (validate, copy, upsert), and more within the passes
        assertTrue(progress.size() >= 4, events.toString());
        assertEquals(List.of("validate", "copy", "upsert"),
                progress.stream().map(e -> e.data().path("phase").asText()).distinct().toList());
        long rows = -1;
        long bytes = -1;
        for (SseEvents.Event e : progress) {
            long r = e.data().path("rows_read").asLong() + e.data().path("rows_written").asLong();
            assertTrue(r >= rows && e.data().path("bytes_consumed").asLong() >= bytes, "rising: " + progress);
            rows = r;
            bytes = e.data().path("bytes_consumed").asLong();
            assertEquals(2L * january.length, e.data().path("bytes_total").asLong());
            assertEquals(0, e.data().path("rows_refused").asLong());
        }
        long midway = progress.stream().filter(e -> {
            long r = e.data().path("rows_read").asLong() + e.data().path("rows_written").asLong();
            return r > 0 && r < 2L * ROWS;
        }).count();
        assertTrue(midway >= 2, "events within the passes, not only at their starts: " + progress);
        assertEquals(2L * ROWS, rows, "validate read every row, copy wrote every row");
        // the product's rates and ETA agree with its own counts (no clock of ours involved)
        for (SseEvents.Event e : progress) {
            JsonNode d = e.data();
            long consumed = d.path("bytes_consumed").asLong();
            long ms = d.path("elapsed_ms").asLong();
            assertTrue(d.path("rows_per_second").asLong() >= 0 && d.path("bytes_per_second").asLong() >= 0, d.toString());
            if (ms > 0) {
                assertEquals(Math.round(consumed * 1000.0 / ms), d.path("bytes_per_second").asLong(), d.toString());
            }
            assertEquals(consumed > 0, d.has("eta_ms"), "an ETA once a byte is read: " + d);
            if (consumed > 0) {
                assertEquals(Math.round((double) (2L * january.length - consumed) * ms / consumed),
                        d.path("eta_ms").asLong(), d.toString());
            }
        }
        assertTrue(midway(progress).stream().anyMatch(d -> d.path("rows_per_second").asLong() > 0
                && d.path("eta_ms").asLong() > 0), "a rate and an ETA within the passes: " + progress);
        JsonNode upsert = progress.get(progress.size() - 1).data();
        assertEquals("upsert", upsert.path("phase").asText());
        assertEquals(0, upsert.path("eta_ms").asLong(), "every byte read once the upsert begins: " + upsert);

        JsonNode plain = ModelJson.MAPPER.readTree(post("metrics", "metrics.csv", march, null).body());
        assertEquals(0, plain.path("code").asInt(), plain.toString());
        assertEquals(withoutDuration(plain.path("data")), withoutDuration(last.data()));
        assertEquals(ROWS, last.data().path("rows_upserted").asLong());
        System.out.printf(Locale.ROOT, "import progress: %d rows, %.1f MB, %d progress events in %.1f s (%,.0f rows/s)%n",
                ROWS, january.length / 1e6, progress.size(), seconds, ROWS / seconds);
    }

    @Test
    void aFileMalformedMidwayEndsWithTheErrorEnvelopeThePlainImportAnswers() throws Exception {
        byte[] bad = metrics(Instant.parse("2021-05-01T00:00:00Z"), ROWS * 3 / 4);
        List<SseEvents.Event> events = events(post("metrics", "metrics.csv", bad, "text/event-stream"));
        SseEvents.Event last = events.get(events.size() - 1);
        assertEquals("error", last.name(), events.toString());
        assertTrue(events.subList(0, events.size() - 1).stream().allMatch(e -> e.name().equals("progress")
                && e.data().path("phase").asText().equals("validate")), "nothing was written: " + names(events));
        HttpResponse<InputStream> plainReply = post("metrics", "metrics.csv", bad, null);
        assertEquals(400, plainReply.statusCode());
        JsonNode plain = ModelJson.MAPPER.readTree(plainReply.body());
        assertEquals(withoutTime(plain), withoutTime(last.data()));
        String message = last.data().path("message").asText();
        assertTrue(message.contains("line " + (ROWS * 3 / 4 + 2)) && message.contains("value"), message);
    }

    @Test
    void acceptValuesThatDoNotAskForEventsGetThePlainAnswer() throws Exception {
        byte[] cis = "ci_code,ci_name,ci_type,status,environment,location,owner\nPRG001,progress-a,server,running,prod,dc9-test,test-team\n"
                .getBytes(StandardCharsets.UTF_8);
        for (String accept : List.of("application/json", "*/*", "text/*", "text/event-stream;q=0",
                "application/x-ndjson", "text/event-stream;;;=", "not a media type", "")) {
            HttpResponse<InputStream> r = post("cis", "cis.csv", cis, accept.isEmpty() ? null : accept);
            assertEquals(200, r.statusCode(), accept);
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), accept);
            JsonNode body = ModelJson.MAPPER.readTree(r.body());
            assertEquals("OK", body.path("message").asText(), accept + ": " + body);
            assertEquals(1, body.path("data").path("rows_read").asLong(), accept + ": " + body);
        }
        // what docs/getting-started.md shows of a small file: each pass's first event, then the result
        String raw = new String(post("cis", "cis.csv", cis, "text/event-stream").body().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(raw.startsWith("event:progress\ndata:{\"phase\":\"validate\",\"rows_read\":0,"), raw);
        for (String phase : List.of("copy", "upsert", "graph")) {
            assertTrue(raw.contains("event:progress\ndata:{\"phase\":\"" + phase + "\",\"rows_read\":1,"), raw);
        }
        assertTrue(raw.contains("event:result\ndata:{\"file_kind\":\"cis\",\"file_name\":\"cis.csv\",\"rows_read\":1,"
                + "\"rows_upserted\":0,"), raw);
        // a wrong kind is refused before any event: the plain error, as without events
        HttpResponse<InputStream> wrong = post("servers", "x.csv", cis, "text/event-stream");
        assertEquals(400, wrong.statusCode());
        assertTrue(ModelJson.MAPPER.readTree(wrong.body()).path("message").asText().contains("file kind"));
    }

    /**
     * The progress is the import's own answer, behind the import's door: a caller who may not import
     * (anonymous, or a key without estate_admin) asking for events gets the plain 403 envelope — no
     * event, not even a first one.
     */
    @Test
    void aCallerWhoMayNotImportGetsNoProgressOnlyTheRefusal() throws Exception {
        // small: an allowed caller gets a progress event as each pass begins even for two rows
        byte[] file = ("ts,ci_code,metric_name,value\n2021-09-01T00:00:00Z,PRG001,cpu_usage,1\n"
                + "2021-09-01T00:00:10Z,PRG002,cpu_usage,2\n").getBytes(StandardCharsets.UTF_8);
        for (java.util.Optional<String> key : List.of(java.util.Optional.<String>empty(),
                TestKeys.optional(ops, "operator,asset_admin"))) {
            HttpResponse<InputStream> r = post("metrics", "metrics.csv", file, "text/event-stream", key);
            String raw = new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(403, r.statusCode(), raw);
            assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"), raw);
            assertTrue(!raw.contains("event:") && !raw.contains("rows_read"), "no progress event: " + raw);
            JsonNode envelope = ModelJson.MAPPER.readTree(raw);
            assertEquals(403, envelope.path("code").asInt(), raw);
            assertTrue(envelope.path("message").asText().contains("estate_admin"), raw);
            assertTrue(envelope.has("time") && envelope.has("data"), raw);
        }
        // the same request from an estate_admin: the events the others did not get
        List<SseEvents.Event> allowed = events(post("metrics", "metrics.csv", file, "text/event-stream",
                TestKeys.optional(ops, "estate_admin")));
        assertEquals("progress", allowed.get(0).name(), allowed.toString());
        assertEquals("result", allowed.get(allowed.size() - 1).name(), allowed.toString());
        assertEquals(2, allowed.get(allowed.size() - 1).data().path("rows_read").asLong(), allowed.toString());
    }

    /** What `./ops import` shows of a large file: the upload, then the product's figures; the result as always. */
    @Test
    void theCliShowsTheProductsFigures(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("metrics.csv"), metrics(Instant.parse("2021-07-01T00:00:00Z"), -1));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        UploadProgress progress = new UploadProgress(new PrintStream(err, true, StandardCharsets.UTF_8), 0, 0, false);
        ImportClient.Result r = new ImportClient("127.0.0.1", ops.httpPort(), TestKeys.optional(ops, "estate_admin"),
                progress).importDirectory(dir).get(0);
        assertTrue(r.ok(), r.body().toString());
        assertEquals(ROWS, r.body().path("data").path("rows_upserted").asLong(), r.body().toString());
        List<String> served = err.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.matches("metrics\\.csv  (validate|copy|upsert) .*")).toList();
        assertTrue(served.stream().anyMatch(l -> l.matches(
                "metrics\\.csv  copy     [\\d,]+ rows  [\\d,]+ rows/s  [\\d.]+ MB/s  \\d+%  ETA .+")), err.toString());
        assertTrue(served.get(served.size() - 1).startsWith("metrics.csv  upsert   200,000 rows  storing"), served.toString());
    }

    /** The data of the events within the validate and copy passes (rows counted, not all of them yet). */
    private static List<JsonNode> midway(List<SseEvents.Event> progress) {
        return progress.stream().map(SseEvents.Event::data).filter(d -> {
            long r = d.path("rows_read").asLong() + d.path("rows_written").asLong();
            return r > 0 && r < 2L * ROWS;
        }).toList();
    }

    /** ROWS metric rows of PRG001/PRG002 from this instant on, a bad value on data row {@code badRow} (or none). */
    private static byte[] metrics(Instant from, int badRow) {
        StringBuilder csv = new StringBuilder(ROWS * 48).append("ts,ci_code,metric_name,value\n");
        String[] names = {"cpu_usage", "mem_usage", "disk_usage", "latency_ms"};
        for (int i = 0; i < ROWS; i++) {
            // 8 series (2 CIs x 4 metrics), one row each per 10 s
            csv.append(from.plusSeconds(10L * (i / 8))).append(',').append(i % 2 == 0 ? "PRG001" : "PRG002")
                    .append(',').append(names[i / 2 % 4]).append(',')
                    .append(i == badRow ? "lots" : String.valueOf(i % 97)).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<InputStream> post(String kind, String name, byte[] body, String accept) throws Exception {
        return post(kind, name, body, accept, TestKeys.optional(ops, "estate_admin"));
    }

    private static HttpResponse<InputStream> post(String kind, String name, byte[] body, String accept,
                                                  java.util.Optional<String> key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.httpPort() + "/ops/import/"
                        + kind + "?file_name=" + name)).timeout(Duration.ofMinutes(5))
                .header("content-type", "text/csv; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (accept != null) {
            b.header("accept", accept);
        }
        CliAuth.bearer(key).ifPresent(v -> b.header("authorization", v));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static List<SseEvents.Event> events(HttpResponse<InputStream> r) throws Exception {
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/event-stream"), r.headers().toString());
        try (InputStream in = r.body()) {
            return new SseEvents(in).all();
        }
    }

    private static List<String> names(List<SseEvents.Event> events) {
        return events.stream().map(e -> e.name() + ":" + e.data().path("phase").asText("")).toList();
    }

    private static JsonNode withoutDuration(JsonNode data) {
        return ((ObjectNode) data.deepCopy()).without("duration_ms");
    }

    private static JsonNode withoutTime(JsonNode envelope) {
        return ((ObjectNode) envelope.deepCopy()).without("time");
    }
}

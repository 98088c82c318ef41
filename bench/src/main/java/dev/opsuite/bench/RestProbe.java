package dev.opsuite.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.client.ClientFactory;
import com.linecorp.armeria.client.WebClient;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.MediaType;
import dev.opsuite.kit.json.ModelJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * REST calls of the benchmark over HTTP/1.1 keep-alive (as curl and most clients talk to the
 * gateway): the no-op GET /ops/ping and POST /ops/ci/ask. Ask answers are checked (HTTP 200,
 * envelope code 0, a trace id) on a sample, whose trace ids are kept for the per-stage split.
 */
final class RestProbe implements AutoCloseable {
    private final ClientFactory factory = ClientFactory.builder().idleTimeoutMillis(120_000).build();
    private final WebClient web;

    RestProbe(int port) {
        web = WebClient.builder("h1c://127.0.0.1:" + port).factory(factory).responseTimeoutMillis(30_000)
                .maxResponseLength(64L * 1024 * 1024).build();
    }

    /** One ask; completes with the HTTP status (0 when the request itself failed: a timeout, a reset). */
    java.util.concurrent.CompletableFuture<Integer> askStatus(String question) {
        String body = ModelJson.MAPPER.createObjectNode().put("question", question).put("mode", "real").toString();
        return web.prepare().post("/ops/ci/ask").content(MediaType.JSON_UTF_8, body).execute().aggregate()
                .thenApply(r -> r.status().code()).exceptionally(e -> 0);
    }

    LoadDriver.Call ping() {
        return () -> web.get("/ops/ping").aggregate().thenApply(r -> r.status().code() == 200);
    }

    /** Keeps up to {@code keep} trace ids, one every {@code every} answers. */
    static final class Sample {
        final List<String> traceIds = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong seen = new AtomicLong();
        final AtomicLong bad = new AtomicLong();
        volatile String firstAnswer;
        volatile String firstBad;
        private final int keep;
        private final int every;

        Sample(int keep, int every) {
            this.keep = keep;
            this.every = every;
        }
    }

    LoadDriver.Call ask(String question, Sample sample) {
        return ask(question, sample, null);
    }

    /** The ask with an API key's bearer token (null: the anonymous loopback caller). */
    LoadDriver.Call ask(String question, Sample sample, String token) {
        String body = ModelJson.MAPPER.createObjectNode().put("question", question).put("mode", "real").toString();
        return () -> {
            var req = web.prepare().post("/ops/ci/ask").content(MediaType.JSON_UTF_8, body);
            if (token != null) {
                req.header("authorization", "Bearer " + token);
            }
            return req.execute().aggregate().thenApply(r -> check(r, sample));
        };
    }

    /**
     * An ask that must fail as unanswered: HTTP 503 with the envelope's trace id (the question's store
     * is down). {@code sourceOverride} ("neo4j_graph@7") runs it against that Source version.
     */
    LoadDriver.Call askUnanswered(String question, String sourceOverride, String token) {
        ObjectNode b = ModelJson.MAPPER.createObjectNode().put("question", question).put("mode", "real");
        b.putObject("asset_overrides").put("source", sourceOverride);
        String body = b.toString();
        return () -> web.prepare().post("/ops/ci/ask").header("authorization", "Bearer " + token)
                .content(MediaType.JSON_UTF_8, body).execute().aggregate()
                .thenApply(r -> r.status().code() == 503 && r.contentUtf8().matches("(?s).*\"trace_id\"\\s*:\\s*\"[0-9a-f]{32}\".*"));
    }

    /** Saves a draft of a Source asset with another connection; returns its "name@version". */
    String draftSource(String adminToken, String name, ObjectNode connection) {
        AggregatedHttpResponse got = web.prepare().get("/ops/assets/source/" + name)
                .header("authorization", "Bearer " + adminToken).execute().aggregate().join();
        try {
            ObjectNode content = (ObjectNode) ModelJson.MAPPER.readTree(got.contentUtf8()).path("data").path("content");
            content.set("connection", connection);
            ObjectNode body = ModelJson.MAPPER.createObjectNode();
            body.set("content", content);
            AggregatedHttpResponse saved = web.prepare().post("/ops/assets/source/" + name)
                    .header("authorization", "Bearer " + adminToken).content(MediaType.JSON_UTF_8, body.toString())
                    .execute().aggregate().join();
            int version = ModelJson.MAPPER.readTree(saved.contentUtf8()).path("data").path("version").asInt(0);
            if (saved.status().code() != 200 || version == 0) {
                throw new IllegalStateException("draft of " + name + " not saved: " + saved.contentUtf8());
            }
            return name + "@" + version;
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("source " + name + " not readable: " + got.contentUtf8(), e);
        }
    }

    /** Mints an API key with these roles (needs the admin token); returns its bearer token. */
    String createKey(String adminToken, String name, List<String> roles) {
        ObjectNode body = ModelJson.MAPPER.createObjectNode().put("name", name);
        roles.forEach(body.putArray("roles")::add);
        AggregatedHttpResponse r = web.prepare().post("/ops/keys").header("authorization", "Bearer " + adminToken)
                .content(MediaType.JSON_UTF_8, body.toString()).execute().aggregate().join();
        try {
            String token = ModelJson.MAPPER.readTree(r.contentUtf8()).path("data").path("token").asText("");
            if (r.status().code() != 200 || token.isEmpty()) {
                throw new IllegalStateException("key creation failed: " + r.status() + " " + r.contentUtf8());
            }
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("key creation answered no JSON: " + r.contentUtf8(), e);
        }
    }

    private static boolean check(AggregatedHttpResponse r, Sample sample) {
        long n = sample.seen.getAndIncrement();
        boolean ok = r.status().code() == 200;
        if (ok && (n % sample.every != 0 || sample.traceIds.size() >= sample.keep) && sample.firstAnswer != null) {
            return true; // unsampled: the status is the check (parsing every answer would load the driver)
        }
        try {
            JsonNode env = ModelJson.MAPPER.readTree(r.contentUtf8());
            String traceId = env.path("data").path("meta").path("trace_id").asText("");
            ok = ok && env.path("code").asInt(-1) == 0 && !traceId.isEmpty();
            if (ok) {
                if (sample.firstAnswer == null) {
                    sample.firstAnswer = env.path("data").path("answer").asText("");
                }
                if (sample.traceIds.size() < sample.keep) {
                    sample.traceIds.add(traceId);
                }
            }
        } catch (IOException e) {
            ok = false;
        }
        if (!ok) {
            sample.bad.incrementAndGet();
            if (sample.firstBad == null) {
                String text = r.contentUtf8();
                sample.firstBad = r.status().code() + " " + text.substring(0, Math.min(300, text.length()));
            }
        }
        return ok;
    }

    /** GET /ops/traces/{id}: the stored trace, or null. */
    JsonNode trace(String traceId) {
        AggregatedHttpResponse r = web.get("/ops/traces/" + traceId).aggregate().join();
        if (r.status().code() != 200) {
            return null;
        }
        try {
            return ModelJson.MAPPER.readTree(r.contentUtf8()).path("data");
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The per-stage split of sampled traces: for each stage, mean and p50 of duration_ms; tool time
     * (sum of tool_calls elapsed_ms per trace); the trace's own duration_ms.
     */
    ObjectNode split(List<String> traceIds) {
        java.util.Map<String, List<Integer>> stages = new java.util.LinkedHashMap<>();
        List<Integer> tools = new ArrayList<>();
        List<Integer> totals = new ArrayList<>();
        int fetched = 0;
        int ok = 0;
        for (String id : List.copyOf(traceIds)) {
            JsonNode t = trace(id);
            if (t == null) {
                continue;
            }
            fetched++;
            ok += "success".equals(t.path("status").asText()) ? 1 : 0;
            totals.add(t.path("duration_ms").asInt());
            for (JsonNode s : t.path("stage_outputs")) {
                stages.computeIfAbsent(s.path("stage").asText(), k -> new ArrayList<>()).add(s.path("duration_ms").asInt());
            }
            int tool = 0;
            for (JsonNode c : t.path("tool_calls")) {
                tool += c.path("elapsed_ms").asInt();
            }
            tools.add(tool);
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("traces_sampled", traceIds.size()).put("traces_fetched", fetched).put("traces_success", ok);
        out.set("trace_duration_ms", dist(totals));
        out.set("tool_elapsed_ms", dist(tools));
        ObjectNode st = out.putObject("stages_ms");
        stages.forEach((k, v) -> st.set(k, dist(v)));
        return out;
    }

    static ObjectNode dist(List<Integer> values) {
        ObjectNode d = JsonNodeFactory.instance.objectNode();
        if (values.isEmpty()) {
            return d.put("n", 0);
        }
        int[] v = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        double mean = java.util.Arrays.stream(v).average().orElse(0);
        return d.put("n", v.length).put("mean", Math.round(mean * 100) / 100.0).put("p50", v[(v.length - 1) / 2])
                .put("p99", v[Math.max(0, (int) Math.ceil(0.99 * v.length) - 1)]).put("max", v[v.length - 1]);
    }

    @Override
    public void close() {
        factory.close();
    }
}

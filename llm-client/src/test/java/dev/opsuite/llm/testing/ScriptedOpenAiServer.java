package dev.opsuite.llm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A local HTTP server speaking the OpenAI chat-completions wire protocol (POST
 * /v1/chat/completions) over real sockets, answering from a script: completions with content,
 * usage and finish_reason, error statuses, delays before the answer, and bodies written slowly
 * in chunks. Every request is kept for assertions. For tests only.
 */
public final class ScriptedOpenAiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted answer. */
    public record Step(int status, String body, long delayMs, int chunks, long chunkDelayMs) {
        public static Step completion(String content) {
            return completion(content, "stop", 120, 40);
        }

        public static Step completion(String content, String finishReason, int promptTokens, int completionTokens) {
            ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion")
                    .put("created", 1_764_000_000L).put("model", "test-model-2026");
            ObjectNode choice = root.putArray("choices").addObject().put("index", 0).put("finish_reason", finishReason);
            choice.putObject("message").put("role", "assistant").put("content", content);
            choice.putNull("logprobs");
            root.putObject("usage").put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                    .put("total_tokens", promptTokens + completionTokens);
            return new Step(200, root.toString(), 0, 1, 0);
        }

        public static Step error(int status) {
            String body = "{\"error\":{\"message\":\"scripted " + status + "\",\"type\":\"server_error\",\"code\":null}}";
            return new Step(status, body, 0, 1, 0);
        }

        /** The answer after a pause before any byte is sent. */
        public Step delayed(long ms) {
            return new Step(status, body, ms, chunks, chunkDelayMs);
        }

        /** The body written in {@code n} pieces with a pause between them. */
        public Step trickled(int n, long pauseMs) {
            return new Step(status, body, delayMs, n, pauseMs);
        }
    }

    /** A request as received: path, headers and body. */
    public record Received(String path, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The content of the last user message. */
        public String lastUserMessage() {
            String last = "";
            for (JsonNode m : json().path("messages")) {
                if ("user".equals(m.path("role").asText())) {
                    last = m.path("content").asText();
                }
            }
            return last;
        }
    }

    private final HttpServer server;
    private final Deque<Step> script = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();
    private volatile Function<Received, Step> responder = r -> Step.error(500);

    public ScriptedOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** The base URL an OpenAI client is given (…/v1). */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public synchronized ScriptedOpenAiServer then(Step... steps) {
        script.addAll(List.of(steps));
        return this;
    }

    /** Answers computed from the request once the script is used up. */
    public ScriptedOpenAiServer otherwise(Function<Received, Step> f) {
        responder = f;
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    public synchronized void reset() {
        script.clear();
        received.clear();
        responder = r -> Step.error(500);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Received r = new Received(ex.getRequestURI().getPath(), Map.copyOf(ex.getRequestHeaders()), body);
            Step step;
            synchronized (this) {
                received.add(r);
                step = script.pollFirst();
            }
            if (!r.path().endsWith("/chat/completions") || !"POST".equals(ex.getRequestMethod())) {
                step = new Step(404, "{\"error\":{\"message\":\"not found\"}}", 0, 1, 0);
            } else if (step == null) {
                step = responder.apply(r);
            }
            pause(step.delayMs());
            byte[] bytes = step.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("content-type", "application/json");
            ex.sendResponseHeaders(step.status(), bytes.length);
            OutputStream out = ex.getResponseBody();
            int n = Math.max(1, step.chunks());
            int size = (bytes.length + n - 1) / n;
            for (int off = 0; off < bytes.length; off += size) {
                out.write(bytes, off, Math.min(size, bytes.length - off));
                out.flush();
                if (off + size < bytes.length) {
                    pause(step.chunkDelayMs());
                }
            }
        } catch (IOException e) {
            // the client gave up (timeout): nothing to answer
        }
    }

    private static void pause(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}

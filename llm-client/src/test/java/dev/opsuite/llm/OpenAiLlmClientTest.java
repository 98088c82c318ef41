package dev.opsuite.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.config.Env;
import dev.opsuite.llm.testing.ScriptedOpenAiServer;
import dev.opsuite.llm.testing.ScriptedOpenAiServer.Step;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The openai-java adapter against a real local server speaking the chat-completions protocol. */
class OpenAiLlmClientTest {
    private static final String KEY = "sk-test-0123456789abcdef";
    private ScriptedOpenAiServer server;
    private LlmClient client;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedOpenAiServer();
        client = LlmClients.create(LlmConfig.from(Env.of(Map.of("OPENAI_BASE_URL", server.baseUrl(),
                "OPENAI_API_KEY", KEY, "OPS_LLM_MODEL", "test-model", "OPS_LLM_TIMEOUT_MS", "1500",
                "OPS_LLM_MAX_RETRIES", "2", "OPS_LLM_BACKOFF_MS", "20")))).orElseThrow();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static LlmRequest request(Map<String, Object> schema) {
        return new LlmRequest(List.of(LlmMessage.system("plan it"), LlmMessage.user("cpu of SVR001?")), "plan_output",
                schema, true, 0.0, 300, Instant.now().plusSeconds(10));
    }

    @Test
    void completionCarriesUsageFinishReasonAndTheSchema() {
        server.then(Step.completion("{\"kind\":\"plan\"}", "stop", 321, 45));
        Map<String, Object> schema = Map.of("type", "object", "additionalProperties", false,
                "properties", Map.of("kind", Map.of("type", "string")), "required", List.of("kind"));
        LlmReply r = client.complete(request(schema));
        assertEquals("{\"kind\":\"plan\"}", r.content());
        assertEquals(321, r.promptTokens());
        assertEquals(45, r.completionTokens());
        assertEquals("stop", r.finishReason());
        assertEquals("test-model-2026", r.model());
        assertEquals(0, r.retries());

        ScriptedOpenAiServer.Received got = server.received().get(0);
        assertEquals("/v1/chat/completions", got.path());
        JsonNode body = got.json();
        assertEquals("test-model", body.path("model").asText());
        assertEquals("json_schema", body.path("response_format").path("type").asText());
        JsonNode js = body.path("response_format").path("json_schema");
        assertEquals("plan_output", js.path("name").asText());
        assertTrue(js.path("strict").asBoolean());
        assertFalse(js.path("schema").path("additionalProperties").asBoolean(true));
        assertEquals("cpu of SVR001?", got.lastUserMessage());
        String auth = got.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("authorization"))
                .findFirst().orElseThrow().getValue().get(0);
        assertEquals("Bearer " + KEY, auth);
    }

    @Test
    void rateLimitIsRetriedThenSucceeds() {
        server.then(Step.error(429), Step.completion("ok"));
        LlmReply r = client.complete(request(null));
        assertEquals("ok", r.content());
        assertEquals(1, r.retries());
        assertEquals(2, server.received().size());
        assertTrue(server.received().get(0).json().path("response_format").isMissingNode());
    }

    @Test
    void serverErrorsExhaustTheRetries() {
        server.then(Step.error(500), Step.error(502), Step.error(503), Step.completion("too late"));
        LlmException e = assertThrows(LlmException.class, () -> client.complete(request(null)));
        assertEquals(LlmException.Kind.SERVER_ERROR, e.kind());
        assertEquals(2, e.retries());
        assertEquals(3, server.received().size());
        assertTrue(e.summary().contains("HTTP 503"), e.summary());
    }

    @Test
    void aBadRequestIsNotRetried() {
        server.then(Step.error(400), Step.completion("unused"));
        LlmException e = assertThrows(LlmException.class, () -> client.complete(request(null)));
        assertEquals(LlmException.Kind.REFUSED, e.kind());
        assertEquals(1, server.received().size());
    }

    @Test
    void noAnswerWithinTheTimeoutIsATimeoutAndNotRetried() {
        server.then(Step.completion("late").delayed(4000));
        LlmException e = assertThrows(LlmException.class, () -> client.complete(request(null)));
        assertEquals(LlmException.Kind.TIMEOUT, e.kind());
        assertEquals(0, e.retries());
        assertEquals(1, server.received().size());
    }

    @Test
    void aSlowlyWrittenBodyIsReadWhole() {
        server.then(Step.completion("{\"kind\":\"direct\",\"reason\":\"slow but complete\"}").trickled(6, 80));
        LlmReply r = client.complete(request(null));
        assertEquals("{\"kind\":\"direct\",\"reason\":\"slow but complete\"}", r.content());
    }

    @Test
    void aPassedDeadlineStopsBeforeCalling() {
        LlmRequest late = new LlmRequest(List.of(LlmMessage.user("q")), null, null, false, null, null,
                Instant.now().minusSeconds(1));
        LlmException e = assertThrows(LlmException.class, () -> client.complete(late));
        assertEquals(LlmException.Kind.TIMEOUT, e.kind());
        assertTrue(server.received().isEmpty());
    }

    @Test
    void theKeyAndSensitiveFieldsAreMasked() {
        Masker m = client.masker();
        String masked = m.mask("key " + KEY + " {\"password\": \"hunter22\", \"db_token\":\"abc\"} token=xyz123 Bearer abcdefgh");
        assertFalse(masked.contains(KEY));
        assertFalse(masked.contains("hunter22"));
        assertFalse(masked.contains("abc\""));
        assertFalse(masked.contains("xyz123"));
        assertFalse(masked.contains("abcdefgh"));
        assertTrue(masked.contains("\"password\": \"***\""), masked);
    }

    @Test
    void completionTokensAndPromptSizeAreCappedByConfiguration() {
        try (LlmClient capped = LlmClients.create(LlmConfig.from(Env.of(Map.of("OPENAI_BASE_URL", server.baseUrl(),
                "OPENAI_API_KEY", KEY, "OPS_LLM_MODEL", "test-model", "OPS_LLM_MAX_TOKENS", "100",
                "OPS_LLM_MAX_PROMPT_CHARS", "200")))).orElseThrow()) {
            server.then(Step.completion("{\"kind\":\"plan\"}", "stop", 10, 5));
            capped.complete(request(null)); // the asset asked for 300
            assertEquals(100, server.received().get(0).json().path("max_completion_tokens").asInt());
            LlmException e = org.junit.jupiter.api.Assertions.assertThrows(LlmException.class, () -> capped.complete(
                    new LlmRequest(List.of(LlmMessage.user("x".repeat(500))), null, null, false, null, null,
                            Instant.now().plusSeconds(10))));
            assertTrue(e.getMessage().contains("OPS_LLM_MAX_PROMPT_CHARS"), e.getMessage());
            assertEquals(1, server.received().size(), "an oversized prompt is never sent");
        }
    }

    @Test
    void withoutAModelNoClientIsBuilt() {
        assertTrue(LlmClients.create(LlmConfig.from(Env.of(Map.of("OPENAI_BASE_URL", server.baseUrl(),
                "OPS_LLM_MODEL", "")))).isEmpty());
        assertFalse(LlmConfig.from(Env.of(Map.of("OPS_LLM_MODEL", "m", "OPENAI_API_KEY", KEY))).toString().contains(KEY));
    }
}

package dev.opsuite.llm.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.ResponseFormatJsonSchema;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.opsuite.llm.LlmClient;
import dev.opsuite.llm.LlmConfig;
import dev.opsuite.llm.LlmException;
import dev.opsuite.llm.LlmMessage;
import dev.opsuite.llm.LlmReply;
import dev.opsuite.llm.LlmRequest;
import dev.opsuite.llm.Masker;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LlmClient adapter over openai-java (chat completions, OkHttp). The SDK's own retries are
 * off: this class retries 429 and 5xx itself with exponential backoff, so that the number of
 * retries is known for the trace and the whole call stays inside the caller's deadline.
 * Timeouts are not retried: a call that used its time has used the budget.
 */
public final class OpenAiLlmClient implements LlmClient {
    private static final Logger log = LoggerFactory.getLogger(OpenAiLlmClient.class);
    /** Below this much time left an attempt cannot succeed; give up instead of starting it. */
    private static final long MIN_ATTEMPT_MS = 100;

    private final OpenAIClient client;
    private final LlmConfig config;
    private final Masker masker;

    public OpenAiLlmClient(LlmConfig config, String apiKey) {
        this.config = config;
        this.masker = config.masker();
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(config.baseUrl())
                .apiKey(apiKey.isEmpty() ? "none" : apiKey)
                .timeout(Duration.ofMillis(config.timeoutMs()))
                .maxRetries(0)
                .build();
        warmUp();
        log.info("{}", config);
    }

    /**
     * The SDK's first request and first response initialise Kotlin reflection and Jackson modules,
     * which takes seconds on a busy machine; doing it here moves that cost to start-up instead of
     * the first question's deadline. No network is involved.
     */
    private void warmUp() {
        try {
            ChatCompletionCreateParams p = params(new LlmRequest(java.util.List.of(LlmMessage.system("s"),
                    LlmMessage.user("u")), "w", Map.of("type", "object"), true, 0.0, 1, null));
            com.openai.core.ObjectMappers.jsonMapper().writeValueAsString(p._body());
            ChatCompletion c = com.openai.core.ObjectMappers.jsonMapper().readValue("{\"id\":\"w\",\"object\":"
                    + "\"chat.completion\",\"created\":0,\"model\":\"w\",\"choices\":[{\"index\":0,\"finish_reason\":"
                    + "\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"\"}}],\"usage\":{\"prompt_tokens\":0,"
                    + "\"completion_tokens\":0,\"total_tokens\":0}}", ChatCompletion.class);
            reply(c, 0, 0);
        } catch (Exception | LinkageError e) {
            log.debug("LLM client warm-up: {}", e.toString());
        }
    }

    @Override
    public String model() {
        return config.model();
    }

    @Override
    public Masker masker() {
        return masker;
    }

    @Override
    public LlmReply complete(LlmRequest request) {
        int promptChars = request.messages().stream().mapToInt(m -> m.content().length()).sum();
        if (promptChars > config.maxPromptChars()) {
            throw new LlmException(LlmException.Kind.REFUSED, "prompt of " + promptChars + " characters exceeds "
                    + "OPS_LLM_MAX_PROMPT_CHARS " + config.maxPromptChars() + "; not sent", 0, 0, null);
        }
        ChatCompletionCreateParams params = params(request);
        long start = System.nanoTime();
        int retries = 0;
        while (true) {
            long leftMs = remainingMs(request.deadline());
            if (leftMs < MIN_ATTEMPT_MS) {
                throw new LlmException(LlmException.Kind.TIMEOUT, "deadline reached after " + retries + " retries",
                        retries, elapsed(start), null);
            }
            try {
                ChatCompletion c = client.chat().completions().create(params, options(leftMs));
                return reply(c, retries, elapsed(start));
            } catch (OpenAIServiceException e) {
                int status = e.statusCode();
                boolean retryable = status == 429 || status >= 500;
                LlmException.Kind kind = status == 429 ? LlmException.Kind.RATE_LIMITED
                        : status >= 500 ? LlmException.Kind.SERVER_ERROR : LlmException.Kind.REFUSED;
                long wait = backoffMs(retries);
                if (!retryable || retries >= config.maxRetries() || remainingMs(request.deadline()) < wait + MIN_ATTEMPT_MS) {
                    throw new LlmException(kind, "HTTP " + status + " after " + retries + " retries", retries,
                            elapsed(start), e);
                }
                log.info("LLM answered HTTP {}; retry {} of {} in {} ms", status, retries + 1, config.maxRetries(), wait);
                sleep(wait);
                retries++;
            } catch (OpenAIIoException e) {
                boolean timeout = causedBy(e, InterruptedIOException.class);
                throw new LlmException(timeout ? LlmException.Kind.TIMEOUT : LlmException.Kind.IO,
                        (timeout ? "no answer within the timeout" : "connection failed: " + e.getMessage())
                                + " after " + retries + " retries", retries, elapsed(start), e);
            } catch (OpenAIInvalidDataException e) {
                throw new LlmException(LlmException.Kind.BAD_RESPONSE, "unreadable response: " + e.getMessage(),
                        retries, elapsed(start), e);
            } catch (OpenAIException e) {
                throw new LlmException(LlmException.Kind.IO, e.getClass().getSimpleName() + ": " + e.getMessage(),
                        retries, elapsed(start), e);
            }
        }
    }

    private ChatCompletionCreateParams params(LlmRequest request) {
        ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder().model(config.model());
        for (LlmMessage m : request.messages()) {
            switch (m.role()) {
                case "system" -> b.addSystemMessage(m.content());
                case "assistant" -> b.addAssistantMessage(m.content());
                default -> b.addUserMessage(m.content());
            }
        }
        if (request.temperature() != null) {
            b.temperature(request.temperature());
        }
        // capped by configuration whatever the asset asks for
        b.maxCompletionTokens(Math.min(request.maxTokens() == null ? config.maxTokens() : request.maxTokens(),
                config.maxTokens()));
        if (request.jsonSchema() != null) {
            ResponseFormatJsonSchema.JsonSchema.Schema.Builder schema = ResponseFormatJsonSchema.JsonSchema.Schema.builder();
            for (Map.Entry<String, Object> e : request.jsonSchema().entrySet()) {
                schema.putAdditionalProperty(e.getKey(), JsonValue.from(e.getValue()));
            }
            b.responseFormat(ResponseFormatJsonSchema.builder().jsonSchema(ResponseFormatJsonSchema.JsonSchema.builder()
                    .name(request.schemaName()).schema(schema.build()).strict(request.strictSchema()).build()).build());
        }
        return b.build();
    }

    private RequestOptions options(long leftMs) {
        long ms = Math.min(config.timeoutMs(), leftMs);
        Duration d = Duration.ofMillis(ms);
        return RequestOptions.builder().timeout(Timeout.builder().connect(d).read(d).write(d).request(d).build()).build();
    }

    private static LlmReply reply(ChatCompletion c, int retries, int latencyMs) {
        if (c.choices().isEmpty()) {
            throw new LlmException(LlmException.Kind.BAD_RESPONSE, "no choices in the response", retries, latencyMs, null);
        }
        ChatCompletion.Choice choice = c.choices().get(0);
        String content = choice.message().content().orElse(choice.message().refusal().map(r -> "").orElse(""));
        String finish = choice._finishReason().isMissing() ? "" : choice.finishReason().asString();
        long prompt = c.usage().map(u -> u.promptTokens()).orElse(0L);
        long completion = c.usage().map(u -> u.completionTokens()).orElse(0L);
        String model = c._model().isMissing() ? "" : c.model();
        return new LlmReply(content, model, (int) prompt, (int) completion, latencyMs, finish, retries);
    }

    private long backoffMs(int retriesSoFar) {
        long b = (long) config.backoffMs() << Math.min(retriesSoFar, 16);
        return Math.min(b, config.backoffMaxMs());
    }

    private static long remainingMs(Instant deadline) {
        return deadline == null ? Long.MAX_VALUE : Duration.between(Instant.now(), deadline).toMillis();
    }

    private static int elapsed(long startNanos) {
        return (int) ((System.nanoTime() - startNanos) / 1_000_000);
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (int i = 0; t != null && i < 10; i++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.TIMEOUT, "interrupted while backing off", 0, 0, e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}

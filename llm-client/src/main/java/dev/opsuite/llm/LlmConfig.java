package dev.opsuite.llm;

import dev.opsuite.kit.config.Env;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * LLM configuration of a service, read from the environment in one place. The model is on when
 * OPS_LLM_MODEL is set and an endpoint or key is given: OPENAI_BASE_URL (default the OpenAI API)
 * and the API key, taken by reference from the variable OPS_LLM_API_KEY_REF names (default
 * OPENAI_API_KEY). The key itself is held only here and never printed.
 */
public final class LlmConfig {
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final List<String> DEFAULT_SENSITIVE_FIELDS = List.of("password", "passwd", "secret", "token",
            "api_key", "apikey", "authorization", "credential", "private_key");

    private final boolean enabled;
    private final String baseUrl;
    private final String apiKeyRef;
    private final String apiKey;
    private final String model;
    private final int timeoutMs;
    private final int maxRetries;
    private final int backoffMs;
    private final int backoffMaxMs;
    private final List<String> sensitiveFields;
    private final int maxTokens;
    private final int maxPromptChars;

    private LlmConfig(boolean enabled, String baseUrl, String apiKeyRef, String apiKey, String model, int timeoutMs,
                      int maxRetries, int backoffMs, int backoffMaxMs, List<String> sensitiveFields, int maxTokens,
                      int maxPromptChars) {
        this.maxTokens = maxTokens;
        this.maxPromptChars = maxPromptChars;
        this.enabled = enabled;
        this.baseUrl = baseUrl;
        this.apiKeyRef = apiKeyRef;
        this.apiKey = apiKey;
        this.model = model;
        this.timeoutMs = timeoutMs;
        this.maxRetries = maxRetries;
        this.backoffMs = backoffMs;
        this.backoffMaxMs = backoffMaxMs;
        this.sensitiveFields = List.copyOf(sensitiveFields);
    }

    public static LlmConfig disabled() {
        return new LlmConfig(false, DEFAULT_BASE_URL, "OPENAI_API_KEY", "", "", 8000, 2, 500, 4000,
                DEFAULT_SENSITIVE_FIELDS, 1024, 32_000);
    }

    public static LlmConfig from(Env env) {
        Optional<String> model = env.get("OPS_LLM_MODEL");
        Optional<String> baseUrl = env.get("OPENAI_BASE_URL");
        String keyRef = env.get("OPS_LLM_API_KEY_REF", "OPENAI_API_KEY");
        Optional<String> key = env.get(keyRef);
        boolean enabled = model.isPresent() && (baseUrl.isPresent() || key.isPresent());
        int timeoutMs = atLeast(env.getInt("OPS_LLM_TIMEOUT_MS", 8000), 1, "OPS_LLM_TIMEOUT_MS");
        int retries = atLeast(env.getInt("OPS_LLM_MAX_RETRIES", 2), 0, "OPS_LLM_MAX_RETRIES");
        int backoff = atLeast(env.getInt("OPS_LLM_BACKOFF_MS", 500), 0, "OPS_LLM_BACKOFF_MS");
        int backoffMax = atLeast(env.getInt("OPS_LLM_BACKOFF_MAX_MS", 4000), backoff, "OPS_LLM_BACKOFF_MAX_MS");
        List<String> fields = env.get("OPS_LLM_SENSITIVE_FIELDS")
                .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList())
                .orElse(DEFAULT_SENSITIVE_FIELDS);
        return new LlmConfig(enabled, baseUrl.orElse(DEFAULT_BASE_URL), keyRef, key.orElse(""), model.orElse(""),
                timeoutMs, retries, backoff, backoffMax, fields,
                // every completion is capped whatever an asset asks for; a larger prompt is not sent
                atLeast(env.getInt("OPS_LLM_MAX_TOKENS", 1024), 1, "OPS_LLM_MAX_TOKENS"),
                atLeast(env.getInt("OPS_LLM_MAX_PROMPT_CHARS", 32_000), 100, "OPS_LLM_MAX_PROMPT_CHARS"));
    }

    private static int atLeast(int v, int min, String name) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
        }
        return v;
    }

    public boolean enabled() {
        return enabled;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The name of the variable holding the key (safe to show), never the key. */
    public String apiKeyRef() {
        return apiKeyRef;
    }

    String apiKey() {
        return apiKey;
    }

    public String model() {
        return model;
    }

    public int timeoutMs() {
        return timeoutMs;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public int backoffMs() {
        return backoffMs;
    }

    public int backoffMaxMs() {
        return backoffMaxMs;
    }

    public Masker masker() {
        return new Masker(List.of(apiKey), sensitiveFields);
    }

    @Override
    public String toString() {
        return enabled ? "LLM " + model + " at " + baseUrl + " (key from " + apiKeyRef + ", timeout " + timeoutMs
                + " ms, " + maxRetries + " retries)" : "LLM off";
    }

    /** The most completion tokens any call may ask for (OPS_LLM_MAX_TOKENS). */
    public int maxTokens() {
        return maxTokens;
    }

    /** The largest prompt (all messages, characters) ever sent (OPS_LLM_MAX_PROMPT_CHARS). */
    public int maxPromptChars() {
        return maxPromptChars;
    }
}

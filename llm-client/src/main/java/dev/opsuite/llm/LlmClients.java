package dev.opsuite.llm;

import dev.opsuite.llm.openai.OpenAiLlmClient;
import java.util.Optional;

/** Builds the configured LlmClient: the openai adapter when an LLM is configured, else none. */
public final class LlmClients {
    private LlmClients() {}

    public static Optional<LlmClient> create(LlmConfig config) {
        return config.enabled() ? Optional.of(new OpenAiLlmClient(config, config.apiKey())) : Optional.empty();
    }
}

package dev.opsuite.llm;

/**
 * The port to a chat-completions language model. Domain code (planner, composer) depends on
 * this only; the openai-java adapter is chosen by the composition root when an LLM is configured.
 */
public interface LlmClient extends AutoCloseable {
    /**
     * One completion, HTTP retries (429/5xx) included. Throws {@link LlmException} when no usable
     * answer arrived (timeout, retries exhausted, refused request); never returns null.
     */
    LlmReply complete(LlmRequest request);

    /** The configured model name, as recorded in traces. */
    String model();

    /** Masks secrets and sensitive fields in text stored in a trace. */
    Masker masker();

    @Override
    default void close() {}
}

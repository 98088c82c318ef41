package dev.opsuite.llm;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A completion request. {@code jsonSchema} (a JSON Schema as plain maps and lists) asks for
 * structured output under {@code schemaName}; null means free text. {@code deadline} bounds the
 * whole call, retries and backoff included (null: the configured timeout per attempt only).
 */
public record LlmRequest(List<LlmMessage> messages, String schemaName, Map<String, Object> jsonSchema,
                         boolean strictSchema, Double temperature, Integer maxTokens, Instant deadline) {
    public LlmRequest {
        messages = List.copyOf(messages);
    }

    /** The messages as one text, for the trace (the caller masks it). */
    public String transcript() {
        StringBuilder sb = new StringBuilder();
        for (LlmMessage m : messages) {
            sb.append('[').append(m.role()).append("] ").append(m.content()).append('\n');
        }
        return sb.toString();
    }
}

package dev.opsuite.llm;

/** A completion that arrived: its text and what it cost. */
public record LlmReply(String content, String model, int promptTokens, int completionTokens, int latencyMs,
                       String finishReason, int retries) {}

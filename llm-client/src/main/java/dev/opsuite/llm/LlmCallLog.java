package dev.opsuite.llm;

/**
 * One LLM call as a trace records it (tool llm_planner or llm_summary): prompt and response
 * already masked; error empty when a completion arrived.
 */
public record LlmCallLog(String tool, String model, int promptTokens, int completionTokens, int latencyMs,
                         String finishReason, int retries, String prompt, String response, String error,
                         String summary) {

    public static LlmCallLog ok(String tool, LlmClient client, LlmRequest request, LlmReply reply, String summary) {
        Masker m = client.masker();
        return new LlmCallLog(tool, reply.model().isEmpty() ? client.model() : reply.model(), reply.promptTokens(),
                reply.completionTokens(), reply.latencyMs(), reply.finishReason(), reply.retries(),
                m.mask(request.transcript()), m.mask(reply.content()), "", summary);
    }

    public static LlmCallLog failed(String tool, LlmClient client, LlmRequest request, LlmException e) {
        Masker m = client.masker();
        return new LlmCallLog(tool, client.model(), 0, 0, e.latencyMs(), "", e.retries(),
                m.mask(request.transcript()), "", m.mask(e.summary()), "no completion");
    }
}

package dev.opsuite.llm;

import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.LlmCall;
import dev.opsuite.proto.v1.ToolCall;
import java.util.Map;

/** An LLM call as the trace's ToolCall (with its LlmCall cost record); shared by the services' grpc layers. */
public final class LlmCallProtos {
    private LlmCallProtos() {}

    public static ToolCall toolCall(LlmCallLog c) {
        return ToolCall.newBuilder().setTool(c.tool()).setElapsedMs(c.latencyMs())
                .setInputParams(Structs.toStruct(Map.of("model", c.model()))).setOutputSummary(c.summary())
                .setError(c.error())
                .setLlm(LlmCall.newBuilder().setModel(c.model()).setPromptTokens(c.promptTokens())
                        .setCompletionTokens(c.completionTokens()).setLatencyMs(c.latencyMs())
                        .setFinishReason(c.finishReason()).setRetries(c.retries()).setPrompt(c.prompt())
                        .setResponse(c.response()))
                .build();
    }
}

package dev.opsuite.planner.domain.llm;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.PromptAsset;
import dev.opsuite.llm.LlmCallLog;
import dev.opsuite.llm.LlmClient;
import dev.opsuite.llm.LlmException;
import dev.opsuite.llm.LlmMessage;
import dev.opsuite.llm.LlmReply;
import dev.opsuite.llm.LlmRequest;
import dev.opsuite.planner.domain.PlanDecision;
import dev.opsuite.guard.PlanValidator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The LLM planner: asks the model for a PlanOutput through structured output (the JSON schema of
 * the Plan contract), reads it strictly and puts it through the same checks as any plan. A
 * refused answer goes back to the model with the reasons, at most max_internal_retries times
 * (Policy asset); then, or when no completion arrives, the caller falls back to the rules.
 */
public final class LlmPlanner {
    public static final String TOOL = "llm_planner";
    private final LlmClient client;
    private final Map<String, Object> planOutputSchema;
    private final PlanValidator validator;

    public LlmPlanner(LlmClient client, Map<String, Object> planOutputSchema, PlanValidator validator) {
        this.client = client;
        this.planOutputSchema = planOutputSchema;
        this.validator = validator;
    }

    /** Decision empty: fall back (the events say why). */
    public record Outcome(Optional<PlanDecision> decision, List<LlmCallLog> calls, List<PlanEvent> events) {}

    public Outcome plan(String question, String language, Map<String, String> aliases, AssetBundle assets,
                        OffsetDateTime now, List<String> roles, Instant deadline) {
        PromptAsset.Model model = assets.prompt().model();
        int maxRetries = assets.policy().replan().maxInternalRetries();
        List<LlmMessage> messages = new ArrayList<>(PlanPrompt.messages(question, assets, now, aliases));
        List<LlmCallLog> calls = new ArrayList<>();
        List<PlanEvent> events = new ArrayList<>();
        for (int attempt = 1; attempt <= maxRetries + 1; attempt++) {
            LlmRequest request = new LlmRequest(messages, "plan_output", planOutputSchema,
                    model.strict(), model.temperature().orElse(null), model.maxTokens().orElse(null), deadline);
            LlmReply reply;
            try {
                reply = client.complete(request);
            } catch (LlmException e) {
                calls.add(LlmCallLog.failed(TOOL, client, request, e));
                events.add(new PlanEvent(e.kind() == LlmException.Kind.REFUSED ? "tool_error_fatal" : "tool_error_retryable",
                        "high", "LLM planner call failed: " + client.masker().mask(e.summary()), "stop", null, null,
                        meta(attempt, maxRetries, e.retries())));
                return new Outcome(Optional.empty(), calls, events);
            }
            List<String> errors = new ArrayList<>();
            PlanDecision decision = read(reply, question, language, assets, now, roles, errors);
            calls.add(LlmCallLog.ok(TOOL, client, request, reply, errors.isEmpty()
                    ? "accepted: " + decision.kind() : "refused: " + errors.size() + " problem(s)"));
            if (errors.isEmpty()) {
                return new Outcome(Optional.of(decision), calls, events);
            }
            boolean more = attempt <= maxRetries;
            events.add(new PlanEvent("tool_error_retryable", "medium", "LLM plan refused: " + String.join("; ", errors),
                    more ? "retry" : "stop", client.masker().mask(reply.content()), null,
                    meta(attempt, maxRetries, reply.retries())));
            messages.add(LlmMessage.assistant(reply.content()));
            messages.add(PlanPrompt.feedback(errors));
        }
        return new Outcome(Optional.empty(), calls, events);
    }

    private static Map<String, Object> meta(int attempt, int maxRetries, int httpRetries) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("planner", "llm");
        m.put("attempt", attempt);
        m.put("max_internal_retries", maxRetries);
        m.put("http_retries", httpRetries);
        return m;
    }

    private PlanDecision read(LlmReply reply, String question, String language, AssetBundle assets, OffsetDateTime now,
                              List<String> roles, List<String> errors) {
        if ("length".equals(reply.finishReason())) {
            errors.add("the answer was cut off (finish_reason length); answer shorter");
            return null;
        }
        LlmPlanOutput out;
        try {
            out = LlmPlanOutput.parse(reply.content());
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return null;
        }
        return LlmRoutes.decide(out, question, language, assets, now, roles, validator, errors);
    }
}

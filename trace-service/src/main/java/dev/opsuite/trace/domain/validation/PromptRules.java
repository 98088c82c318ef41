package dev.opsuite.trace.domain.validation;

import java.util.Set;

/**
 * prompt: the rules planner's vocabulary (rules) and the LLM planner's settings: strategy,
 * system_prompt, model parameters, few-shot examples (question + plan_output) and which of the
 * model's routes are honoured (llm_routes).
 */
final class PromptRules implements ContentRules {
    static final Set<String> STRATEGIES = Set.of("rules_first", "llm_only", "rules_only", "rules_then_llm");
    private static final Set<String> KINDS = Set.of("plan", "direct", "reject");

    @Override
    public void check(Node root) {
        root.object("rules", false);
        root.oneOf("strategy", STRATEGIES, false);
        root.string("system_prompt", false);
        root.object("model", false).ifPresent(m -> {
            m.integer("max_tokens", 1, false);
            m.bool("strict", false);
            m.member("temperature").ifPresent(t -> {
                if (!(t instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() > 2) {
                    m.problems().add(m.pathOf("temperature"), "must be a number between 0 and 2");
                }
            });
        });
        for (Node shot : root.objects("few_shot", false)) {
            shot.nonEmptyString("question", true);
            shot.object("plan_output", true).ifPresent(p -> p.oneOf("kind", KINDS, true));
        }
        root.object("llm_routes", false).ifPresent(r -> {
            r.bool("direct", false);
            r.bool("reject", false);
        });
    }
}

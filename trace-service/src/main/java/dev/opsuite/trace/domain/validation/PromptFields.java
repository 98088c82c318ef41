package dev.opsuite.trace.domain.validation;

import static dev.opsuite.trace.domain.validation.AssetSpec.group;
import static dev.opsuite.trace.domain.validation.Field.field;
import static dev.opsuite.trace.domain.validation.Kind.BOOLEAN;
import static dev.opsuite.trace.domain.validation.Kind.INTEGER;
import static dev.opsuite.trace.domain.validation.Kind.NUMBER;
import static dev.opsuite.trace.domain.validation.Kind.OBJECT;
import static dev.opsuite.trace.domain.validation.Kind.STRING;
import static dev.opsuite.trace.domain.validation.Kind.arrayOf;

import dev.opsuite.model.asset.PromptAsset;
import dev.opsuite.model.AssetType;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of a Prompt asset: the planner's settings and the LLM planner's (here), the rules
 * planner's vocabulary and settings ({@link PromptRuleFields}) and its time patterns ({@link
 * PromptTimeFields}). The defaults shown are the constants the planner applies (domain-model's
 * {@code PromptAsset} and its parts).
 */
final class PromptFields {
    private PromptFields() {}

    static AssetSpec spec() {
        List<AssetSpec.Group> groups = new ArrayList<>();
        groups.add(settings());
        groups.addAll(PromptRuleFields.groups());
        groups.add(PromptTimeFields.group());
        return new AssetSpec(AssetType.PROMPT,
                "How questions become plans: which planner answers, the LLM planner's instructions, model settings "
                        + "and examples, and under `rules` everything the rules planner reads a question with — "
                        + "its words for intents, aggregations and orders, thresholds, defaults, time patterns. "
                        + "Word lists match phrases at word boundaries after folding (case, width); a phrase "
                        + "starting with `^` is a regular expression. Patterns are RE2 regular expressions "
                        + "(case-insensitive; no look-around or back-references).",
                "PLAN (planner-service: the rules planner, the LLM planner and the choice between them).",
                groups);
    }

    private static AssetSpec.Group settings() {
        return group("Planner and LLM settings",
                Field.assetName(),
                field("strategy", STRING, "Which planner answers unless the request says: `rules_first` — the "
                        + "rules, and the LLM when they build no runnable plan; `llm_only`; `rules_only`. "
                        + "`rules_then_llm` is the old name of `rules_first`. Policy rejects always come first.")
                        .oneOf(dev.opsuite.model.PlannerStrategy.ASSET_WORDS.toArray(String[]::new))
                        .byDefaultText(PromptAsset.DEFAULT_STRATEGY),
                field("system_prompt", STRING, "The LLM planner's instructions; the output contract, the time, the "
                        + "Policy's depth limit and the SchemaCatalog pruned to the question are appended.")
                        .byDefault("\"\""),
                field("model", OBJECT, "The LLM planner's call settings."),
                field("model.max_tokens", INTEGER, "Most tokens of the model's answer (never above "
                        + "`OPS_LLM_MAX_TOKENS`).").min(1).defaultIs("`OPS_LLM_MAX_TOKENS` (1024)"),
                field("model.temperature", NUMBER, "Sampling temperature.").between(0, 2)
                        .defaultIs("the model's own"),
                field("model.strict", BOOLEAN, "Whether the model must follow the plan schema strictly "
                        + "(structured output).").byDefault(PromptAsset.Model.DEFAULT_STRICT),
                field("few_shot", arrayOf(OBJECT), "Example questions with the answer the model should give, sent "
                        + "before the question."),
                field("few_shot[].question", STRING, "The example question.").required().nonBlank(),
                field("few_shot[].plan_output", OBJECT, "The example answer: a PlanOutput, in the plan contract's "
                        + "JSON names.").required(),
                field("few_shot[].plan_output.kind", STRING, "What the answer is: a plan, a direct answer or a "
                        + "refusal.").required().oneOf("plan", "direct", "reject"),
                field("few_shot[].plan_output.plan", OBJECT, "kind plan: the plan (`intent`, `view`, `primary`, "
                        + "`metric`, `graph`, `history`…)."),
                field("few_shot[].plan_output.direct_answer", OBJECT, "kind direct: the answer."),
                field("few_shot[].plan_output.direct_answer.answer", STRING, "Its text."),
                field("few_shot[].plan_output.direct_answer.confidence", NUMBER, "Its confidence (0 to 1)."),
                field("few_shot[].plan_output.reject_payload", OBJECT, "kind reject: the refusal."),
                field("few_shot[].plan_output.reject_payload.reason", STRING, "Why."),
                field("few_shot[].plan_output.reject_payload.policy", STRING, "The policy invoked."),
                field("few_shot[].plan_output.confidence", NUMBER, "Confidence of the answer (0 to 1)."),
                field("few_shot[].plan_output.reason", STRING, "Why this answer."),
                field("llm_routes", OBJECT, "Which answers other than a plan the model may give."),
                field("llm_routes.direct", BOOLEAN, "Whether the model may answer directly (kind direct); if not, "
                        + "such an answer is sent back as an error.").byDefault(PromptAsset.LlmRoutes.DEFAULT_DIRECT),
                field("llm_routes.reject", BOOLEAN, "Whether the model may refuse (kind reject); if not, it is "
                        + "asked for a plan.").byDefault(PromptAsset.LlmRoutes.DEFAULT_REJECT),
                field("rules", OBJECT, "The rules planner's vocabulary and settings (the groups below)."));
    }
}

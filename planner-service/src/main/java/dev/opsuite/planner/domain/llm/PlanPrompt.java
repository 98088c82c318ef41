package dev.opsuite.planner.domain.llm;

import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.llm.LlmMessage;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.asset.PromptAsset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The messages of a planning call, all from assets: the Prompt asset's system prompt and
 * few-shot examples, the SchemaCatalog pruned to the question, the policy limits the plan must
 * keep, and the question with what the Resolver already resolved.
 */
final class PlanPrompt {
    private PlanPrompt() {}

    static List<LlmMessage> messages(String question, AssetBundle assets, OffsetDateTime now, Map<String, String> aliases) {
        PromptAsset prompt = assets.prompt();
        StringBuilder system = new StringBuilder(prompt.systemPrompt());
        system.append("\n\nReturn exactly one JSON object of the plan_output schema (kind plan | direct | reject)."
                + " Named time ranges: last_<n>m|h|d|w, today, yesterday, this_week, last_week, since_<weekday>."
                + " Now is ").append(now).append('.');
        system.append("\nLimits: graph depth at most ").append(assets.policy().budget().maxDepth())
                .append("; only read-only plans.");
        system.append("\nSchema catalog (pruned to the question):\n")
                .append(CatalogPruner.prune(assets.schema(), question).toString());
        List<LlmMessage> out = new ArrayList<>();
        out.add(LlmMessage.system(system.toString()));
        for (PromptAsset.FewShot shot : prompt.fewShot()) {
            out.add(LlmMessage.user(shot.question()));
            out.add(LlmMessage.assistant(shot.planOutput())); // the example's JSON text, as the asset writes it
        }
        String user = question;
        if (!aliases.isEmpty()) {
            user += "\n(Resolver: " + ModelJson.MAPPER.valueToTree(aliases) + ")";
        }
        out.add(LlmMessage.user(user));
        return out;
    }

    static LlmMessage feedback(List<String> errors) {
        return LlmMessage.user("Your PlanOutput was refused: " + String.join("; ", errors)
                + ". Answer again with one corrected plan_output JSON object only.");
    }
}

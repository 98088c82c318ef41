package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.opsuite.model.AssetDoc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Prompt asset, typed: how questions become plans — which planner answers, the LLM planner's
 * instructions, call settings and examples, and under {@link PromptRules} everything the rules
 * planner reads a question with (vocabulary, thresholds, defaults, understanding, time patterns).
 * The defaults the planner applies are declared here once (trace-service {@code PromptFields} and
 * its rule and time groups show them). Anything parses: an absent member, or one of the wrong kind,
 * reads as its default ({@link Read}); an element of a list of objects that is no object is left out.
 *
 * @param name         the asset's name ("" when not given)
 * @param strategy     which planner answers unless the request says ({@code rules_first}, {@code llm_only},
 *                     {@code rules_only}, or the old name {@code rules_then_llm})
 * @param systemPrompt the LLM planner's instructions
 * @param model        the LLM planner's call settings
 * @param fewShot      example questions with the answer the model should give, in order
 * @param llmRoutes    which answers other than a plan the model may give
 * @param rules        the rules planner's vocabulary and settings
 * @param others       members no field describes, as given: the validator lets an operator keep sections of
 *                     their own; no reader acts on them
 */
public record PromptAsset(String name, String strategy, String systemPrompt, Model model, List<FewShot> fewShot,
                          LlmRoutes llmRoutes, PromptRules rules, Map<String, JsonNode> others) {
    public static final String DEFAULT_STRATEGY = "rules_first";
    static final List<String> MEMBERS = List.of("name", "strategy", "system_prompt", "model", "few_shot",
            "llm_routes", "rules");
    /** The Prompt of a request that applies none: every default, no word, no pattern. */
    public static final PromptAsset EMPTY = from(MissingNode.getInstance());

    public PromptAsset {
        fewShot = List.copyOf(fewShot);
        others = Read.ordered(others);
    }

    /**
     * {@code model}: the LLM planner's call settings.
     *
     * @param maxTokens   most tokens of the answer (empty: the client's {@code OPS_LLM_MAX_TOKENS})
     * @param temperature sampling temperature (empty: the model's own)
     * @param strict      whether the model must follow the plan schema strictly
     */
    public record Model(Optional<Integer> maxTokens, Optional<Double> temperature, boolean strict) {
        public static final boolean DEFAULT_STRICT = true;

        static Model from(JsonNode m) {
            JsonNode maxTokens = m.path("max_tokens");
            JsonNode temperature = m.path("temperature");
            return new Model(maxTokens.isNumber() ? Optional.of(maxTokens.intValue()) : Optional.empty(),
                    temperature.isNumber() ? Optional.of(temperature.doubleValue()) : Optional.empty(),
                    Read.bool(m.path("strict"), DEFAULT_STRICT));
        }
    }

    /**
     * {@code few_shot[]}: an example question and the answer the model should give.
     *
     * @param planOutput the answer, a PlanOutput in the plan contract's JSON names, kept as JSON text: it is
     *                   free-form and sent to the model as it is written ("" when not given)
     */
    public record FewShot(String question, String planOutput) {
        static FewShot from(JsonNode s) {
            return new FewShot(Read.string(s.path("question"), ""), s.path("plan_output").toString());
        }
    }

    /** {@code llm_routes}: whether the model may answer directly ({@code direct}) or refuse ({@code reject}). */
    public record LlmRoutes(boolean direct, boolean reject) {
        public static final boolean DEFAULT_DIRECT = true;
        public static final boolean DEFAULT_REJECT = true;

        static LlmRoutes from(JsonNode r) {
            return new LlmRoutes(Read.bool(r.path("direct"), DEFAULT_DIRECT), Read.bool(r.path("reject"), DEFAULT_REJECT));
        }
    }

    /** Parses a Prompt content (null or missing: {@link #EMPTY}). */
    public static PromptAsset from(JsonNode content) {
        JsonNode c = content == null ? MissingNode.getInstance() : content;
        return new PromptAsset(Read.string(c.path("name"), ""), Read.string(c.path("strategy"), DEFAULT_STRATEGY),
                Read.string(c.path("system_prompt"), ""), Model.from(c.path("model")),
                Read.objects(c.path("few_shot")).stream().map(FewShot::from).toList(),
                LlmRoutes.from(c.path("llm_routes")), PromptRules.from(c.path("rules")), others(c, MEMBERS));
    }

    /** The typed content of an applied Prompt (none, or no content: {@link #EMPTY}), parsed once per content. */
    public static PromptAsset of(AssetDoc prompt) {
        if (prompt == null || prompt.content() == null || prompt.content().isMissingNode()) {
            return EMPTY;
        }
        return ParsedAssets.parsed(prompt.content(), PromptAsset.class, PromptAsset::from);
    }

    /** The members of an object other than {@code known}, in order, each a copy (the records stay read-only). */
    static Map<String, JsonNode> others(JsonNode object, List<String> known) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        Read.members(object).forEach((k, v) -> {
            if (!known.contains(k)) {
                out.put(k, v.deepCopy());
            }
        });
        return out;
    }
}

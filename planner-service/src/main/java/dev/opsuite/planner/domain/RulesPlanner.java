package dev.opsuite.planner.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.model.AssetBundle;
import dev.opsuite.kit.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules planner (no LLM): Resolver rules, then policy rejects, then direct answers, then a
 * Plan built from the SchemaCatalog and Prompt-asset vocabulary.
 */
public final class RulesPlanner {
    public static final int MAX_QUESTION_CHARS = 2000;

    public PlanDecision plan(String question, AssetBundle assets, OffsetDateTime now) {
        JsonNode schema = assets.content("schema");
        JsonNode prompt = assets.content("prompt");
        ResolverRules resolver = new ResolverRules(assets.content("resolver"));
        Vocabulary vocabulary = new Vocabulary(schema, prompt);
        RouteRules routes = new RouteRules(assets.content("policy"), prompt);

        String language = Phrases.hasHangul(question) ? "ko" : "en";
        ResolverRules.Applied applied = resolver.apply(question);
        List<String> fired = new ArrayList<>(applied.firedRules());
        // Policy first: raw question too, so normalisation can never hide a forbidden phrase.
        String folded = Phrases.fold(applied.text());
        Optional<RouteRules.Rejection> rejection = routes.reject(folded, language)
                .or(() -> routes.reject(Phrases.fold(question), language));
        if (rejection.isPresent()) {
            fired.add("reject:" + rejection.get().policy() + "(" + rejection.get().matched() + ")");
            return PlanDecision.reject(rejection.get().reason(), rejection.get().policy(), fired);
        }
        Optional<RouteRules.Direct> direct = routes.direct(folded, language, now);
        if (direct.isPresent()) {
            fired.add("direct:" + direct.get().name());
            return PlanDecision.direct(direct.get().answer(), "Direct answer: " + direct.get().name(), fired);
        }
        PlanModel plan = new PlanBuilder(vocabulary, resolver, prompt.path("rules"), now).build(applied, language);
        return PlanDecision.plan(plan, plan.missingSlots().isEmpty() ? 0.9 : 0.6, "Orchestration plan created", fired);
    }
}

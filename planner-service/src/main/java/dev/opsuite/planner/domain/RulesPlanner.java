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

    /** What the Resolver made of a question, and the policy reject when one applies (final for every planner). */
    public record Screened(String language, ResolverRules.Applied applied, Optional<PlanDecision> reject) {}

    public Screened screen(String question, AssetBundle assets) {
        ResolverRules resolver = new ResolverRules(assets.content("resolver"));
        RouteRules routes = new RouteRules(assets.content("policy"), assets.content("prompt"));
        String language = Phrases.hasHangul(question) ? "ko" : "en";
        ResolverRules.Applied applied = resolver.apply(question);
        // Policy first: raw question too, so normalisation can never hide a forbidden phrase.
        String folded = Phrases.fold(applied.text());
        Optional<RouteRules.Rejection> rejection = routes.reject(folded, language)
                .or(() -> routes.reject(Phrases.fold(question), language));
        return new Screened(language, applied, rejection.map(r -> {
            List<String> fired = new ArrayList<>(applied.firedRules());
            fired.add("reject:" + r.policy() + "(" + r.matched() + ")");
            return PlanDecision.reject(r.reason(), r.policy(), fired);
        }));
    }

    public PlanDecision plan(String question, AssetBundle assets, OffsetDateTime now) {
        JsonNode schema = assets.content("schema");
        JsonNode prompt = assets.content("prompt");
        ResolverRules resolver = new ResolverRules(assets.content("resolver"));
        Vocabulary vocabulary = Vocabulary.of(schema, prompt);
        RouteRules routes = new RouteRules(assets.content("policy"), prompt);

        Screened screened = screen(question, assets);
        if (screened.reject().isPresent()) {
            return screened.reject().get();
        }
        String language = screened.language();
        ResolverRules.Applied applied = screened.applied();
        List<String> fired = new ArrayList<>(applied.firedRules());
        String folded = Phrases.fold(applied.text());
        Optional<RouteRules.Direct> direct = routes.direct(folded, language, now);
        if (direct.isPresent()) {
            fired.add("direct:" + direct.get().name());
            return PlanDecision.direct(direct.get().answer(), "Direct answer: " + direct.get().name(), fired);
        }
        PlanModel plan = new PlanBuilder(vocabulary, resolver, prompt.path("rules"), now).build(applied, language);
        return PlanDecision.plan(plan, plan.missingSlots().isEmpty() ? 0.9 : 0.6, "Orchestration plan created", fired);
    }
}

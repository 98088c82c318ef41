package dev.opsuite.planner.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.model.AssetBundle;
import dev.opsuite.kit.model.Intent;
import dev.opsuite.kit.model.PlanModel;
import dev.opsuite.kit.model.View;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
        return PlanDecision.plan(buildPlan(applied, folded, language, vocabulary, resolver), 0.9,
                "Orchestration plan created", fired);
    }

    private PlanModel buildPlan(ResolverRules.Applied applied, String folded, String language,
                                Vocabulary vocabulary, ResolverRules resolver) {
        String ciCode = "";
        for (Map.Entry<String, String> hit : applied.aliasHits().entrySet()) {
            String target = hit.getValue();
            ciCode = target.startsWith("ci_code:") ? target.substring("ci_code:".length()) : target;
            break;
        }
        String textForMentions = applied.text();
        for (String source : applied.aliasHits().keySet()) {
            textForMentions = textForMentions.replace(source, " ");
        }
        List<String> mentions = new MentionExtractor(resolver, vocabulary).mentions(textForMentions);
        Vocabulary.MetricTerm metric = vocabulary.findMetric(folded);

        List<PlanModel.Filter> filters = new ArrayList<>();
        // enum words inside an alias ("서버" in "서버A") are part of a name, not a filter
        for (Vocabulary.EnumTerm e : vocabulary.findEnums(Phrases.fold(textForMentions))) {
            filters.add(new PlanModel.Filter(e.field(), "eq", List.of(e.value())));
        }
        List<String> missing = new ArrayList<>();
        if (ciCode.isEmpty() && mentions.isEmpty()) {
            missing.add("primary.ci");
        }
        PlanModel.Primary primary = new PlanModel.Primary("ci", ciCode, ciCode.isEmpty() ? mentions : List.of(),
                filters, List.of(), 0, 0);
        PlanModel.Metric metricSpec = metric == null ? PlanModel.Metric.EMPTY
                : new PlanModel.Metric(metric.name(), "latest", "", "", "", "", 0, "");
        PlanModel.Output output = new PlanModel.Output(List.of("text", "table"), "text");
        return new PlanModel(Intent.LOOKUP, View.SUMMARY, primary, null, null, metricSpec, null, output,
                language, missing, null, applied.text());
    }
}

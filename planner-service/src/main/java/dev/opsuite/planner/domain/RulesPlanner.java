package dev.opsuite.planner.domain;

import dev.opsuite.planner.domain.understand.Analyses;
import dev.opsuite.planner.domain.understand.Folding;
import dev.opsuite.planner.domain.understand.HanjaReadings;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.PromptAsset;
import dev.opsuite.model.asset.PromptUnderstanding;
import dev.opsuite.planner.domain.understand.EntityDictionary;
import dev.opsuite.planner.domain.understand.Lexicon;
import dev.opsuite.planner.domain.understand.Signals;
import dev.opsuite.planner.domain.understand.Understander;
import dev.opsuite.planner.domain.understand.Understanding;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules planner (no LLM): Resolver rules, then policy rejects, then direct answers, then the
 * question read word by word ({@link Understander}: CIs linked against the estate's dictionary,
 * time, vocabulary) and a Plan built from that reading. A reading that leaves too much unexplained
 * is asked back, with the plan it would run offered as an action.
 */
public final class RulesPlanner {
    public static final int MAX_QUESTION_CHARS = 2000;

    /**
     * What the Resolver made of a question, and the policy reject when one applies (final for every planner).
     *
     * @param analyses the question's analyses so far: its understanding reuses them ({@link Analyses})
     */
    public record Screened(String language, ResolverRules.Applied applied, Optional<PlanDecision> reject,
                           Analyses analyses) {
        public Screened(String language, ResolverRules.Applied applied, Optional<PlanDecision> reject) {
            this(language, applied, reject, Analyses.ofOneQuestion());
        }
    }

    public Screened screen(String question, AssetBundle assets) {
        return screen(question, assets, null);
    }

    /**
     * As above, a command word that is a word of a name of the estate spelt out ("FY Close 이벤트") read as the name
     * ({@link NamesInCommands}); with no dictionary, as written.
     */
    public Screened screen(String question, AssetBundle assets, EntityDictionary dictionary) {
        ResolverRules resolver = ResolverRules.of(assets);
        RouteRules routes = new RouteRules(assets.policy(), assets.prompt().rules());
        // Korean written in Hanja is Korean ("前月 Settlement 誤謬率"); an English question naming a CI in kanji is not
        String language = Folding.hasHangul(question) || HanjaReadings.mostlyHanja(question) ? "ko" : "en";
        ResolverRules.Applied applied = resolver.apply(question);
        // Policy first: raw question too, so normalisation can never hide a forbidden phrase.
        String folded = Folding.fold(applied.text());
        Analyses analyses = Analyses.ofOneQuestion();
        Optional<RouteRules.Rejection> rejection = routes.reject(folded, language, analyses)
                .or(() -> routes.reject(Folding.fold(question), language, analyses));
        if (rejection.isPresent() && dictionary != null) {
            String raw = Folding.fold(question);
            rejection = routes.reject(folded, NamesInCommands.masked(folded, dictionary), language, analyses)
                    .or(() -> routes.reject(raw, NamesInCommands.masked(raw, dictionary), language, analyses));
        }
        return new Screened(language, applied, rejection.map(r -> {
            List<String> fired = new ArrayList<>(applied.firedRules());
            fired.add("reject:" + r.policy() + "(" + r.matched() + ")");
            return PlanDecision.reject(r.reason(), r.policy(), fired);
        }), analyses);
    }

    /** Without an entity dictionary: names are left to EXECUTE's resolver. */
    public PlanDecision plan(String question, AssetBundle assets, OffsetDateTime now) {
        return plan(question, assets, now, now.getOffset(), null);
    }

    /**
     * @param zone       zone of days and times the question names (the product's OPS_TIMEZONE)
     * @param dictionary the estate's names, or null when none is available
     */
    public PlanDecision plan(String question, AssetBundle assets, OffsetDateTime now, ZoneId zone,
                             EntityDictionary dictionary) {
        return plan(question, assets, now, zone, dictionary, screen(question, assets, dictionary));
    }

    /** As above, with the question already screened ({@link #screen}: resolver rules and the policy's rejects). */
    public PlanDecision plan(String question, AssetBundle assets, OffsetDateTime now, ZoneId zone,
                             EntityDictionary dictionary, Screened screened) {
        PromptAsset prompt = assets.prompt();
        RouteRules routes = new RouteRules(assets.policy(), prompt.rules());
        if (screened.reject().isPresent()) {
            return screened.reject().get();
        }
        String language = screened.language();
        ResolverRules.Applied applied = screened.applied();
        List<String> fired = new ArrayList<>(applied.firedRules());
        String folded = Folding.fold(applied.text());
        Optional<RouteRules.Direct> direct = routes.direct(folded, language, now);
        if (direct.isPresent()) {
            fired.add("direct:" + direct.get().name());
            return PlanDecision.direct(direct.get().answer(), "Direct answer: " + direct.get().name(), fired);
        }
        Lexicon lexicon = Lexicon.of(assets.schema(), prompt.rules(), assets.resolver());
        Understanding u = Understander.understand(applied.text(), lexicon, dictionary, prompt.rules(), now, zone,
                applied.aliasHits(), language, screened.analyses());
        PromptUnderstanding understanding = prompt.rules().understanding();
        if (!u.time().problems().isEmpty()) {
            fired.add("time:unreadable");
            return PlanDecision.clarify(understanding.unreadableTime().in(language)
                    .replace("{problems}", String.join("; ", u.time().problems())), 0.3,
                    "the question names a time that cannot be read", fired, List.of());
        }
        Signals signals = new Signals(u, lexicon.primaryEntity(), lexicon.eventsEntity());
        PlanModel plan = new PlanBuilder(prompt.rules(), now, signals, lexicon.primaryEntity()).build(applied.text());
        double confidence = PlanParts.confidenceOf(plan);
        if (!plan.unexplained().isEmpty() && u.unexplainedShare() > understanding.clarifyAbove()) {
            fired.add("clarify:unexplained");
            Map<String, Object> inputs = new LinkedHashMap<>();
            inputs.put("base_plan", ModelJson.MAPPER.convertValue(plan, Map.class));
            String words = "'" + String.join("', '", plan.unexplained()) + "'";
            String text = understanding.clarify().in(language).replace("{words}", words)
                    .replace("{reading}", "");
            return PlanDecision.clarify(text.strip(), confidence, "too much of the question is unexplained: " + words,
                    fired, List.of(new PlanDecision.Action("rerun", language.equals("ko") ? "이렇게 해석해 실행"
                            : "Run this reading", inputs)));
        }
        return PlanDecision.plan(plan, confidence, plan.unexplained().isEmpty() ? "Orchestration plan created"
                : "Orchestration plan created; not understood: " + String.join(", ", plan.unexplained()), fired);
    }
}

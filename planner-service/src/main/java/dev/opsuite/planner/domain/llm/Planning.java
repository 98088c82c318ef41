package dev.opsuite.planner.domain.llm;

import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.PlannerStrategy;
import dev.opsuite.llm.LlmCallLog;
import dev.opsuite.planner.domain.PlanDecision;
import dev.opsuite.planner.domain.RulesPlanner;
import dev.opsuite.guard.PlanValidator;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ROUTE+PLAN under a strategy. Policy rejects of the rules come first and are final whatever
 * the strategy. rules_first asks the model only when the rules build no runnable plan (a slot
 * missing, or no Query template for it); llm_only asks it first; either falls back to the rules
 * when the model gives nothing usable. Without an LLM every strategy is the rules planner.
 */
public final class Planning {
    private final RulesPlanner rules;
    private final PlanValidator validator;
    private final Optional<LlmPlanner> llm;

    public Planning(RulesPlanner rules, PlanValidator validator, Optional<LlmPlanner> llm) {
        this.rules = rules;
        this.validator = validator;
        this.llm = llm;
    }

    /** The decision, who made it (rules | llm), and the model calls and control events on the way. */
    public record Result(PlanDecision decision, String planner, String strategy, List<LlmCallLog> calls,
                         List<PlanEvent> events) {}

    public boolean llmConfigured() {
        return llm.isPresent();
    }

    /** requested: the request's strategy, empty for the Prompt asset's (default rules_first). */
    public Result plan(String question, AssetBundle assets, OffsetDateTime now, List<String> roles, String requested,
                       Instant deadline) {
        return plan(question, assets, now, now.getOffset(), null, roles, requested, deadline);
    }

    /**
     * @param zone       zone of the days and times a question names
     * @param dictionary the estate's names for entity linking, or null (names then resolve at EXECUTE)
     */
    public Result plan(String question, AssetBundle assets, OffsetDateTime now, java.time.ZoneId zone,
                       dev.opsuite.planner.domain.understand.EntityDictionary dictionary, List<String> roles,
                       String requested, Instant deadline) {
        PlannerStrategy assetDefault = PlannerStrategy.ofAsset(assets.prompt().strategy(),
                PlannerStrategy.RULES_FIRST);
        PlannerStrategy strategy = PlannerStrategy.ofRequest(requested).orElse(assetDefault);
        RulesPlanner.Screened screened = rules.screen(question, assets, dictionary);
        if (screened.reject().isPresent() || llm.isEmpty() || strategy == PlannerStrategy.RULES_ONLY) {
            return new Result(screened.reject().orElseGet(() -> rules.plan(question, assets, now, zone, dictionary,
                    screened)), "rules",
                    strategy.wireName(), List.of(), List.of());
        }
        PlanDecision byRules = null;
        if (strategy == PlannerStrategy.RULES_FIRST) {
            byRules = rules.plan(question, assets, now, zone, dictionary, screened);
            Optional<String> gap = noRunnablePlan(byRules, assets, roles);
            if (gap.isEmpty()) {
                return new Result(byRules, "rules", strategy.wireName(), List.of(), List.of());
            }
        }
        LlmPlanner.Outcome o = llm.get().plan(question, screened.language(), screened.applied().aliasHits(), assets, now,
                roles, deadline);
        if (o.decision().isPresent()) {
            return new Result(o.decision().get(), "llm", strategy.wireName(), o.calls(), o.events());
        }
        PlanDecision fallback = byRules != null ? byRules : rules.plan(question, assets, now, zone, dictionary, screened);
        List<PlanEvent> events = new ArrayList<>(o.events());
        PlanEvent last = events.isEmpty() ? null : events.get(events.size() - 1);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("planner", "rules");
        meta.put("fallback", "rules planner");
        meta.put("llm_calls", o.calls().size());
        PlanModel after = fallback.plan();
        events.add(new PlanEvent(last == null ? "tool_error_retryable" : last.triggerType(), "medium",
                "no usable LLM plan; the rules planner answers (" + fallback.kind() + ")", "fallback",
                last == null ? null : last.before(), after, meta));
        return new Result(fallback, "rules", strategy.wireName(), o.calls(), events);
    }

    /**
     * Why a rules decision is no real plan (then the model is asked), or empty: a slot missing, no
     * Query template for it, or only the rules' catch-all (LOOKUP of unresolved words without a
     * metric, LIST of every CI without a filter).
     */
    private Optional<String> noRunnablePlan(PlanDecision d, AssetBundle assets, List<String> roles) {
        if (!"plan".equals(d.kind())) {
            return Optional.empty();
        }
        PlanModel p = d.plan();
        if (!p.missingSlots().isEmpty()) {
            return Optional.of("missing " + p.missingSlots());
        }
        double llmAbove = assets.prompt().rules().understanding().llmAbove();
        if (!p.unexplained().isEmpty() && 1.0 - confidenceShare(p) > llmAbove) {
            return Optional.of("words not understood: " + p.unexplained());
        }
        // the rules' last resorts: attributes of unresolved words, or every CI unfiltered
        boolean catchAll = p.intent() == Intent.LOOKUP && p.metric().metricName().isEmpty() && p.primary().ciCode().isEmpty()
                || p.intent() == Intent.LIST && p.primary().filters().isEmpty() && !p.history().enabled();
        if (catchAll) {
            return Optional.of("only the catch-all " + p.intent() + " plan");
        }
        boolean unbound = validator.validate(d.plan(), assets, roles).decisions().stream()
                .anyMatch(x -> "deny".equals(x.decision()) && "query_binding".equals(x.rule()));
        return unbound ? Optional.of("no Query template matches") : Optional.empty();
    }

    /** The planner's confidence in its reading (1 when it did not record one). */
    private static double confidenceShare(PlanModel p) {
        Object c = p.understanding().get("confidence");
        return c instanceof Number n ? n.doubleValue() / 0.9 : 1.0;
    }
}

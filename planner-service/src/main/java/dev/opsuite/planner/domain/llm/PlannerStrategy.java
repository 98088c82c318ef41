package dev.opsuite.planner.domain.llm;

import dev.opsuite.model.errors.OpsException;
import java.util.Locale;

/**
 * Which planner answers: the rules first and the LLM only when they build no runnable plan
 * (default when an LLM is configured), the LLM first, or the rules alone. Policy rejects of the
 * rules run before any of them and are final.
 */
public enum PlannerStrategy {
    RULES_FIRST, LLM_ONLY, RULES_ONLY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a request's or Prompt asset's value; empty gives the fallback. */
    public static PlannerStrategy parse(String value, PlannerStrategy fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "rules_first", "rules_then_llm" -> RULES_FIRST; // rules_then_llm: the name of the first Prompt assets
            case "llm_only" -> LLM_ONLY;
            case "rules_only" -> RULES_ONLY;
            default -> throw OpsException.invalid("planner_strategy must be rules_first, llm_only or rules_only, got '"
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'");
        };
    }
}

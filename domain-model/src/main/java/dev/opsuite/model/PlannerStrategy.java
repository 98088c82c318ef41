package dev.opsuite.model;

import dev.opsuite.model.errors.OpsException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which planner answers: the rules first and the LLM only when they build no runnable plan
 * (default when an LLM is configured), the LLM first, or the rules alone. Policy rejects of the
 * rules run before any of them and are final. The wire and the Prompt asset keep the lowercase word;
 * every reader takes it from here.
 */
public enum PlannerStrategy {
    RULES_FIRST, LLM_ONLY, RULES_ONLY;

    /** The request field every refusal names. */
    public static final String FIELD = "planner_strategy";
    /** The words a request may send (empty: the Prompt asset's). */
    public static final List<String> REQUEST_WORDS = List.of("rules_first", "llm_only", "rules_only");
    /** The old name of rules_first, still read in a Prompt asset. */
    public static final String OLD_RULES_FIRST = "rules_then_llm";
    /** The words a Prompt asset's {@code strategy} may hold. */
    public static final List<String> ASSET_WORDS = List.of("rules_first", "llm_only", "rules_only", OLD_RULES_FIRST);

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A request's word: empty when it names none (the Prompt asset's then).
     *
     * @throws OpsException INVALID_ARGUMENT naming the field, for a word not in {@link #REQUEST_WORDS}
     */
    public static Optional<PlannerStrategy> ofRequest(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (!REQUEST_WORDS.contains(value)) {
            throw OpsException.invalidField(FIELD, "planner_strategy must be rules_first, llm_only or rules_only, got '"
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'");
        }
        return Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
    }

    /**
     * A Prompt asset's {@code strategy} (checked on save against {@link #ASSET_WORDS}); blank: the fallback.
     *
     * @throws OpsException INVALID_ARGUMENT for another word (an asset written around the check)
     */
    public static PlannerStrategy ofAsset(String value, PlannerStrategy fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String word = value.strip().toLowerCase(Locale.ROOT);
        if (!ASSET_WORDS.contains(word)) {
            throw OpsException.invalid("the Prompt asset's strategy must be one of " + String.join(", ", ASSET_WORDS)
                    + ", got '" + (word.length() > 40 ? word.substring(0, 40) + "…" : word) + "'");
        }
        return word.equals(OLD_RULES_FIRST) ? RULES_FIRST : valueOf(word.toUpperCase(Locale.ROOT));
    }
}

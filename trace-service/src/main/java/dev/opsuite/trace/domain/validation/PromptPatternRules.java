package dev.opsuite.trace.domain.validation;

import java.util.Set;

/**
 * prompt: every regular expression of the rules planner compiles — the members that are patterns
 * (thresholds, depths, event references, time atoms, corrections, type doubts, state inclusions, all-well questions) and
 * each phrase of a word list written as {@code ^…}.
 */
final class PromptPatternRules implements ContentRules {
    private static final AssetPatterns PATTERNS = new AssetPatterns(Set.of(
            "rules.depth_patterns[]", "rules.thresholds[].pattern", "rules.references.patterns[].pattern",
            "rules.time.atoms[].pattern", "rules.time.atoms[].not_after", "rules.time.atoms[].only_after",
            "rules.understanding.corrections[]", "rules.understanding.type_doubts[]",
            "rules.understanding.state_inclusions[]", "rules.understanding.all_well[]",
            "rules.understanding.duration_words[]", "rules.understanding.measure_movement[]",
            "rules.understanding.free_share[]"));

    @Override
    public void check(Node root) {
        PATTERNS.check(root, "rules");
    }
}

package dev.opsuite.trace.domain.validation;

import java.util.Set;

/**
 * mapping: per query, the answer blocks to build from its rows; optionally the grounded LLM
 * summary of COMPOSE (summary: enabled, system_prompt, max_rows, max_tokens).
 */
final class MappingRules implements ContentRules {
    private static final Set<String> BLOCK_TYPES = Set.of("text", "markdown", "table", "chart", "network");

    @Override
    public void check(Node root) {
        for (Node rule : root.objects("rules", true)) {
            rule.string("query", true);
            rule.objects("blocks", true).forEach(b -> b.oneOf("type", BLOCK_TYPES, true));
        }
        root.object("summary", false).ifPresent(s -> {
            s.bool("enabled", true);
            s.string("system_prompt", false);
            s.integer("max_rows", 1, false);
            s.integer("max_tokens", 1, false);
        });
    }
}

package dev.opsuite.trace.domain.validation;

import java.util.Set;

/** mapping: per query, the answer blocks to build from its rows. */
final class MappingRules implements ContentRules {
    private static final Set<String> BLOCK_TYPES = Set.of("text", "markdown", "table", "chart", "network");

    @Override
    public void check(Node root) {
        for (Node rule : root.objects("rules", true)) {
            rule.string("query", true);
            rule.objects("blocks", true).forEach(b -> b.oneOf("type", BLOCK_TYPES, true));
        }
    }
}

package dev.opsuite.trace.domain.validation;

import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** resolver: alias mappings, regex pattern rules and named transformations. */
final class ResolverRules implements ContentRules {
    private static final Set<String> RULE_TYPES = Set.of("alias_mapping", "pattern_rule", "transformation");

    @Override
    public void check(Node root) {
        for (Node rule : root.objects("rules", true)) {
            String type = rule.oneOf("rule_type", RULE_TYPES, true).orElse("");
            rule.object("rule_data", true).ifPresent(data -> {
                switch (type) {
                    case "pattern_rule" -> data.string("pattern", true).ifPresent(p -> compiles(data, p));
                    case "alias_mapping" -> {
                        data.string("source_entity", true);
                        data.string("target_entity", true);
                    }
                    default -> { }
                }
            });
        }
    }

    private static void compiles(Node data, String pattern) {
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            data.problems().add(data.pathOf("pattern"), "must be a valid regular expression ("
                    + e.getDescription() + " near index " + e.getIndex() + ")");
        }
    }
}

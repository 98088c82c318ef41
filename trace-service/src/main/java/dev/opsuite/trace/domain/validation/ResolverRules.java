package dev.opsuite.trace.domain.validation;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** resolver: what each rule type needs in its rule_data (a pattern that compiles, both ends of an alias). */
final class ResolverRules implements ContentRules {
    @Override
    public void check(Node root) {
        for (Node rule : root.objects("rules", false)) {
            String type = rule.string("rule_type", false).orElse("");
            rule.object("rule_data", false).ifPresent(data -> {
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

package dev.opsuite.trace.domain.validation;

/** resolver: what each rule type needs in its rule_data (a pattern RE2/J compiles, both ends of an alias). */
final class ResolverRules implements ContentRules {
    @Override
    public void check(Node root) {
        for (Node rule : root.objects("rules", false)) {
            String type = rule.string("rule_type", false).orElse("");
            rule.object("rule_data", false).ifPresent(data -> {
                switch (type) {
                    case "pattern_rule" -> data.string("pattern", true)
                            .ifPresent(p -> AssetPatterns.compiles(p, data.pathOf("pattern"), data.problems()));
                    case "alias_mapping" -> {
                        data.string("source_entity", true);
                        data.string("target_entity", true);
                    }
                    default -> { }
                }
            });
        }
    }
}

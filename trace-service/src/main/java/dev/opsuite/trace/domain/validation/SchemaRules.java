package dev.opsuite.trace.domain.validation;

/**
 * schema: entities with named fields, optional named metrics. An entity's optional role says what
 * the planner uses it for: primary (what questions are about, filters from its enums) or events.
 */
final class SchemaRules implements ContentRules {
    private static final java.util.Set<String> ROLES = java.util.Set.of("primary", "events");

    @Override
    public void check(Node root) {
        for (Node entity : root.objects("entities", true)) {
            entity.string("name", true);
            entity.oneOf("role", ROLES, false);
            entity.objects("fields", true).forEach(f -> f.string("name", true));
        }
        root.objects("metrics", false).forEach(m -> m.string("name", true));
    }
}

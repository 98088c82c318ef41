package dev.opsuite.trace.domain.validation;

/** schema: entities with named fields, optional named metrics. */
final class SchemaRules implements ContentRules {
    @Override
    public void check(Node root) {
        for (Node entity : root.objects("entities", true)) {
            entity.string("name", true);
            entity.objects("fields", true).forEach(f -> f.string("name", true));
        }
        root.objects("metrics", false).forEach(m -> m.string("name", true));
    }
}

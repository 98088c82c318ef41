package dev.opsuite.executor.domain;

import java.util.List;

/**
 * What an introspection of one source found: tables (or node labels) with their fields and keys,
 * relationship types (graph sources), and what the policy made it leave out.
 */
public record ScannedSchema(List<Entity> entities, List<Relation> relations, List<String> excluded) {

    /** kind: table | partitioned_table | view | materialized_view | label. */
    public record Entity(String schema, String table, String kind, List<Field> fields, List<ForeignKey> foreignKeys) {}

    /** dbType is the store's own type name (e.g. "timestamp with time zone", "LIST OF STRING"). */
    public record Field(String name, String dbType, boolean nullable, boolean primaryKey) {}

    /** fields of this entity that reference targetFields of the entity (schema, table) named. */
    public record ForeignKey(List<String> fields, String targetSchema, String targetTable, List<String> targetFields) {}

    /** A graph relationship type with the labels seen at its ends and its properties. */
    public record Relation(String type, List<String> fromLabels, List<String> toLabels, List<Field> properties) {}
}

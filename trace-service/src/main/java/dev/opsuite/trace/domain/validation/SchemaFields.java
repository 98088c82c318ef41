package dev.opsuite.trace.domain.validation;

import static dev.opsuite.trace.domain.validation.AssetSpec.group;
import static dev.opsuite.trace.domain.validation.Field.field;
import static dev.opsuite.trace.domain.validation.Kind.BOOLEAN;
import static dev.opsuite.trace.domain.validation.Kind.OBJECT;
import static dev.opsuite.trace.domain.validation.Kind.STRING;
import static dev.opsuite.trace.domain.validation.Kind.STRINGS;
import static dev.opsuite.trace.domain.validation.Kind.TEXT;
import static dev.opsuite.trace.domain.validation.Kind.arrayOf;
import static dev.opsuite.trace.domain.validation.Kind.mapOf;

import dev.opsuite.model.asset.SchemaAsset;
import dev.opsuite.model.AssetType;
import java.util.List;

/**
 * The fields of a Schema asset (SchemaCatalog), as the planner and COMPOSE read them and the schema
 * scan writes them.
 */
final class SchemaFields {
    private static final String SCAN = " Written by the schema scan; not read by the stages.";
    private static final String UNREAD = " Descriptive: not read by the stages.";

    private SchemaFields() {}

    static AssetSpec spec() {
        return new AssetSpec(AssetType.SCHEMA,
                "The SchemaCatalog: the estate's vocabulary — the kinds of things it holds (entities) with their "
                        + "fields, the values of those fields and the words for them, the metrics and the graph's "
                        + "relation types. The rules planner reads its words; the LLM planner sees a copy pruned to "
                        + "the question and has its plans checked against it. The schema scan of a Source proposes "
                        + "one (the fields it adds are marked).",
                "PLAN (planner-service: vocabulary, entity roles, LLM catalog and plan checks); COMPOSE "
                        + "(executor-service: metric labels and units).",
                List.of(
                        group("Entities",
                                Field.assetName(),
                                field("entities", arrayOf(OBJECT), "The kinds of things the estate holds (tables or "
                                        + "graph labels).").required(),
                                field("entities[].name", STRING, "The entity's name, as plans and field references "
                                        + "(`ci.location`) spell it.").required(),
                                field("entities[].role", STRING, "What the planner uses the entity for: `primary` — "
                                        + "what questions are about, its enum fields give filters; `events` — the "
                                        + "history of events. Without a `primary` entity the first one is; without an "
                                        + "`events` entity, the one named `ci_event`.").oneOf("primary", "events"),
                                field("entities[].synonyms", STRINGS, "Words naming this kind of thing in questions "
                                        + "(\"server\", \"장비\")."),
                                field("entities[].display_name", STRING, "Name of the entity for people." + UNREAD),
                                field("entities[].source", STRING, "The Source asset holding the entity." + UNREAD
                                        + " Each Query template names its own source."),
                                field("entities[].table", STRING, "The table or view holding the entity." + UNREAD),
                                field("entities[].relationships", arrayOf(OBJECT), "Entities whose foreign key refers "
                                        + "to this one." + UNREAD),
                                field("entities[].relationships[].target", STRING, "The referring entity."),
                                field("entities[].relationships[].type", STRING, "Cardinality.")
                                        .known("one_to_many"),
                                field("entities[].relationships[].foreign_key", STRING, "The referring entity's "
                                        + "column.")),
                        group("Fields of an entity",
                                field("entities[].fields", arrayOf(OBJECT), "The entity's fields (columns or "
                                        + "properties).").required(),
                                field("entities[].fields[].name", STRING, "The field's name, as statements and "
                                        + "plan filters spell it.").required(),
                                field("entities[].fields[].type", STRING, "The field's type, as the LLM planner "
                                        + "sees it.").byDefaultText(SchemaAsset.DEFAULT_FIELD_TYPE)
                                        .known("string", "integer", "float", "boolean", "timestamp", "date", "json",
                                                "array"),
                                field("entities[].fields[].synonyms", STRINGS, "Words naming the field in questions "
                                        + "(owner: \"team\", \"담당\")."),
                                field("entities[].fields[].enum", STRINGS, "The values the field takes. Each is a word "
                                        + "for a filter on the field (status = running), and LLM plans filtering on "
                                        + "the field must use one of them."),
                                field("entities[].fields[].enum_labels", mapOf(STRINGS), "Per enum value, the words "
                                        + "and phrases that mean it in questions (running: \"up\", \"가동 중\").")
                                        .keys("the field's `enum` values"),
                                field("entities[].fields[].unit", STRING, "Unit of the field's values." + UNREAD
                                        + " Answers take units from `metrics`."),
                                field("entities[].fields[].display_name", STRING, "Name of the field for people."
                                        + UNREAD),
                                field("entities[].fields[].primary_key", BOOLEAN, "Marks the key field." + UNREAD
                                        + " The schema scan writes it.")),
                        group("Metrics and relation types",
                                field("metrics", arrayOf(OBJECT), "The metrics of the estate's time series."),
                                field("metrics[].name", STRING, "The metric's name, as the metric rows and plans "
                                        + "spell it (`cpu_usage`); also a word for it.").required(),
                                field("metrics[].unit", STRING, "Unit written after values in answers (`{unit}`).")
                                        .byDefault("\"\""),
                                field("metrics[].display_name", TEXT, "Label of the metric in answers "
                                        + "(`{metric_label}`); given per language, each label is also a word for it.")
                                        .defaultIs("the name"),
                                field("metrics[].synonyms", STRINGS, "Words and phrases naming the metric in "
                                        + "questions (\"cpu\", \"응답 시간\")."),
                                field("relations", arrayOf(OBJECT), "The graph's relation types."),
                                field("relations[].type", STRING, "A relation type (`DEPENDS_ON`): offered to the LLM "
                                        + "planner, whose plans may name no other."),
                                field("relations[].dependent", STRING, "Which end of the relation depends on the "
                                        + "other." + UNREAD).known("source", "target"),
                                field("relations[].display_name", TEXT, "Name of the relation for people." + UNREAD)),
                        group("Written by the schema scan",
                                field("entities[].label", STRING, "The Neo4j label holding the entity." + SCAN),
                                field("entities[].schema", STRING, "The PostgreSQL schema of the table." + SCAN),
                                field("entities[].kind", STRING, "What the scan found." + SCAN)
                                        .known("table", "partitioned_table", "view", "materialized_view", "label",
                                                "redis:string", "redis:hash", "redis:list", "redis:set", "redis:zset",
                                                "redis:stream"),
                                field("entities[].foreign_keys", arrayOf(OBJECT), "The table's foreign keys." + SCAN),
                                field("entities[].foreign_keys[].fields", STRINGS, "The referring columns."),
                                field("entities[].foreign_keys[].references", STRING, "The referred entity."),
                                field("entities[].foreign_keys[].reference_fields", STRINGS, "The referred columns."),
                                field("entities[].fields[].db_type", STRING, "The store's own type name." + SCAN),
                                field("entities[].fields[].nullable", BOOLEAN, "Whether the field may be null." + SCAN),
                                field("entities[].fields[].references", STRING, "`entity.field` this field refers to."
                                        + SCAN),
                                field("relations[].source", STRING, "The Source asset scanned." + SCAN),
                                field("relations[].from", STRINGS, "Labels of the nodes the relation leaves." + SCAN),
                                field("relations[].to", STRINGS, "Labels of the nodes it reaches." + SCAN),
                                field("relations[].properties", arrayOf(OBJECT), "The relation's properties." + SCAN),
                                field("relations[].properties[].name", STRING, "Property name."),
                                field("relations[].properties[].type", STRING, "Property type, as fields' `type`."),
                                field("relations[].properties[].db_type", STRING, "The store's own type name."),
                                field("relations[].properties[].nullable", BOOLEAN, "Whether it may be missing."),
                                field("relations[].properties[].primary_key", BOOLEAN, "Marks a key property."),
                                field("scan", OBJECT, "What the scan read." + SCAN),
                                field("scan.source", STRING, "`name@version` of the scanned Source."),
                                field("scan.source_type", STRING, "The scanned Source's `type`."),
                                field("scan.excluded_by_policy", STRINGS, "Tables left out: the Policy's "
                                        + "`security.blocked_tables`."),
                                field("scan.truncated", BOOLEAN, "Whether the scan stopped at its entity limit."))));
    }
}

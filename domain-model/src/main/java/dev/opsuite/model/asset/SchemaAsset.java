package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.opsuite.model.AssetDoc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SchemaCatalog asset ({@code schema}), typed as the stages read it: the entities with their
 * fields, the words for them and the values of enumerated fields, the metrics with their labels and
 * units, and the graph's relation types. The members the schema scan writes for people (tables,
 * foreign keys, store types) are descriptive and not read, so they are not part of the record
 * (trace-service {@code SchemaFields} shows every member). Anything parses: an absent member, or one
 * of the wrong kind, reads as its default ({@link Read}); an element that is no object is left out.
 */
public record SchemaAsset(List<Entity> entities, List<Metric> metrics, List<String> relationTypes) {
    /** The primary entity when the catalog has none (and no entity at all). */
    public static final String DEFAULT_PRIMARY = "ci";
    /** The events entity when no entity has the role {@code events}. */
    public static final String DEFAULT_EVENTS = "ci_event";
    public static final String DEFAULT_FIELD_TYPE = "string";
    /** The Schema of a request that applies none: no entity, metric or relation type. */
    public static final SchemaAsset EMPTY = from(MissingNode.getInstance());

    public SchemaAsset {
        entities = List.copyOf(entities);
        metrics = List.copyOf(metrics);
        relationTypes = List.copyOf(relationTypes);
    }

    /** {@code entities[]}: a kind of thing the estate holds; {@code role} is primary, events or "". */
    public record Entity(String name, String role, List<String> synonyms, List<FieldDef> fields) {
        public Entity {
            synonyms = List.copyOf(synonyms);
            fields = List.copyOf(fields);
        }

        /** The field of this name, when the entity has one. */
        public Optional<FieldDef> field(String name) {
            return fields.stream().filter(f -> f.name().equals(name)).findFirst();
        }

        static Entity from(JsonNode e) {
            return new Entity(Read.string(e.path("name"), ""), Read.string(e.path("role"), ""),
                    Read.strings(e.path("synonyms")), Read.objects(e.path("fields")).stream().map(FieldDef::from).toList());
        }
    }

    /**
     * {@code entities[].fields[]}: a field with the words naming it; an enumerated field also has its
     * values and, per value, the words meaning it ({@code enum_labels}). No values: not enumerated.
     */
    public record FieldDef(String name, String type, List<String> synonyms, List<String> values,
                           Map<String, List<String>> valueLabels) {
        public FieldDef {
            synonyms = List.copyOf(synonyms);
            values = List.copyOf(values);
            Map<String, List<String>> labels = new LinkedHashMap<>();
            valueLabels.forEach((k, v) -> labels.put(k, List.copyOf(v)));
            valueLabels = java.util.Collections.unmodifiableMap(labels);
        }

        public boolean enumerated() {
            return !values.isEmpty();
        }

        /** The words meaning this value (none: only the value itself). */
        public List<String> labels(String value) {
            return valueLabels.getOrDefault(value, List.of());
        }

        static FieldDef from(JsonNode f) {
            Map<String, List<String>> labels = new LinkedHashMap<>();
            Read.members(f.path("enum_labels")).forEach((value, words) -> labels.put(value, Read.strings(words)));
            return new FieldDef(Read.string(f.path("name"), ""), Read.string(f.path("type"), DEFAULT_FIELD_TYPE),
                    Read.strings(f.path("synonyms")), Read.strings(f.path("enum")), labels);
        }
    }

    /** {@code metrics[]}: a metric, its unit (after values), its label for people and the words naming it. */
    public record Metric(String name, String unit, Text displayName, List<String> synonyms) {
        public Metric {
            synonyms = List.copyOf(synonyms);
        }

        /** Its label in this language (none given: its name). */
        public String label(String language) {
            String l = displayName.in(language);
            return l.isEmpty() ? name : l;
        }

        static Metric from(JsonNode m) {
            return new Metric(Read.string(m.path("name"), ""), Read.string(m.path("unit"), ""),
                    Text.from(m.path("display_name")), Read.strings(m.path("synonyms")));
        }
    }

    /** The entity of this name, when there is one. */
    public Optional<Entity> entity(String name) {
        return entities.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The metric of this name, when there is one. */
    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** What questions are about: the entity with the role primary, else the first, else {@link #DEFAULT_PRIMARY}. */
    public String primaryEntity() {
        return withRole("primary").orElse(entities.isEmpty() ? DEFAULT_PRIMARY : entities.get(0).name());
    }

    /** The history of events: the entity with the role events, else {@link #DEFAULT_EVENTS}. */
    public String eventsEntity() {
        return withRole("events").orElse(DEFAULT_EVENTS);
    }

    private Optional<String> withRole(String role) {
        return entities.stream().filter(e -> e.role().equals(role)).map(Entity::name).findFirst();
    }

    /** Parses a SchemaCatalog content (null or missing: {@link #EMPTY}); unknown members are ignored. */
    public static SchemaAsset from(JsonNode content) {
        JsonNode c = content == null ? MissingNode.getInstance() : content;
        return new SchemaAsset(Read.objects(c.path("entities")).stream().map(Entity::from).toList(),
                Read.objects(c.path("metrics")).stream().map(Metric::from).toList(),
                Read.objects(c.path("relations")).stream().map(r -> Read.string(r.path("type"), "")).toList());
    }

    /** The typed content of an applied SchemaCatalog (none, or no content: {@link #EMPTY}), parsed once per content. */
    public static SchemaAsset of(AssetDoc schema) {
        if (schema == null || schema.content() == null || schema.content().isMissingNode()) {
            return EMPTY;
        }
        return ParsedAssets.parsed(schema.content(), SchemaAsset.class, SchemaAsset::from);
    }
}

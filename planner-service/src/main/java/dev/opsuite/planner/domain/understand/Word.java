package dev.opsuite.planner.domain.understand;

/**
 * A phrase the assets define and what it means: a metric, an enum value of an entity field, a field
 * name, an entity type word, an intent keyword of a group, an aggregation, a top-N order, a trend
 * word, a word asking when ("when", "언제"), a stopword, or a value of a field found in the estate's data.
 *
 * @param group for ENUM and VALUE "entity.field", for FIELD the entity, for INTENT the keyword group
 * @param value the canonical value (metric name, enum value, field name, aggregation, order…)
 */
public record Word(Kind kind, String group, String value, String phrase) {
    public enum Kind { METRIC, ENUM, FIELD, ENTITY_TYPE, INTENT, AGG, TOP, TREND, WHEN, STOPWORD, VALUE }

    public boolean is(Kind k, String v) {
        return kind == k && value.equals(v);
    }
}

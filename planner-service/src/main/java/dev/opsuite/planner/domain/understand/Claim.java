package dev.opsuite.planner.domain.understand;

/**
 * What accounts for one span of the question: an entity, a time expression, a word of the assets'
 * vocabulary (metric, enum, field, intent…), a threshold or count, a stopword or grammar.
 *
 * @param kind  entity | reference | time | metric | enum | field | entity_type | intent | agg | top | trend | value |
 *              threshold | number | stopword | function
 * @param value what it stands for (a CI code, a metric name, "ci.ci_type=server", "impact"…)
 * @param score 1 for exact matches; entity matches score by rank
 */
public record Claim(Span span, String text, String kind, String value, double score) {}

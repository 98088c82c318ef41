package dev.opsuite.planner.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.cache.Lru;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words the planner understands, all taken from assets: metric names and synonyms, enum values
 * and their labels (SchemaCatalog), intent keywords (Prompt asset rules). Nothing here is
 * hard-coded vocabulary.
 */
public final class Vocabulary {
    public record MetricTerm(String name, String unit, JsonNode displayName, String phrase) {}

    public record EnumTerm(String entity, String field, String value, String phrase) {}

    public record FieldTerm(String entity, String field, String phrase) {}

    private final List<MetricTerm> metricTerms = new ArrayList<>();
    private final List<EnumTerm> enumTerms = new ArrayList<>();
    private final List<FieldTerm> fieldTerms = new ArrayList<>();
    private final List<String> entityTerms = new ArrayList<>();
    private final Set<String> words = new HashSet<>();
    private final JsonNode rules;
    private final String primaryEntity;
    private final String eventsEntity;

    /** Identity of the two content trees a vocabulary was built from (shared per asset version). */
    private record Source(JsonNode schema, JsonNode prompt) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Source s && s.schema == schema && s.prompt == prompt;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(schema) + System.identityHashCode(prompt);
        }
    }

    private static final java.util.Map<Source, Vocabulary> BUILT = Lru.bounded(32);

    /**
     * The vocabulary of a SchemaCatalog and Prompt asset. Built once per pair of content trees: the
     * stage services reuse one tree per asset version, and a vocabulary is read-only once built.
     */
    public static Vocabulary of(JsonNode schema, JsonNode prompt) {
        return BUILT.computeIfAbsent(new Source(schema, prompt), k -> new Vocabulary(schema, prompt));
    }

    public Vocabulary(JsonNode schema, JsonNode prompt) {
        this.primaryEntity = entityWithRole(schema, "primary", schema.path("entities").path(0).path("name").asText("ci"));
        this.eventsEntity = entityWithRole(schema, "events", "ci_event");
        for (JsonNode m : schema.path("metrics")) {
            String name = m.path("name").asText();
            metricTerms.add(new MetricTerm(name, m.path("unit").asText(""), m.path("display_name"), name));
            for (JsonNode s : m.path("synonyms")) {
                metricTerms.add(new MetricTerm(name, m.path("unit").asText(""), m.path("display_name"), s.asText()));
            }
        }
        for (JsonNode e : schema.path("entities")) {
            String entity = e.path("name").asText();
            e.path("synonyms").forEach(s -> entityTerms.add(s.asText()));
            for (JsonNode f : e.path("fields")) {
                String field = f.path("name").asText();
                f.path("synonyms").forEach(s -> fieldTerms.add(new FieldTerm(entity, field, s.asText())));
                JsonNode labels = f.path("enum_labels");
                for (JsonNode v : f.path("enum")) {
                    String value = v.asText();
                    enumTerms.add(new EnumTerm(entity, field, value, value));
                    labels.path(value).forEach(l -> enumTerms.add(new EnumTerm(entity, field, value, l.asText())));
                }
            }
        }
        // longest phrase first, so "cpu 사용량" wins over "cpu"
        metricTerms.sort(Comparator.comparingInt((MetricTerm t) -> t.phrase().length()).reversed());
        enumTerms.sort(Comparator.comparingInt((EnumTerm t) -> t.phrase().length()).reversed());
        this.rules = prompt.path("rules");
        metricTerms.forEach(t -> addWords(t.phrase()));
        enumTerms.forEach(t -> addWords(t.phrase()));
        fieldTerms.forEach(t -> addWords(t.phrase()));
        entityTerms.forEach(this::addWords);
        rules.path("intent_keywords").forEach(list -> list.forEach(k -> addWords(k.asText())));
        rules.path("aggregations").forEach(list -> list.forEach(k -> addWords(k.asText())));
        rules.path("top_n").forEach(list -> list.forEach(k -> addWords(k.asText())));
        rules.path("trend").forEach(k -> addWords(k.asText()));
    }

    private void addWords(String phrase) {
        for (String w : Phrases.fold(phrase).split("\\s+")) {
            if (!w.isBlank() && !w.startsWith("^")) {
                words.add(w);
            }
        }
    }

    /** True when the token is a word of some known phrase (not a CI mention). */
    public boolean isKnownWord(String token) {
        return words.contains(Phrases.fold(token));
    }

    public MetricTerm findMetric(String folded) {
        for (MetricTerm t : metricTerms) {
            if (Phrases.contains(folded, t.phrase())) {
                return t;
            }
        }
        return null;
    }

    public MetricTerm metricByName(String name) {
        return metricTerms.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /** Every enum value mentioned, at most one per field (the longest label wins). */
    /**
     * The entity questions are about (CIs, hosts…): the SchemaCatalog entity with "role": "primary",
     * else its first entity. Its enum fields become plan filters named after the field.
     */
    public String primaryEntity() {
        return primaryEntity;
    }

    /** The entity holding events/history ("role": "events", else "ci_event"). */
    public String eventsEntity() {
        return eventsEntity;
    }

    private static String entityWithRole(JsonNode schema, String role, String fallback) {
        for (JsonNode e : schema.path("entities")) {
            if (role.equals(e.path("role").asText())) {
                return e.path("name").asText();
            }
        }
        return fallback;
    }

    public List<EnumTerm> findEnums(String folded) {
        List<EnumTerm> found = new ArrayList<>();
        Set<String> fields = new HashSet<>();
        for (EnumTerm t : enumTerms) {
            String key = t.entity() + "." + t.field();
            if (!fields.contains(key) && Phrases.contains(folded, t.phrase())) {
                found.add(t);
                fields.add(key);
            }
        }
        return found;
    }

    /** True when the folded word is a label of that enum field (e.g. "servers" for ci.ci_type). */
    public boolean isEnumLabel(String entity, String field, String folded) {
        return enumTerms.stream().anyMatch(t -> t.entity().equals(entity) && t.field().equals(field)
                && Phrases.fold(t.phrase()).equals(folded));
    }

    public List<FieldTerm> fieldTerms() {
        return fieldTerms;
    }

    /** The key under rules.&lt;group&gt; whose phrase list matches first, or null. */
    public String firstKeyMatching(String group, String folded) {
        for (Map.Entry<String, JsonNode> e : rules.path(group).properties()) {
            if (Phrases.firstMatch(folded, e.getValue()) != null) {
                return e.getKey();
            }
        }
        return null;
    }

    public boolean hasKeyword(String group, String key, String folded) {
        return Phrases.firstMatch(folded, rules.path(group).path(key)) != null;
    }

    public boolean hasAny(String group, String folded) {
        return Phrases.firstMatch(folded, rules.path(group)) != null;
    }
}

package dev.opsuite.planner.domain.llm;

import dev.opsuite.planner.domain.understand.Folding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.planner.domain.Phrases;

/**
 * The SchemaCatalog cut down to what a question mentions, to keep the prompt small: every
 * entity with its field names and enum values (what a plan may name), but synonyms and enum
 * labels only where the question uses them; metrics the question names in full, the rest by
 * name only; relation types by name.
 */
final class CatalogPruner {
    private CatalogPruner() {}

    static ObjectNode prune(JsonNode catalog, String question) {
        String folded = Folding.fold(question);
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        ArrayNode entities = out.putArray("entities");
        for (JsonNode e : catalog.path("entities")) {
            ObjectNode ent = entities.addObject().put("name", e.path("name").asText());
            ArrayNode fields = ent.putArray("fields");
            for (JsonNode field : e.path("fields")) {
                ObjectNode fo = fields.addObject().put("name", field.path("name").asText())
                        .put("type", field.path("type").asText("string"));
                if (field.has("enum")) {
                    fo.set("enum", field.path("enum"));
                }
                ObjectNode labels = f.objectNode();
                field.path("enum_labels").properties().forEach(en -> {
                    ArrayNode hit = f.arrayNode();
                    en.getValue().forEach(l -> {
                        if (Phrases.contains(folded, Folding.fold(l.asText()))) {
                            hit.add(l.asText());
                        }
                    });
                    if (!hit.isEmpty()) {
                        labels.set(en.getKey(), hit);
                    }
                });
                if (!labels.isEmpty()) {
                    fo.set("labels_in_question", labels);
                }
            }
        }
        ArrayNode metrics = out.putArray("metrics");
        for (JsonNode m : catalog.path("metrics")) {
            boolean named = Phrases.contains(folded, Folding.fold(m.path("name").asText()));
            for (JsonNode s : m.path("synonyms")) {
                named |= Phrases.contains(folded, Folding.fold(s.asText()));
            }
            ObjectNode mo = metrics.addObject().put("name", m.path("name").asText());
            if (named) {
                mo.put("unit", m.path("unit").asText()).set("display_name", m.path("display_name"));
                mo.put("mentioned", true);
            }
        }
        ArrayNode relations = out.putArray("relation_types");
        catalog.path("relations").forEach(r -> relations.add(r.path("type").asText()));
        return out;
    }
}

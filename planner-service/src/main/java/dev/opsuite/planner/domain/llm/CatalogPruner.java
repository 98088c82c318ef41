package dev.opsuite.planner.domain.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.model.asset.SchemaAsset;
import dev.opsuite.model.asset.Text;
import dev.opsuite.planner.domain.Phrases;
import dev.opsuite.planner.domain.understand.Folding;

/**
 * The SchemaCatalog cut down to what a question mentions, to keep the prompt small: every
 * entity with its field names and enum values (what a plan may name), but synonyms and enum
 * labels only where the question uses them; metrics the question names in full, the rest by
 * name only; relation types by name.
 */
final class CatalogPruner {
    private CatalogPruner() {}

    static ObjectNode prune(SchemaAsset catalog, String question) {
        String folded = Folding.fold(question);
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode out = f.objectNode();
        ArrayNode entities = out.putArray("entities");
        for (SchemaAsset.Entity e : catalog.entities()) {
            ObjectNode ent = entities.addObject().put("name", e.name());
            ArrayNode fields = ent.putArray("fields");
            for (SchemaAsset.FieldDef field : e.fields()) {
                ObjectNode fo = fields.addObject().put("name", field.name()).put("type", field.type());
                if (field.enumerated()) {
                    field.values().forEach(fo.putArray("enum")::add);
                }
                ObjectNode labels = f.objectNode();
                field.valueLabels().forEach((value, words) -> {
                    ArrayNode hit = f.arrayNode();
                    words.stream().filter(l -> Phrases.contains(folded, Folding.fold(l))).forEach(hit::add);
                    if (!hit.isEmpty()) {
                        labels.set(value, hit);
                    }
                });
                if (!labels.isEmpty()) {
                    fo.set("labels_in_question", labels);
                }
            }
        }
        ArrayNode metrics = out.putArray("metrics");
        for (SchemaAsset.Metric m : catalog.metrics()) {
            boolean named = Phrases.contains(folded, Folding.fold(m.name()));
            for (String s : m.synonyms()) {
                named |= Phrases.contains(folded, Folding.fold(s));
            }
            ObjectNode mo = metrics.addObject().put("name", m.name());
            if (named) {
                mo.put("unit", m.unit()).set("display_name", json(m.displayName()));
                mo.put("mentioned", true);
            }
        }
        ArrayNode relations = out.putArray("relation_types");
        catalog.relationTypes().forEach(relations::add);
        return out;
    }

    /** A text as the asset wrote it: one string, or a string per language. */
    private static JsonNode json(Text t) {
        if (t.plain() != null) {
            return JsonNodeFactory.instance.textNode(t.plain());
        }
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        t.languages().forEach(o::put);
        return o;
    }
}

package dev.opsuite.guard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.PlanModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a blocked table named anywhere in a plan's values (entity, filter fields and values,
 * mentions, keywords…), e.g. a model-written or patched plan that smuggles "credentials" into a
 * filter. The question text itself is screened by the route rules before planning.
 */
final class BlockedNames {
    private BlockedNames() {}

    static Optional<String> find(PlanModel plan, List<String> blockedTables) {
        if (blockedTables.isEmpty()) {
            return Optional.empty();
        }
        // the question's own words, as read, are not a plan naming a table: left out before the tree is made
        PlanModel asked = new PlanModel(plan.intent(), plan.view(), plan.primary(), plan.secondary(), plan.graph(),
                plan.metric(), plan.history(), plan.output(), plan.language(), plan.missingSlots(), plan.candidates(),
                null, null, null, plan.adjustments(), plan.documents());
        JsonNode tree = ModelJson.MAPPER.valueToTree(asked);
        for (String t : blockedTables) {
            String table = t.strip();
            if (table.isEmpty()) {
                continue;
            }
            if (names(tree, wordPattern(table))) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
    }

    private static final Map<String, Pattern> WORDS = dev.opsuite.kit.cache.Lru.bounded(256);

    /** The table as a whole word, any case; compiled once per table name. */
    private static Pattern wordPattern(String table) {
        synchronized (WORDS) {
            return WORDS.computeIfAbsent(table, x -> Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(x)
                    + "(?![A-Za-z0-9_])", Pattern.CASE_INSENSITIVE));
        }
    }

    private static boolean names(JsonNode node, Pattern word) {
        if (node.isTextual()) {
            return word.matcher(node.asText()).find();
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (names(e.getValue(), word)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                if (names(n, word)) {
                    return true;
                }
            }
        }
        return false;
    }
}

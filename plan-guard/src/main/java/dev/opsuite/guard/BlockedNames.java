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
        JsonNode tree = ModelJson.MAPPER.valueToTree(plan);
        if (tree.isObject()) {
            // the question's own words, as read, are not a plan naming a table
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove(
                    List.of("normalized_question", "unexplained", "understanding"));
        }
        for (String t : blockedTables) {
            String table = t.strip();
            if (table.isEmpty()) {
                continue;
            }
            Pattern word = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(table) + "(?![A-Za-z0-9_])",
                    Pattern.CASE_INSENSITIVE);
            if (names(tree, word)) {
                return Optional.of(table);
            }
        }
        return Optional.empty();
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

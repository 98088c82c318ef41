package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.json.ModelJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped default golden set (assets/defaults/golden.json) as CreateGoldenQuery will take it: at
 * least 40 questions in both languages, tags and expectations it accepts, each bound to default
 * assets by type/name (what a publish of that asset gates), and the selection a start makes (what the
 * marker lists is not created again; without the demo estate, no question about demo CIs).
 */
class GoldenSetFileTest {
    private static final Path DEFAULTS = Path.of("..", "assets", "defaults");
    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]{1,40}");
    private static final Set<String> EXPECTATIONS = Set.of("rows_tolerance", "values_tolerance", "latency_factor",
            "pinned");

    @Test
    void theShippedSetIsWellFormedAndBoundToTheDefaults() throws Exception {
        List<JsonNode> queries = GoldenSeeder.read(DEFAULTS.resolve(GoldenSeeder.FILE));
        JsonNode defaults = ModelJson.MAPPER.readTree(DEFAULTS.resolve("defaults.json").toFile());
        assertTrue(queries.size() >= 40, "at least 40: " + queries.size());
        int korean = 0;
        Set<String> tags = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        for (JsonNode q : queries) {
            String name = q.path("name").asText();
            korean += q.path("question").asText().codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3) ? 1 : 0;
            if (name.isBlank() || name.length() > 100 || q.path("tags").size() > 16 || q.path("bound_assets").isEmpty()) {
                wrong.add(name + ": name 1-100, at most 16 tags, at least one bound asset");
            }
            q.path("tags").forEach(t -> {
                tags.add(t.asText());
                if (!TAG.matcher(t.asText()).matches()) {
                    wrong.add(name + ": tag " + t);
                }
            });
            for (JsonNode b : q.path("bound_assets")) {
                String[] tn = b.asText().split("/", 2);
                if (tn.length != 2 || !tn[1].equals(defaults.path(tn[0]).asText())) {
                    wrong.add(name + ": " + b + " is not a default asset's type/name");
                }
            }
            q.path("expectations").fieldNames().forEachRemaining(k -> {
                if (!EXPECTATIONS.contains(k)) {
                    wrong.add(name + ": expectation " + k);
                }
            });
            boolean demo = "demo".equals(q.path("estate").asText());
            if (demo != hasTag(q, "demo")) {
                wrong.add(name + ": \"estate\": \"demo\" and the tag demo go together");
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertTrue(korean >= 15 && queries.size() - korean >= 15, "both languages: " + korean + " Korean of "
                + queries.size());
        assertTrue(tags.containsAll(List.of("default", "direct", "reject", "lookup", "aggregate", "list", "search",
                "expand", "path")), "tags: " + tags);
    }

    @Test
    void aStartCreatesWhatTheMarkerDoesNotListAndWithoutTheDemoNoDemoQuestion() throws Exception {
        List<JsonNode> queries = GoldenSeeder.read(DEFAULTS.resolve(GoldenSeeder.FILE));
        assertEquals(queries, GoldenSeeder.select(queries, Set.of(), true));
        String first = queries.get(0).path("name").asText();
        List<JsonNode> rest = GoldenSeeder.select(queries, Set.of(first), true);
        assertEquals(queries.size() - 1, rest.size());
        assertTrue(rest.stream().noneMatch(q -> q.path("name").asText().equals(first)), "deleted stays deleted");
        List<JsonNode> noDemo = GoldenSeeder.select(queries, Set.of(), false);
        assertTrue(noDemo.stream().noneMatch(q -> hasTag(q, "demo")), "no demo question without the demo estate");
        assertTrue(noDemo.size() >= 10 && noDemo.stream().allMatch(q -> hasTag(q, "direct") || hasTag(q, "reject")),
                "the direct answers and rejects are kept: " + noDemo.size());
    }

    private static boolean hasTag(JsonNode q, String tag) {
        for (JsonNode t : q.path("tags")) {
            if (t.asText().equals(tag)) {
                return true;
            }
        }
        return false;
    }
}

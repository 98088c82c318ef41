package dev.opsuite.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.AssetType;
import dev.opsuite.trace.domain.validation.AssetModel;
import dev.opsuite.trace.domain.validation.AssetValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The asset model describes every field of the assets the product ships — the defaults, the
 * assets of examples/ (the foreign schema) and the launcher's tests, the user guide's examples — and they all validate:
 * a field a shipped asset carries is a field the reference must document.
 */
class ShippedAssetsModelTest {
    private record Shipped(Path file, AssetType type, Map<String, Object> content) {
        String name() {
            Object n = content.get("name");
            return n instanceof String s ? s : file.getFileName().toString().replace(".json", "");
        }
    }

    private final AssetValidator validator = new AssetValidator();

    /** assets/defaults/TYPE/NAME.json, and the JSON files elsewhere whose name is their type ("queries": query). */
    private static List<Shipped> shipped() throws IOException {
        Path root = AssetReferenceDocTest.repoRoot();
        List<Shipped> out = new ArrayList<>();
        for (Path f : jsonFiles(root.resolve("assets/defaults"))) {
            AssetType.parse(f.getParent().getFileName().toString()).ifPresent(t -> out.add(read(f, t)));
        }
        for (Path dir : List.of(root.resolve("launcher/src/test/resources"), root.resolve("examples"),
                root.resolve("trace-service/src/test/resources/guide-assets"))) {
            for (Path f : jsonFiles(dir)) {
                String stem = f.getFileName().toString().replace(".json", "");
                typeNamed(stem).ifPresent(t -> out.add(read(f, t)));
            }
        }
        return out;
    }

    private static Optional<AssetType> typeNamed(String stem) {
        return "queries".equals(stem) ? Optional.of(AssetType.QUERY) : AssetType.parse(stem);
    }

    private static List<Path> jsonFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Shipped read(Path file, AssetType type) {
        try { // as the registry receives it: through a protobuf Struct (every number a double)
            return new Shipped(file, type, Structs.toMap(Structs.fromJson(Files.readString(file), Struct.newBuilder()).build()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyFieldOfEveryShippedAssetIsDeclared() throws IOException {
        List<Shipped> assets = shipped();
        assertTrue(assets.size() >= 18, "the 9 defaults, 5 foreign and 4 guide assets: " + assets);
        assertTrue(assets.stream().map(Shipped::type).distinct().count() == AssetType.values().length,
                "every asset type is shipped at least once");
        List<String> undeclared = new ArrayList<>();
        for (Shipped a : assets) {
            AssetModel.undeclared(a.type(), a.content()).forEach(p -> undeclared.add(a.file() + " " + p));
        }
        assertEquals(List.of(), undeclared, "fields the asset model does not declare");
    }

    @Test
    void everyShippedAssetIsValid() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Shipped a : shipped()) {
            validator.problems(a.type(), a.name(), a.content()).forEach(p -> problems.add(a.file() + " " + p));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aMemberNoFieldDeclaresIsFoundWhereverItIs() {
        Map<String, Object> policy = Map.of("budget", Map.of("max_dpeth", 3),
                "rbac", Map.of("roles", Map.of("viewer", Map.of("allowed_intents", List.of("LOOKUP"), "colour", "red"))),
                "security", Map.of("reject_rules", List.of(Map.of("policy", "p"), Map.of("pattern", "x"))));
        assertEquals(List.of("$.budget.max_dpeth", "$.security.reject_rules[1].pattern", "$.rbac.roles.viewer.colour"),
                AssetModel.undeclared(AssetType.POLICY, policy));
        // keys the author chooses (maps, <key> fields) and free-form objects hold no undeclared member
        Map<String, Object> prompt = Map.of("rules", Map.of("number_words", Map.of("seventeen", 17),
                        "time", Map.of("atoms", List.of(Map.of("pattern", "x", "my_field", "1")))),
                "few_shot", List.of(Map.of("question", "q", "plan_output", Map.of("kind", "plan",
                        "plan", Map.of("intent", "INTENT_LIST", "anything", 1)))));
        assertEquals(List.of(), AssetModel.undeclared(AssetType.PROMPT, prompt));
        assertEquals(List.of("$.top_level_extra"), AssetModel.undeclared(AssetType.SCREEN,
                Map.of("top_level_extra", true, "components", Map.of("table", "DataTable"))));
    }
}

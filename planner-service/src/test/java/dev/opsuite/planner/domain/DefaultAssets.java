package dev.opsuite.planner.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's default assets (assets/defaults), as the planner receives them: through a
 * protobuf Struct, as the registry sends them (every number a double).
 */
public final class DefaultAssets {
    private DefaultAssets() {}

    public static AssetBundle load() throws IOException {
        Path root = Path.of("..", "assets", "defaults");
        List<AssetDoc> docs = new ArrayList<>();
        try (Stream<Path> types = Files.list(root)) {
            for (Path typeDir : types.filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.list(typeDir)) {
                    for (Path f : files.toList()) {
                        JsonNode content = viaStruct(ModelJson.MAPPER.readTree(f.toFile()));
                        docs.add(new AssetDoc(typeDir.getFileName().toString(), content.path("name").asText(), 1,
                                "published", content));
                    }
                }
            }
        }
        return new AssetBundle(docs);
    }

    @SuppressWarnings("unchecked")
    private static JsonNode viaStruct(JsonNode json) {
        com.google.protobuf.Struct s = dev.opsuite.kit.json.Structs.toStruct(ModelJson.MAPPER.convertValue(json, java.util.Map.class));
        return ModelJson.MAPPER.valueToTree(dev.opsuite.kit.json.Structs.toMap(s));
    }
}

package dev.opsuite.executor.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.model.AssetDoc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The repository's default assets (assets/defaults), as the executor receives them. */
public final class DefaultAssets {
    private DefaultAssets() {}

    public static List<AssetDoc> docs() {
        Path root = Path.of("..", "assets", "defaults");
        List<AssetDoc> docs = new ArrayList<>();
        try (Stream<Path> types = Files.list(root)) {
            for (Path typeDir : types.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(typeDir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                        JsonNode content = ModelJson.MAPPER.readTree(f.toFile());
                        docs.add(new AssetDoc(typeDir.getFileName().toString(), content.path("name").asText(), 1,
                                "published", content));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }
}

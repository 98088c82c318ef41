package dev.opsuite.trace.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.trace.domain.AssetSeed;
import dev.opsuite.model.AssetType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a seed directory: {@code <dir>/<asset_type>/<name>.json} (each a JSON object whose
 * "name" equals the file name) and {@code <dir>/defaults.json} (asset_type → name). A malformed
 * seed fails the start with a message naming the file: better than half-seeding silently.
 */
public final class SeedDirectory {
    private static final Logger log = LoggerFactory.getLogger(SeedDirectory.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_FILE_BYTES = 8L * 1024 * 1024;
    private static final int MAX_FILES_PER_TYPE = 10_000;
    private static final String SUFFIX = ".json";

    private SeedDirectory() {}

    public static AssetSeed read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("OPS_ASSET_SEED_DIR " + dir + " is not a directory");
        }
        try {
            warnAboutStrayEntries(dir);
            List<AssetSeed.SeedAsset> assets = new ArrayList<>();
            for (AssetType type : AssetType.values()) {
                Path typeDir = dir.resolve(type.wireName());
                if (Files.isDirectory(typeDir)) {
                    readType(type, typeDir, assets);
                }
            }
            Path defaultsFile = dir.resolve("defaults.json");
            Map<AssetType, String> defaults = Files.isRegularFile(defaultsFile)
                    ? readDefaults(defaultsFile) : Map.of();
            log.info("asset seed {}: {} assets, {} defaults", dir, assets.size(), defaults.size());
            return new AssetSeed(assets, defaults);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read asset seed " + dir, e);
        }
    }

    private static void readType(AssetType type, Path typeDir, List<AssetSeed.SeedAsset> out) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(typeDir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
                    .sorted().limit(MAX_FILES_PER_TYPE + 1L).toList();
        }
        if (files.size() > MAX_FILES_PER_TYPE) {
            throw new IllegalArgumentException(typeDir + " holds more than " + MAX_FILES_PER_TYPE + " seed files");
        }
        for (Path file : files) {
            String fileName = file.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - SUFFIX.length());
            JsonNode content = parse(file);
            if (!(content instanceof ObjectNode)) {
                throw new IllegalArgumentException("seed asset " + file + " must be a JSON object");
            }
            JsonNode declared = content.get("name");
            if (declared == null || !declared.isTextual() || !declared.asText().equals(name)) {
                throw new IllegalArgumentException("seed asset " + file + " must have \"name\": \"" + name
                        + "\" (the file name), found " + (declared == null ? "none" : declared.toString()));
            }
            out.add(new AssetSeed.SeedAsset(type, name, JSON.writeValueAsString(content)));
        }
    }

    private static Map<AssetType, String> readDefaults(Path file) throws IOException {
        JsonNode root = parse(file);
        if (!(root instanceof ObjectNode)) {
            throw new IllegalArgumentException(file + " must be a JSON object of asset_type -> name");
        }
        Map<AssetType, String> defaults = new EnumMap<>(AssetType.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            AssetType type = AssetType.parse(e.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    file + ": '" + e.getKey() + "' is not an asset type (one of " + AssetType.ALL_NAMES + ")"));
            if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
                throw new IllegalArgumentException(file + ": the default for " + e.getKey() + " must be a name");
            }
            defaults.put(type, e.getValue().asText().trim());
        }
        return defaults;
    }

    private static JsonNode parse(Path file) throws IOException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("seed file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("seed file " + file + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Other content may share the directory (demo data); mention it so a typo like "queries/" is noticed. */
    private static void warnAboutStrayEntries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && AssetType.parse(n).isEmpty())
                    .sorted()
                    .forEach(n -> log.warn("asset seed {}: ignoring directory '{}' (not an asset type: {})",
                            dir, n, AssetType.ALL_NAMES));
        }
    }
}

package dev.opsuite.trace.domain;

import dev.opsuite.model.AssetType;
import java.util.List;
import java.util.Map;

/**
 * Assets and defaults shipped with a deployment, applied on start: what is missing is added, and an
 * asset nobody but the seed has written follows a changed seed; nothing an operator wrote is touched.
 */
public record AssetSeed(List<SeedAsset> assets, Map<AssetType, String> defaults) {

    public AssetSeed {
        assets = List.copyOf(assets);
        defaults = Map.copyOf(defaults);
    }

    /** Becomes version 1, published, when no version of (type, name) exists yet. */
    public record SeedAsset(AssetType type, String name, String contentJson) {
    }

    /** What applying a seed changed; upgraded: "type/name" of the seeded assets given a new seeded version. */
    public record Outcome(int assetsInserted, int defaultsInserted, List<String> upgraded) {
        public Outcome {
            upgraded = List.copyOf(upgraded);
        }
    }
}

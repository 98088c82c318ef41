package dev.opsuite.trace.domain;

import java.util.List;
import java.util.Map;

/** Assets and defaults shipped with a deployment, applied on start without overwriting anything. */
public record AssetSeed(List<SeedAsset> assets, Map<AssetType, String> defaults) {

    public AssetSeed {
        assets = List.copyOf(assets);
        defaults = Map.copyOf(defaults);
    }

    /** Becomes version 1, published, when no version of (type, name) exists yet. */
    public record SeedAsset(AssetType type, String name, String contentJson) {
    }

    /** What applying a seed changed. */
    public record Outcome(int assetsInserted, int defaultsInserted) {
    }
}

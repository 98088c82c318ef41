package dev.opsuite.trace.domain;

import dev.opsuite.model.AssetType;
import java.time.Instant;

/** One version of an asset, without its content (for listings). */
public record AssetVersion(AssetType type, String name, int version, AssetStatus status, Instant createdAt) {
    public AssetKey key() {
        return new AssetKey(type, name);
    }
}

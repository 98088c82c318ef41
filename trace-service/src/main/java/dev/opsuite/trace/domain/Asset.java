package dev.opsuite.trace.domain;

import dev.opsuite.model.AssetType;

/**
 * One version of an asset with its content, a JSON object kept as text (null only where a caller
 * asked for references without contents).
 */
public record Asset(AssetVersion info, String contentJson) {
    public AssetType type() {
        return info.type();
    }

    public String name() {
        return info.name();
    }

    public AssetKey key() {
        return info.key();
    }
}

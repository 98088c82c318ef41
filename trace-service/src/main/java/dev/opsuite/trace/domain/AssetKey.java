package dev.opsuite.trace.domain;

import dev.opsuite.model.AssetType;

/** An asset across its versions. */
public record AssetKey(AssetType type, String name) {
    @Override
    public String toString() {
        return type.wireName() + " '" + name + "'";
    }
}

package dev.opsuite.trace.domain;

import dev.opsuite.model.errors.OpsException;
import java.util.Locale;

/** Lifecycle of an asset version: drafts are tested via overrides, one version is published. */
public enum AssetStatus {
    DRAFT, PUBLISHED, ARCHIVED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AssetStatus require(String wire, String what) {
        for (AssetStatus s : values()) {
            if (s.wireName().equals(wire)) {
                return s;
            }
        }
        throw OpsException.invalid(what + " '" + wire + "' is not an asset status (draft, published, archived)");
    }
}

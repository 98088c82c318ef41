package dev.opsuite.model;

import dev.opsuite.model.errors.OpsException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The kinds of asset; {@link #wireName()} is how they are spelled in APIs, files and the database. */
public enum AssetType {
    SOURCE, SCHEMA, RESOLVER, QUERY, MAPPING, PROMPT, POLICY, SCREEN;

    public static final String ALL_NAMES =
            Arrays.stream(values()).map(AssetType::wireName).collect(Collectors.joining(", "));

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AssetType> parse(String wire) {
        for (AssetType t : values()) {
            if (t.wireName().equals(wire)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Parses or fails with INVALID_ARGUMENT naming {@code what} and the known types. */
    public static AssetType require(String wire, String what) {
        return parse(wire).orElseThrow(() -> OpsException.invalid(
                what + " '" + wire + "' is not an asset type (one of " + ALL_NAMES + ")"));
    }
}

package dev.opsuite.trace.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Port: the asset registry's storage. */
public interface AssetStore {

    /** asset type → the asset name a request uses when it has no override. */
    Map<AssetType, String> defaults();

    /**
     * In one query: the published version of every asset of {@code allOfTypes}, and of each of
     * {@code keys} (absent ones are simply missing from the result).
     */
    List<Asset> publishedOf(Set<AssetType> allOfTypes, Set<AssetKey> keys);

    Optional<Asset> find(AssetRef ref);

    /** Whether any version of the asset exists (to tell "unknown name" from "no such version"). */
    boolean exists(AssetKey key);

    /** Versions ordered by type, name, newest version first; null filters mean "any". */
    List<AssetVersion> list(AssetType type, AssetStatus status, int limit);

    /**
     * In one transaction: inserts each seed asset as version 1, published, unless some version of
     * it exists; inserts each default unless the type already has one.
     */
    AssetSeed.Outcome applySeed(AssetSeed seed);
}

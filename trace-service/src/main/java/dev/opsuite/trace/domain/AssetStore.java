package dev.opsuite.trace.domain;

import dev.opsuite.model.AssetType;
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
     * {@code keys} (absent ones are simply missing from the result). Without content, each
     * {@link Asset#contentJson()} is null and the contents are not read at all.
     */
    List<Asset> publishedOf(Set<AssetType> allOfTypes, Set<AssetKey> keys, boolean withContent);

    Optional<Asset> find(AssetRef ref);

    /** Whether any version of the asset exists (to tell "unknown name" from "no such version"). */
    boolean exists(AssetKey key);

    /** Versions ordered by type, name, newest version first; null filters mean "any". */
    List<AssetVersion> list(AssetType type, AssetStatus status, String name, int limit);

    /**
     * Atomically (serialised per asset name) stores the content as the next version of the asset,
     * max(version) + 1 or 1 for a new name, in status draft, recording who saved it ("" unknown).
     */
    AssetVersion insertDraft(AssetKey key, String contentJson, String createdBy);

    /**
     * In one transaction, serialised per asset name: archives the published version (unless it is
     * {@code version}) and publishes {@code version}. Empty when that version does not exist.
     */
    Optional<Published> publish(AssetKey key, int version);

    /**
     * Sets the version archived; empty when it does not exist. With {@code keepPublished}, a
     * published version is left alone and returned unchanged (the caller refuses).
     */
    Optional<AssetVersion> archive(AssetKey key, int version, boolean keepPublished);

    /** A version now published, and the version that was published before (0 when none). */
    record Published(AssetVersion asset, int archivedVersion) {
    }

    /**
     * In one transaction: inserts each seed asset as version 1, published, unless some version of
     * it exists; inserts each default unless the type already has one.
     */
    AssetSeed.Outcome applySeed(AssetSeed seed);
}

package dev.opsuite.kit.json;

import dev.opsuite.kit.cache.Lru;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.ResolvedAsset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contents of the assets a stage request names, as the domain's AssetBundle. A ResolvedAsset
 * either carries its content (direct callers, replays from a trace) or only type, name, version
 * and status: then the content is fetched once from the asset registry and kept, since a registry
 * version never changes. One instance per service and registry (never shared between registries).
 */
public final class AssetContents {
    /** The registry's GetAsset: the version with its content. */
    public interface Registry {
        ResolvedAsset get(String type, String name, int version);
    }

    private static final int MAX_VERSIONS = 512;
    private final Optional<Registry> registry;
    private final Map<String, AssetDoc> versions = Lru.bounded(MAX_VERSIONS);

    public AssetContents(Optional<Registry> registry) {
        this.registry = registry;
    }

    /** The assets as sent, contents included (a caller that is the product itself). */
    public AssetBundle bundle(List<ResolvedAsset> assets) {
        return bundle(assets, true);
    }

    /**
     * @param overridesAllowed false for a caller that is not the product itself (a person replaying
     *     one stage): a content it sends must be the registry's content of that version, so it can
     *     replay a recorded request but never bring its own Policy, Query or Source
     */
    public AssetBundle bundle(List<ResolvedAsset> assets, boolean overridesAllowed) {
        List<AssetDoc> docs = new ArrayList<>(assets.size());
        for (ResolvedAsset a : assets) {
            if (!a.hasContent()) {
                docs.add(byReference(a));
            } else if (overridesAllowed) {
                docs.add(AssetProtos.toDoc(a));
            } else {
                AssetDoc sent = AssetProtos.toDoc(a);
                AssetDoc stored = byReference(a);
                if (!sent.content().equals(stored.content())) {
                    throw OpsException.denied("asset " + a.getAssetType() + "/" + a.getName() + "@" + a.getVersion()
                            + ": the content sent is not the registry's; only the product itself may send asset overrides");
                }
                docs.add(stored);
            }
        }
        return new AssetBundle(docs);
    }

    private AssetDoc byReference(ResolvedAsset a) {
        if (a.getVersion() <= 0 || a.getName().isBlank() || a.getAssetType().isBlank()) {
            throw OpsException.invalid("asset " + a.getAssetType() + "/" + a.getName()
                    + " has no content and no version to fetch it by");
        }
        String key = a.getAssetType() + "/" + a.getName() + "@" + a.getVersion();
        AssetDoc cached = versions.get(key);
        if (cached == null) {
            Registry r = registry.orElseThrow(() -> OpsException.invalid("asset " + key
                    + " has no content, and this service has no asset registry to fetch it from"));
            ResolvedAsset fetched = r.get(a.getAssetType(), a.getName(), a.getVersion());
            if (!fetched.hasContent() || fetched.getVersion() != a.getVersion()
                    || !fetched.getName().equals(a.getName()) || !fetched.getAssetType().equals(a.getAssetType())) {
                throw OpsException.unavailable("asset registry answered another asset for " + key, null);
            }
            cached = AssetProtos.toDoc(fetched);
            versions.put(key, cached);
        }
        // the status is the request's (a draft may have been published since): content is the version's
        return new AssetDoc(cached.type(), cached.name(), cached.version(), a.getStatus(), cached.content());
    }
}

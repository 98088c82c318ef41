package dev.opsuite.kit.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.opsuite.kit.cache.Lru;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.proto.v1.ResolvedAsset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ResolvedAsset protos to the domain's AssetBundle (grpc layers only). Every request carries its
 * assets' contents; converting them to JSON trees was a large share of each stage's work, so the
 * tree of an identical ResolvedAsset (equal by value: type, name, version, status and content) is
 * reused. Asset contents are read-only for the domain, so sharing a tree is safe. Bounded LRU.
 */
public final class AssetProtos {
    private static final int MAX_CACHED = 256;
    private static final Map<ResolvedAsset, AssetDoc> CACHE = Lru.bounded(MAX_CACHED);

    private AssetProtos() {}

    public static AssetBundle toBundle(List<ResolvedAsset> assets) {
        List<AssetDoc> docs = new ArrayList<>(assets.size());
        for (ResolvedAsset a : assets) {
            docs.add(toDoc(a));
        }
        return new AssetBundle(docs);
    }

    /** One asset with its content as a JSON tree (reused for an equal ResolvedAsset). */
    public static AssetDoc toDoc(ResolvedAsset a) {
        AssetDoc doc = CACHE.get(a);
        if (doc == null) {
            try {
                doc = new AssetDoc(a.getAssetType(), a.getName(), a.getVersion(), a.getStatus(),
                        ModelJson.MAPPER.readTree(Structs.toJson(a.getContent())));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("asset " + a.getName() + " content is not JSON", e);
            }
            CACHE.put(a, doc);
        }
        return doc;
    }
}

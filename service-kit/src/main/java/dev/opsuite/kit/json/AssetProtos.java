package dev.opsuite.kit.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.opsuite.kit.model.AssetBundle;
import dev.opsuite.kit.model.AssetDoc;
import dev.opsuite.kit.model.ModelJson;
import dev.opsuite.proto.v1.ResolvedAsset;
import java.util.ArrayList;
import java.util.List;

/** ResolvedAsset protos to the domain's AssetBundle (grpc layers only). */
public final class AssetProtos {
    private AssetProtos() {}

    public static AssetBundle toBundle(List<ResolvedAsset> assets) {
        List<AssetDoc> docs = new ArrayList<>(assets.size());
        for (ResolvedAsset a : assets) {
            try {
                docs.add(new AssetDoc(a.getAssetType(), a.getName(), a.getVersion(), a.getStatus(),
                        ModelJson.MAPPER.readTree(Structs.toJson(a.getContent()))));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("asset " + a.getName() + " content is not JSON", e);
            }
        }
        return new AssetBundle(docs);
    }
}

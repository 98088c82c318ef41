package dev.opsuite.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.opsuite.model.asset.MappingAsset;
import dev.opsuite.model.asset.PolicyAsset;
import dev.opsuite.model.asset.PromptAsset;
import dev.opsuite.model.asset.QueryAsset;
import dev.opsuite.model.asset.ResolverAsset;
import dev.opsuite.model.asset.SchemaAsset;
import dev.opsuite.model.asset.ScreenAsset;
import dev.opsuite.model.errors.OpsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The asset set of one request, as the stages receive it: one asset per type, except sources,
 * of which there may be several (queries name their source).
 */
public final class AssetBundle {
    private final Map<String, AssetDoc> byType = new LinkedHashMap<>();
    private final Map<String, AssetDoc> sources = new LinkedHashMap<>();

    public AssetBundle(List<AssetDoc> docs) {
        for (AssetDoc d : docs) {
            if ("source".equals(d.type())) {
                sources.put(d.name(), d);
            } else {
                byType.put(d.type(), d);
            }
        }
    }

    public Optional<AssetDoc> get(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /** Content of the asset of this type, or a missing node (reads as empty everywhere). */
    public JsonNode content(String type) {
        AssetDoc d = byType.get(type);
        return d == null || d.content() == null ? MissingNode.getInstance() : d.content();
    }

    /** The applied Policy, typed and parsed once per version; every default when none is applied. */
    public PolicyAsset policy() {
        return PolicyAsset.of(byType.get("policy"));
    }

    /** The applied Prompt, typed and parsed once per version; every default and no word when none is applied. */
    public PromptAsset prompt() {
        return PromptAsset.of(byType.get("prompt"));
    }

    /** The applied Query, typed and parsed once per version; no template and no binding when none is applied. */
    public QueryAsset query() {
        return QueryAsset.of(byType.get("query"));
    }

    /** The applied Mapping, typed and parsed once per version; no rule, message or reading line when none is applied. */
    public MappingAsset mapping() {
        return MappingAsset.of(byType.get("mapping"));
    }

    /** The applied Resolver, typed and parsed once per version; no rule when none is applied. */
    public ResolverAsset resolver() {
        return ResolverAsset.of(byType.get("resolver"));
    }

    /** The applied SchemaCatalog, typed and parsed once per version; no entity, metric or relation when none is applied. */
    public SchemaAsset schema() {
        return SchemaAsset.of(byType.get("schema"));
    }

    /** The applied Screen, typed and parsed once per version; every default when none is applied. */
    public ScreenAsset screen() {
        return ScreenAsset.of(byType.get("screen"));
    }

    public AssetDoc require(String type) {
        AssetDoc d = byType.get(type);
        if (d == null) {
            throw OpsException.invalid("no " + type + " asset applied");
        }
        return d;
    }

    public Optional<AssetDoc> source(String name) {
        return Optional.ofNullable(sources.get(name));
    }

    public Map<String, AssetDoc> sources() {
        return sources;
    }

    /** asset type -> name@version for every applied asset (sources as source:NAME). */
    public Map<String, String> appliedRefs() {
        Map<String, String> m = new LinkedHashMap<>();
        byType.forEach((t, d) -> m.put(t, d.ref()));
        sources.forEach((n, d) -> m.put("source:" + n, d.ref()));
        return m;
    }
}

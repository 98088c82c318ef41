package dev.opsuite.conductor;

import dev.opsuite.kit.cache.Lru;
import dev.opsuite.proto.v1.GetAssetRequest;
import dev.opsuite.proto.v1.ResolveAssetsRequest;
import dev.opsuite.proto.v1.ResolvedAsset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The asset set of an ask. With assets by reference the registry answers name@version only, and
 * the gateway fills in the content of the one type it reads itself (the policy, for the control
 * loop's replan limits) from versions it keeps: a version's content never changes. Resolving
 * with every content took most of trace-service's CPU per ask (README, Performance).
 */
final class AskAssets {
    /** Asset types whose content the gateway itself reads. */
    static final Set<String> READ_BY_GATEWAY = Set.of("policy");
    private static final int MAX_VERSIONS = 128;

    private final Stages stages;
    private final Map<String, ResolvedAsset> versions = Lru.bounded(MAX_VERSIONS);

    AskAssets(Stages stages) {
        this.stages = stages;
    }

    List<ResolvedAsset> resolve(Map<String, String> overrides) {
        boolean byReference = stages.assetsByReference();
        List<ResolvedAsset> resolved = stages.resolveAssets(ResolveAssetsRequest.newBuilder().putAllOverrides(overrides)
                        .setReferencesOnly(byReference).build()).getAssetsList();
        if (!byReference) {
            return resolved;
        }
        return resolved.stream().map(a -> READ_BY_GATEWAY.contains(a.getAssetType()) ? withContent(a) : a).toList();
    }

    private ResolvedAsset withContent(ResolvedAsset ref) {
        String key = ref.getAssetType() + "/" + ref.getName() + "@" + ref.getVersion();
        ResolvedAsset kept = versions.get(key);
        if (kept == null) {
            kept = stages.getAsset(
                    GetAssetRequest.newBuilder().setAssetType(ref.getAssetType()).setName(ref.getName())
                            .setVersion(ref.getVersion()).build()).getAsset();
            versions.put(key, kept);
        }
        // the status is the resolution's (a draft may have been published since): content is the version's
        return ref.toBuilder().setContent(kept.getContent()).build();
    }
}

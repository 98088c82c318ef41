package dev.opsuite.conductor;

import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.ResolvedAsset;
import java.util.List;

/**
 * Answers from asset versions that are not published (drafts, archived) are test runs: they need
 * the role operator. Published versions — the default or one chosen by name@version — are open to
 * anyone who may ask.
 */
final class UnpublishedAssets {
    static final String ROLE = "operator";

    private UnpublishedAssets() {}

    static void check(List<ResolvedAsset> assets, List<String> roles) {
        if (roles.contains(ROLE)) {
            return;
        }
        for (ResolvedAsset a : assets) {
            if (!"published".equals(a.getStatus())) {
                throw OpsException.denied(a.getAssetType() + " " + a.getName() + "@" + a.getVersion() + " is "
                        + (a.getStatus().isEmpty() ? "not published" : a.getStatus())
                        + "; answering from versions that are not published needs the role " + ROLE);
            }
        }
    }
}

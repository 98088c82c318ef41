package dev.opsuite.trace.domain.validation;

import dev.opsuite.incident.DetectorSettings;
import dev.opsuite.model.asset.DataAccess;
import dev.opsuite.model.asset.PolicyAsset;

/**
 * policy: data scopes (data_access, read by the code that enforces them) and the access rows that
 * narrow the gateway's table (rbac.operations: operation → non-empty list of roles), and the anomaly
 * detector's settings (checked by the detector's own code, which EXECUTE runs on them), and the
 * phrases of its refusal rules written as {@code ^…} patterns (compiled as the planner runs them).
 */
final class PolicyRules implements ContentRules {
    private static final AssetPatterns PATTERNS = new AssetPatterns(java.util.Set.of());

    @Override
    public void check(Node root) {
        root.object("security", false).ifPresent(security -> {
            PATTERNS.check(security, "reject_rules");
            PATTERNS.check(security, "commands");
        });
        root.object("rbac", false).flatMap(r -> r.object("operations", false)).ifPresent(ops -> {
            for (String op : ops.map().keySet()) {
                if (ops.strings(op, true).isEmpty() && ops.map().get(op) instanceof java.util.List<?>) {
                    ops.problems().add(ops.pathOf(op), "must list at least one role (an operation no role may call "
                            + "is closed by the access table in code, not here)");
                }
            }
        });
        if (root.has("anomaly")) {
            try {
                PolicyAsset.Anomaly anomaly = PolicyAsset.from(root.tree()).anomaly();
                DetectorSettings.with(anomaly.settings(), anomaly.troubleMeasures());
            } catch (IllegalArgumentException e) { // "anomaly.<key> …": its own path and what is wrong
                String m = e.getMessage();
                int space = m.indexOf(' ');
                root.problems().add(root.path() + "." + m.substring(0, space), m.substring(space + 1));
            }
        }
        if (root.has("data_access")) {
            // the readers' own parser: what it cannot read is what is refused here
            for (String p : DataAccess.from(root.tree().path("data_access")).problems()) {
                int colon = p.indexOf(": ");
                root.problems().add(root.path() + "." + p.substring(0, colon), p.substring(colon + 2));
            }
        }
    }
}

package dev.opsuite.trace.domain.validation;

/**
 * policy: execution budget, security lists, replan limits, data scopes (data_access) and the access
 * rows that narrow the gateway's table (rbac.operations: operation → non-empty list of roles).
 */
final class PolicyRules implements ContentRules {
    @Override
    public void check(Node root) {
        root.object("budget", false).ifPresent(b -> {
            b.integer("max_steps", 1, false);
            b.integer("max_depth", 1, false);
            b.integer("timeout_seconds", 1, false);
        });
        root.object("security", false).ifPresent(s -> {
            s.strings("allowed_operations", false);
            s.strings("blocked_tables", false);
        });
        root.object("replan", false).ifPresent(r -> {
            r.integer("max_replans", 0, false);
            r.integer("max_internal_retries", 0, false);
        });
        root.object("rbac", false).flatMap(r -> r.object("operations", false)).ifPresent(ops -> {
            for (String op : ops.map().keySet()) {
                if (ops.strings(op, true).isEmpty() && ops.map().get(op) instanceof java.util.List<?>) {
                    ops.problems().add(ops.pathOf(op), "must list at least one role (an operation no role may call "
                            + "is closed by the access table in code, not here)");
                }
            }
        });
        if (root.has("data_access")) {
            for (String p : dev.opsuite.guard.DataScope.problems(root.tree())) {
                int colon = p.indexOf(": ");
                root.problems().add(root.path() + "." + p.substring(0, colon), p.substring(colon + 2));
            }
        }
    }
}

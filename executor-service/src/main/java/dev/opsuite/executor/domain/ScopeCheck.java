package dev.opsuite.executor.domain;

import dev.opsuite.guard.ScopedTemplates;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.errors.OpsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The second line behind a template's scoping clause: every CI code a result row carries (the
 * template's {@code scope.columns}) must be one the caller may see. From a real source a row outside
 * means the template's clause is wrong, and the whole result is refused — a count or an aggregate
 * next to it could not be trusted either. Mock fixtures are plain data and are filtered.
 */
final class ScopeCheck {
    private ScopeCheck() {}

    static SqlPort.Tabular rows(QueryTemplate template, SqlPort.Tabular t, Set<String> visible, boolean mock) {
        List<Integer> at = new ArrayList<>();
        for (String c : ScopedTemplates.columns(template)) {
            int i = t.columns().indexOf(c);
            if (i >= 0) {
                at.add(i);
            }
        }
        if (at.isEmpty()) {
            return t;
        }
        List<List<Object>> kept = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            boolean inside = true;
            for (int i : at) {
                Object v = i < row.size() ? row.get(i) : null;
                if (v != null && !String.valueOf(v).isEmpty() && !visible.contains(String.valueOf(v))) {
                    inside = false;
                    break;
                }
            }
            if (inside) {
                kept.add(row);
            } else if (!mock) {
                throw OpsException.denied("query " + template.name() + " returned a CI outside the "
                        + "caller's data scope; its scoping clause is wrong, so none of its rows are shown");
            }
        }
        return kept.size() == t.rows().size() ? t : new SqlPort.Tabular(t.columns(), kept, t.truncated());
    }

    /**
     * A redis template's rows for a scoped caller: Redis cannot filter by the caller's codes, so the
     * rows of CIs outside the scope are left out here (the count is in the call's meta). A result
     * without any of the template's CI columns is refused: nothing could be checked.
     */
    static SqlPort.Tabular redisRows(QueryTemplate template, SqlPort.Tabular t, Set<String> visible) {
        boolean any = ScopedTemplates.columns(template).stream().anyMatch(t.columns()::contains);
        if (!any && !t.rows().isEmpty()) {
            throw OpsException.denied("query " + template.name() + " returned none of its scope.columns "
                    + ScopedTemplates.columns(template) + ", so its rows cannot be checked against the caller's data scope");
        }
        return rows(template, t, visible, true);
    }
}

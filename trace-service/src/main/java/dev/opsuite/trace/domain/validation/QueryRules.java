package dev.opsuite.trace.domain.validation;

import dev.opsuite.model.asset.QueryTemplate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * query: template names are unique, a scoping clause is used as declared and its companion
 * exists, bindings name templates that exist, and fixture rows are as wide as their columns.
 */
final class QueryRules implements ContentRules {
    @Override
    public void check(Node root) {
        Set<String> names = new HashSet<>();
        List<Node> queries = root.objects("queries", false);
        for (Node q : queries) {
            q.string("name", false).ifPresent(n -> {
                if (!names.add(n)) {
                    q.problems().add(q.pathOf("name"), "duplicate query name '" + n + "'");
                }
            });
            q.objects("fixtures", false).forEach(QueryRules::fixture);
            if (q.has("scope")) { // the scoping clause a template declares to run for callers with a data scope
                // the readers' own parser and check: what EXECUTE would refuse for a scoped caller is refused here
                dev.opsuite.guard.ScopedTemplates.problem(QueryTemplate.from(q.tree()))
                        .ifPresent(problem -> q.problems().add(q.pathOf("scope"), problem));
            }
        }
        for (Node q : queries) {
            q.object("scope", false).flatMap(sc -> sc.string("outside", false)).ifPresent(outside -> {
                if (!names.contains(outside)) {
                    q.problems().add(q.pathOf("scope") + ".outside", "names no query in $.queries ('" + outside + "')");
                }
            });
        }
        List<Node> bindings = root.objects("bindings", false);
        for (Node b : bindings) {
            b.string("query", false).ifPresent(query -> {
                if (!names.contains(query)) {
                    b.problems().add(b.pathOf("query"), "names no query in $.queries ('" + query + "')");
                }
            });
        }
    }

    /** Mock-mode fixture: rows as wide as the columns. */
    private static void fixture(Node f) {
        int width = f.strings("columns", false).size();
        f.array("rows", false).ifPresent(rows -> {
            for (int i = 0; i < rows.size(); i++) {
                String at = f.pathOf("rows") + "[" + i + "]";
                if (!(rows.get(i) instanceof List<?> row)) {
                    f.problems().add(at, "must be an array (one value per column)");
                } else if (row.size() != width) {
                    f.problems().add(at, "has " + row.size() + " values for " + width + " columns");
                }
            }
        });
    }
}

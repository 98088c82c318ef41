package dev.opsuite.trace.domain.validation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** query: uniquely named SQL/Cypher statements on a source, and bindings that name them. */
final class QueryRules implements ContentRules {
    private static final Set<String> LANGUAGES = Set.of("sql", "cypher");

    @Override
    public void check(Node root) {
        Set<String> names = new HashSet<>();
        List<Node> queries = root.objects("queries", true);
        for (Node q : queries) {
            q.string("name", true).ifPresent(n -> {
                if (!names.add(n)) {
                    q.problems().add(q.pathOf("name"), "duplicate query name '" + n + "'");
                }
            });
            q.oneOf("language", LANGUAGES, true);
            q.nonEmptyString("statement", true);
            q.string("source", true);
            q.objects("params", false).forEach(p -> p.string("name", true));
            q.objects("fixtures", false).forEach(QueryRules::fixture);
            if (q.has("scope")) { // the scoping clause a template declares to run for callers with a data scope
                dev.opsuite.guard.ScopedTemplates.problem(q.tree())
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
            b.string("query", true).ifPresent(query -> {
                if (!names.contains(query)) {
                    b.problems().add(b.pathOf("query"), "names no query in $.queries ('" + query + "')");
                }
            });
        }
    }

    /** Mock-mode fixture: optional params to match, columns, and rows as wide as the columns. */
    private static void fixture(Node f) {
        f.object("params", false);
        int width = f.strings("columns", true).size();
        f.array("rows", true).ifPresent(rows -> {
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

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
        for (Node q : root.objects("queries", true)) {
            q.string("name", true).ifPresent(n -> {
                if (!names.add(n)) {
                    q.problems().add(q.pathOf("name"), "duplicate query name '" + n + "'");
                }
            });
            q.oneOf("language", LANGUAGES, true);
            q.nonEmptyString("statement", true);
            q.string("source", true);
            q.objects("params", false).forEach(p -> p.string("name", true));
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
}

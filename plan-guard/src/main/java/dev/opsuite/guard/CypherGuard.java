package dev.opsuite.guard;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.neo4j.cypherdsl.core.Create;
import org.neo4j.cypherdsl.core.Delete;
import org.neo4j.cypherdsl.core.Finish;
import org.neo4j.cypherdsl.core.Foreach;
import org.neo4j.cypherdsl.core.Merge;
import org.neo4j.cypherdsl.core.ProcedureCall;
import org.neo4j.cypherdsl.core.Remove;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.Use;
import org.neo4j.cypherdsl.core.ast.Visitable;
import org.neo4j.cypherdsl.parser.CypherParser;
import org.neo4j.cypherdsl.parser.UnsupportedCypherException;

/**
 * Whether a Cypher statement of a Query asset may run: read-only, no file or URL import, no
 * procedure, no other database. Three checks, any of which refuses:
 * <ol>
 *   <li>a scan of the whole text with comments, strings and quoted names blanked out: a write
 *       keyword, LOAD CSV, CALL, USE, FINISH or DDL anywhere, or a second statement after a {@code ;};</li>
 *   <li>Cypher-DSL's parser (Neo4j's javacc grammar): a syntax error is refused (fail closed), and
 *       every clause of the tree it builds is looked at — CREATE, MERGE, DELETE, SET, REMOVE,
 *       FOREACH, LOAD CSV, a procedure CALL (there is no allowlist: none may run), USE, FINISH. The
 *       parser reads the leading statement and stops there (text after it is not in the tree), and
 *       valid Neo4j 5 syntax its model lacks (quantified path patterns, {@code SHORTEST k}) it reports as
 *       unsupported rather than wrong — then the scan decides — which is why the scan covers the whole
 *       text;</li>
 *   <li>at run time the executor asks Neo4j itself (EXPLAIN, query type READ_ONLY) in a READ session.</li>
 * </ol>
 */
final class CypherGuard {
    private static final Pattern KEYWORDS = Pattern.compile(
            "\\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|DROP|LOAD\\s+CSV|FOREACH|CALL|USE|FINISH|INSERT|ALTER|GRANT|DENY|REVOKE)\\b",
            Pattern.CASE_INSENSITIVE);

    /** Verdicts per statement text: the checks are pure, and a template's statements repeat on every ask. */
    private static final java.util.Map<String, Optional<String>> VERDICTS = dev.opsuite.kit.cache.Lru.bounded(512);

    private CypherGuard() {}

    /** Why the statement may not run, or empty when it is a plain read. */
    static Optional<String> refusal(String statement) {
        Optional<String> cached = VERDICTS.get(statement);
        if (cached == null) {
            cached = check(statement);
            VERDICTS.put(statement, cached);
        }
        return cached;
    }

    private static Optional<String> check(String statement) {
        String code = code(statement);
        Matcher m = KEYWORDS.matcher(code);
        if (m.find()) {
            return Optional.of("Cypher contains " + m.group(1).toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " "));
        }
        int semicolon = code.indexOf(';');
        if (semicolon >= 0 && !code.substring(semicolon + 1).replace(";", "").isBlank()) {
            return Optional.of("Cypher holds more than one statement");
        }
        Statement parsed;
        try {
            parsed = CypherParser.parse(statement);
        } catch (UnsupportedCypherException e) {
            // valid Neo4j 5 Cypher the DSL's model lacks (quantified path patterns, SHORTEST k): the scan of
            // the whole text above and Neo4j's EXPLAIN at run time decide
            return Optional.empty();
        } catch (RuntimeException e) {
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return Optional.of("Cypher that cannot be parsed is refused: "
                    + (why.length() > 200 ? why.substring(0, 200) + "…" : why));
        }
        Set<String> clauses = new LinkedHashSet<>();
        parsed.accept(segment -> {
            String clause = clauseOf(segment);
            if (clause != null) {
                clauses.add(clause);
            }
        });
        return clauses.isEmpty() ? Optional.empty() : Optional.of("Cypher contains " + String.join(", ", clauses));
    }

    private static String clauseOf(Visitable segment) {
        if (segment instanceof Create) {
            return "CREATE";
        }
        if (segment instanceof Merge) {
            return "MERGE";
        }
        if (segment instanceof Delete) {
            return "DELETE";
        }
        if (segment instanceof org.neo4j.cypherdsl.core.Set) {
            return "SET";
        }
        if (segment instanceof Remove) {
            return "REMOVE";
        }
        if (segment instanceof Foreach) {
            return "FOREACH";
        }
        if (segment instanceof ProcedureCall) {
            return "CALL (procedure)";
        }
        if (segment instanceof Use) {
            return "USE";
        }
        if (segment instanceof Finish) {
            return "FINISH";
        }
        if (segment instanceof org.neo4j.cypherdsl.core.internal.LoadCSV) {
            return "LOAD CSV";
        }
        return null;
    }

    /** Cypher with comments, string literals and backquoted names replaced by a space. */
    static String code(String statement) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = statement.length();
        while (i < n) {
            char c = statement.charAt(i);
            if (c == '/' && i + 1 < n && statement.charAt(i + 1) == '/') {
                while (i < n && statement.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && statement.charAt(i + 1) == '*') {
                int end = statement.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n && statement.charAt(j) != c) {
                    j += statement.charAt(j) == '\\' && c != '`' ? 2 : 1;
                }
                i = j + 1;
            } else {
                out.append(c);
                i++;
                continue;
            }
            out.append(' ');
        }
        return out.toString();
    }
}

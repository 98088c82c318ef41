package dev.opsuite.guard;

import dev.opsuite.kit.cache.Lru;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Decides whether a SQL statement may run, by parsing it (JSqlParser) — never by pattern
 * matching. Fails closed: anything it cannot parse or classify is denied.
 */
public final class SqlGuard {
    public record Verdict(boolean allowed, String rule, String reason, Set<String> tables, Set<String> functions) {
        public Verdict { // verdicts are cached and shared: read-only, in a stable order
            tables = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(tables));
            functions = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(functions));
        }
    }

    private final Set<String> allowedOperations;
    private final Set<String> blockedTables;
    private final Set<String> schemaAllowlist;
    private final Set<String> allowedFunctions;
    private final String config;

    /**
     * Verdicts by policy settings and statement: a verdict is a pure function of both, and parsing the
     * same templates on every request was most of VALIDATE's time. Bounded LRU.
     */
    private static final java.util.Map<String, Verdict> VERDICTS = Lru.bounded(2048);

    public SqlGuard(Set<String> allowedOperations, Set<String> blockedTables, Set<String> schemaAllowlist,
                    Set<String> allowedFunctions) {
        this.allowedOperations = lower(allowedOperations);
        this.blockedTables = lower(blockedTables);
        this.schemaAllowlist = lower(schemaAllowlist);
        this.allowedFunctions = lower(allowedFunctions);
        this.config = String.join(",", new java.util.TreeSet<>(this.allowedOperations)) + "|"
                + String.join(",", new java.util.TreeSet<>(this.blockedTables)) + "|"
                + String.join(",", new java.util.TreeSet<>(this.schemaAllowlist)) + "|"
                + String.join(",", new java.util.TreeSet<>(this.allowedFunctions));
    }

    private static Set<String> lower(Set<String> s) {
        Set<String> out = new HashSet<>();
        s.forEach(x -> out.add(x.toLowerCase(Locale.ROOT)));
        return out;
    }

    /** The guard of a Policy's security settings (allowed operations, blocked tables, schemas, functions). */
    public static SqlGuard of(dev.opsuite.model.asset.PolicySecurity security) {
        return new SqlGuard(new java.util.HashSet<>(security.allowedOperations()),
                new java.util.HashSet<>(security.blockedTables()), new java.util.HashSet<>(security.schemaAllowlist()),
                new java.util.HashSet<>(security.allowedFunctions()));
    }

    public Verdict check(String sql) {
        String key = config + "\u0000" + sql;
        Verdict cached = VERDICTS.get(key);
        if (cached == null) {
            cached = parseAndCheck(sql);
            VERDICTS.put(key, cached);
        }
        return cached;
    }

    private Verdict parseAndCheck(String sql) {
        Statements statements;
        try {
            statements = CCJSqlParserUtil.parseStatements(sql);
        } catch (JSQLParserException | RuntimeException e) {
            return deny("parse", "SQL could not be parsed; denied (fail closed)");
        }
        if (statements.size() != 1) {
            return deny("single_statement", "exactly one statement is allowed, found " + statements.size());
        }
        Statement st = statements.get(0);
        if (!(st instanceof Select select)) {
            return deny("allowed_operations", "operation " + st.getClass().getSimpleName().toUpperCase(Locale.ROOT)
                    + " is not allowed");
        }
        if (!allowedOperations.contains("select")) {
            return deny("allowed_operations", "SELECT is not an allowed operation");
        }
        if (select.getWithItemsList() != null) {
            for (WithItem<?> w : select.getWithItemsList()) {
                if (!(w.getParenthesedStatement() instanceof ParenthesedSelect)) {
                    return deny("allowed_operations", "a WITH item that is not a SELECT is not allowed");
                }
            }
        }
        if (select instanceof PlainSelect ps) {
            if (ps.getIntoTables() != null && !ps.getIntoTables().isEmpty()) {
                return deny("allowed_operations", "SELECT INTO writes a table; not allowed");
            }
            if (ps.getForMode() != null) {
                return deny("allowed_operations", "row locking (FOR UPDATE/SHARE) is not allowed");
            }
        }
        Collector collector = new Collector();
        Set<String> tables;
        try {
            tables = collector.getTables((Statement) select);
        } catch (RuntimeException e) {
            return deny("parse", "SQL tables could not be determined; denied (fail closed)");
        }
        for (String t : tables) {
            String[] parts = t.replace("\"", "").toLowerCase(Locale.ROOT).split("\\.");
            String table = parts[parts.length - 1];
            // PostgreSQL looks in pg_catalog before the search_path: an unqualified pg_* name ("pg_authid",
            // "pg_shadow", "pg_stat_activity") is the catalog's, whatever the source's schemas are
            String schema = parts.length >= 2 ? parts[parts.length - 2] : table.startsWith("pg_") ? "pg_catalog" : "public";
            if (blockedTables.contains(table)) {
                return new Verdict(false, "blocked_tables", "table " + table + " is blocked", tables, collector.functions);
            }
            if (!schemaAllowlist.isEmpty() && !schemaAllowlist.contains(schema)) {
                return new Verdict(false, "schema_allowlist", "schema " + schema + " is not in the allowlist", tables,
                        collector.functions);
            }
        }
        for (String f : collector.functions) {
            if (!allowedFunctions.contains(f)) {
                return new Verdict(false, "allowed_functions", "function " + f + " is not allowed", tables,
                        collector.functions);
            }
        }
        return new Verdict(true, "sql_allowlist", "read-only SELECT on allowed tables", tables, collector.functions);
    }

    private static Verdict deny(String rule, String reason) {
        return new Verdict(false, rule, reason, Set.of(), Set.of());
    }

    /** Table finder that also records every function name it walks past. */
    private static final class Collector extends TablesNamesFinder<Void> {
        final Set<String> functions = new HashSet<>();

        @Override
        public <S> Void visit(Function function, S context) {
            List<String> names = new ArrayList<>(function.getMultipartName());
            functions.add(String.join(".", names).toLowerCase(Locale.ROOT));
            return super.visit(function, context);
        }
    }
}

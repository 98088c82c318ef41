package dev.opsuite.executor.domain;

import dev.opsuite.estate.EstateImportException;
import dev.opsuite.estate.docs.DocFile;
import dev.opsuite.estate.docs.DocParser;
import dev.opsuite.guard.DocSearchGuard;
import dev.opsuite.guard.SqlGuard;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Documents kept in a PostgreSQL table (or view) a documents Source names: {@code connection.table},
 * read through the postgres Source {@code connection.from_source} (its read-only pool, the Policy's SQL
 * guard), at most every {@code connection.refresh_seconds} (default 60) before a search. Columns by
 * name: {@code path}, {@code title}, {@code body} (Markdown) required; {@code kind}, {@code lang},
 * {@code tags}, {@code cis}, {@code ci_types} (text arrays or comma-separated text) and {@code alert}
 * optional. The collection then holds exactly the table's rows. A row that is not a valid document is
 * left out and counted; a table over {@value DocSearchGuard#MAX_TABLE_ROWS} rows is refused.
 */
final class TableDocuments {
    static final int DEFAULT_REFRESH_SECONDS = 60;

    /** What a sync did, for the call's meta: indexed/unchanged/removed/refused rows. */
    record Report(int indexed, int unchanged, int removed, int refused, String firstProblem) {
        Map<String, Object> asMap() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("indexed", indexed);
            m.put("unchanged", unchanged);
            m.put("removed", removed);
            m.put("refused", refused);
            if (!firstProblem.isEmpty()) {
                m.put("first_problem", firstProblem);
            }
            return m;
        }
    }

    private TableDocuments() {}

    static Optional<Report> sync(DocumentPort port, SqlPort sql, AssetDoc docs, AssetBundle assets, int timeout) {
        Map<String, String> c = SourceAsset.of(docs).connection().literals();
        String table = c.getOrDefault(DocSearchGuard.TABLE, "");
        if (table.isEmpty()) {
            return Optional.empty();
        }
        String collection = c.getOrDefault("collection", "");
        int refresh = parse(c.get("refresh_seconds"));
        if (!port.syncDue(collection, refresh)) {
            return Optional.empty();
        }
        String fromName = c.getOrDefault(DocSearchGuard.FROM_SOURCE, "");
        AssetDoc from = assets.source(fromName).orElseThrow(() -> OpsException.invalid("documents source "
                + docs.name() + " reads table " + table + " through source '" + fromName + "', which is not applied"));
        SourceAsset typed = SourceAsset.of(from);
        if (!SourceAsset.POSTGRES.equals(typed.type()) && !SourceAsset.TIMESCALE.equals(typed.type())) {
            throw OpsException.invalid("documents source " + docs.name() + ": from_source " + fromName
                    + " is not a postgres source");
        }
        String statement = DocSearchGuard.tableStatement(table).orElseThrow(() -> OpsException.invalid(
                "documents source " + docs.name() + ": '" + table + "' is not a table name"));
        SqlGuard.Verdict v = SqlGuard.of(assets.policy().security()).check(statement);
        if (!v.allowed()) {
            throw new OpsException(ErrorCode.POLICY_DENIED, "documents table " + table + ": " + v.reason());
        }
        SqlPort.Tabular t = sql.query(from, statement, Map.of(), DocSearchGuard.MAX_TABLE_ROWS + 1, timeout);
        if (t.rows().size() > DocSearchGuard.MAX_TABLE_ROWS) {
            throw OpsException.invalid("documents table " + table + " holds more than " + DocSearchGuard.MAX_TABLE_ROWS
                    + " rows");
        }
        for (String required : List.of("path", "title", "body")) {
            if (!t.columns().contains(required)) {
                throw OpsException.invalid("documents table " + table + " has no column '" + required
                        + "' (needs path, title, body; may have kind, lang, tags, cis, ci_types, alert)");
            }
        }
        List<DocFile> files = new ArrayList<>();
        int refused = 0;
        String first = "";
        for (List<Object> row : t.rows()) {
            try {
                files.add(DocParser.fromFields(str(t, row, "path"), str(t, row, "title"), str(t, row, "body"),
                        str(t, row, "kind"), str(t, row, "lang"), list(t, row, "tags"), list(t, row, "cis"),
                        list(t, row, "ci_types"), str(t, row, "alert")));
            } catch (EstateImportException e) {
                refused++;
                first = first.isEmpty() ? e.getMessage() : first;
            }
        }
        DocumentPort.Synced s = port.replaceAll(collection, files);
        return Optional.of(new Report(s.indexed(), s.unchanged(), s.removed(), refused, first));
    }

    private static int parse(String v) {
        try {
            return v == null ? DEFAULT_REFRESH_SECONDS : Math.max(0, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
            return DEFAULT_REFRESH_SECONDS;
        }
    }

    private static String str(SqlPort.Tabular t, List<Object> row, String column) {
        int i = t.columns().indexOf(column);
        return i < 0 || row.get(i) == null ? "" : String.valueOf(row.get(i));
    }

    private static List<String> list(SqlPort.Tabular t, List<Object> row, String column) {
        int i = t.columns().indexOf(column);
        Object v = i < 0 ? null : row.get(i);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) {
            l.stream().filter(java.util.Objects::nonNull).map(String::valueOf).map(String::strip)
                    .filter(x -> !x.isEmpty()).forEach(out::add);
        } else if (v != null) {
            for (String x : String.valueOf(v).replaceAll("^[{\\[]|[}\\]]$", "").split(",")) {
                if (!x.isBlank()) {
                    out.add(x.strip().replaceAll("^\"|\"$", ""));
                }
            }
        }
        return out;
    }
}

package dev.opsuite.executor.domain;

import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.errors.OpsException;

/** The statement of a SQL template that runs on a source: a variant whose extension is installed, else the default. */
final class Variants {
    private Variants() {}

    static String statement(QueryTemplate template, AssetDoc source, SqlPort sql) {
        for (QueryTemplate.Variant v : template.variants()) {
            if (hasExtension(sql, source, v.requiresExtension())) {
                return v.statement();
            }
        }
        return template.statement();
    }

    /** An unreachable source has no extensions: the default statement runs and reports the failure. */
    private static boolean hasExtension(SqlPort sql, AssetDoc source, String extension) {
        try {
            return sql.hasExtension(source, extension);
        } catch (OpsException e) {
            return false;
        }
    }
}

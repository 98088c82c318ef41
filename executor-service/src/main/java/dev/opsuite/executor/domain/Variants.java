package dev.opsuite.executor.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.errors.OpsException;

/** The statement of a SQL template that runs on a source: a variant whose extension is installed, else the default. */
final class Variants {
    private Variants() {}

    static String statement(JsonNode template, AssetDoc source, SqlPort sql) {
        for (JsonNode v : template.path("variants")) {
            if (hasExtension(sql, source, v.path("requires_extension").asText())) {
                return v.path("statement").asText();
            }
        }
        return template.path("statement").asText();
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

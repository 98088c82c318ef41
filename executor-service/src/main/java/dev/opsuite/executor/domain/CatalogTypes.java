package dev.opsuite.executor.domain;

import java.util.Locale;

/** A store's type name as a SchemaCatalog field type (string, integer, float, boolean, timestamp, date, json, array). */
final class CatalogTypes {
    private CatalogTypes() {}

    static String of(String dbType) {
        String t = dbType.toLowerCase(Locale.ROOT);
        if (t.endsWith("[]") || t.startsWith("list") || t.endsWith("array")) {
            return "array";
        }
        if (t.startsWith("timestamp") || t.equals("date_time") || t.equals("local_date_time")
                || t.equals("zoned_date_time") || t.contains("datetime")) {
            return "timestamp";
        }
        if (t.equals("date")) {
            return "date";
        }
        if (t.equals("smallint") || t.equals("integer") || t.equals("bigint") || t.equals("long")
                || t.equals("int") || t.matches("int[248]")) {
            return "integer";
        }
        if (t.startsWith("numeric") || t.startsWith("decimal") || t.equals("real") || t.startsWith("double")
                || t.equals("float") || t.equals("double precision")) {
            return "float";
        }
        if (t.equals("boolean")) {
            return "boolean";
        }
        if (t.equals("json") || t.equals("jsonb") || t.equals("map")) {
            return "json";
        }
        return "string";
    }
}

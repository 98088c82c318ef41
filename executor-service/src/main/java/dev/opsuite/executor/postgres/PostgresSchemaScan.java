package dev.opsuite.executor.postgres;

import dev.opsuite.executor.domain.ScannedSchema;
import dev.opsuite.executor.domain.SchemaScanPort;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.SourceAsset;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Schema Scan on PostgreSQL: reads pg_catalog through the source version's read-only pool, in one
 * transaction under a statement timeout. Only the schemas of the source's schema_allowlist are
 * read. Partitions are left out (their parent, the partitioned table, is the entity).
 */
public final class PostgresSchemaScan implements SchemaScanPort {
    private static final String TABLES = """
            SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY(?) AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
            ORDER BY n.nspname, c.relname LIMIT ?""";
    private static final String COLUMNS = """
            SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ANY(?) AND c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition
              AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY n.nspname, c.relname, a.attnum""";
    private static final String CONSTRAINTS = """
            SELECT n.nspname, c.relname, con.contype,
                   ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
                   fn.nspname, fc.relname,
                   ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord)
            FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_class fc ON fc.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
            WHERE n.nspname = ANY(?) AND con.contype IN ('p', 'f') AND NOT c.relispartition
            ORDER BY n.nspname, c.relname, con.conname""";

    private final PostgresSqlAdapter adapter;

    public PostgresSchemaScan(PostgresSqlAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public ScannedSchema scan(AssetDoc source, Set<String> blockedTables, int timeoutSeconds, int maxEntities) {
        List<String> schemas = new ArrayList<>();
        schemas.addAll(SourceAsset.of(source).permissions().schemaAllowlist());
        if (schemas.isEmpty()) {
            schemas.add("public"); // as the adapter's search_path
        }
        try (Connection c = adapter.pool(source).getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL statement_timeout = " + Math.max(1, timeoutSeconds) * 1000);
            }
            try {
                return read(c, schemas, blockedTables, maxEntities);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw SqlFailures.toOps(source.name(), e, m -> adapter.scrubbed(source, m));
        }
    }

    private static ScannedSchema read(Connection c, List<String> schemas, Set<String> blocked, int maxEntities)
            throws SQLException {
        Array schemaArray = c.createArrayOf("text", schemas.toArray());
        Map<String, String[]> tables = new LinkedHashMap<>(); // schema.table -> {schema, table, kind}
        List<String> excluded = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(TABLES)) {
            ps.setArray(1, schemaArray);
            ps.setInt(2, maxEntities + blocked.size());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    String table = rs.getString(2);
                    if (blocked.contains(table.toLowerCase(Locale.ROOT))) {
                        excluded.add(schema + "." + table);
                    } else if (tables.size() < maxEntities) {
                        tables.put(schema + "." + table, new String[] {schema, table, kind(rs.getString(3))});
                    }
                }
            }
        }
        Map<String, List<String[]>> columns = new LinkedHashMap<>(); // {name, type, notnull}
        try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
            ps.setArray(1, schemaArray);
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + "." + rs.getString(2);
                    if (tables.containsKey(key)) {
                        columns.computeIfAbsent(key, k -> new ArrayList<>())
                                .add(new String[] {rs.getString(3), rs.getString(4), String.valueOf(rs.getBoolean(5))});
                    }
                }
            }
        }
        Map<String, Set<String>> primaryKeys = new LinkedHashMap<>();
        Map<String, List<ScannedSchema.ForeignKey>> foreignKeys = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(CONSTRAINTS)) {
            ps.setArray(1, schemaArray);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1) + "." + rs.getString(2);
                    if (!tables.containsKey(key)) {
                        continue;
                    }
                    List<String> cols = strings(rs.getArray(4));
                    if ("p".equals(rs.getString(3))) {
                        primaryKeys.computeIfAbsent(key, k -> new HashSet<>()).addAll(cols);
                    } else if (rs.getString(6) != null
                            && !blocked.contains(rs.getString(6).toLowerCase(Locale.ROOT))) {
                        foreignKeys.computeIfAbsent(key, k -> new ArrayList<>()).add(new ScannedSchema.ForeignKey(
                                cols, rs.getString(5), rs.getString(6), strings(rs.getArray(7))));
                    }
                }
            }
        }
        List<ScannedSchema.Entity> entities = new ArrayList<>();
        for (Map.Entry<String, String[]> t : tables.entrySet()) {
            Set<String> pk = primaryKeys.getOrDefault(t.getKey(), Set.of());
            List<ScannedSchema.Field> fields = columns.getOrDefault(t.getKey(), List.of()).stream()
                    .map(col -> new ScannedSchema.Field(col[0], col[1], !"true".equals(col[2]),
                            pk.contains(col[0])))
                    .toList();
            entities.add(new ScannedSchema.Entity(t.getValue()[0], t.getValue()[1], t.getValue()[2], fields,
                    foreignKeys.getOrDefault(t.getKey(), List.of())));
        }
        return new ScannedSchema(entities, List.of(), excluded);
    }

    private static String kind(String relkind) {
        return switch (relkind) {
            case "p" -> "partitioned_table";
            case "v" -> "view";
            case "m" -> "materialized_view";
            default -> "table";
        };
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
    }
}

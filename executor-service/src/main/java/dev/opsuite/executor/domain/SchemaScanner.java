package dev.opsuite.executor.domain;

import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.PolicyAsset;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.OpsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Schema Scan: introspects a Source through the adapter of its type and turns what it found into a
 * proposed SchemaCatalog content shaped like assets/defaults/schema/ci_schema.json (entities with
 * typed fields, primary keys, relationships from foreign keys; graph relation types). Tables the
 * Policy blocks are left out entirely (named only in "excluded"), so a published scan can never
 * teach the planner a blocked table.
 */
public final class SchemaScanner {
    /** Upper bound of entities in one proposal; bigger catalogs are cut and say so. */
    public static final int MAX_ENTITIES = 500;

    private final SchemaScanPort postgres;
    private final SchemaScanPort neo4j;
    private final SchemaScanPort redis;

    public SchemaScanner(SchemaScanPort postgres, SchemaScanPort neo4j) {
        this(postgres, neo4j, null);
    }

    public SchemaScanner(SchemaScanPort postgres, SchemaScanPort neo4j, SchemaScanPort redis) {
        this.postgres = postgres;
        this.neo4j = neo4j;
        this.redis = redis;
    }

    public record Proposal(Map<String, Object> catalog, List<String> excluded) {}

    public Proposal scan(AssetDoc source, PolicyAsset policy, String catalogName) {
        SourceAsset typed = SourceAsset.of(source);
        String type = typed.type();
        SchemaScanPort port = switch (type) {
            case "postgres", "timescale" -> postgres;
            case "neo4j" -> neo4j;
            case "redis" -> {
                if (redis == null) {
                    throw OpsException.failedPrecondition("this executor has no Redis adapter");
                }
                yield redis;
            }
            default -> throw OpsException.invalid("source " + source.name() + " has unsupported type '" + type + "'");
        };
        Set<String> blocked = new HashSet<>();
        policy.security().blockedTables().forEach(t -> blocked.add(t.toLowerCase(Locale.ROOT)));
        int timeout = Math.max(1, Math.min(typed.limits().maxDurationSeconds(), policy.budget().timeoutSeconds()));
        ScannedSchema s = port.scan(source, blocked, timeout, MAX_ENTITIES);
        if (typed.isRedis()) {
            s = RedisKeyPatterns.allowed(s, policy.security().redis());
        }
        return new Proposal(catalog(source, catalogName, s), s.excluded());
    }

    private static Map<String, Object> catalog(AssetDoc source, String catalogName, ScannedSchema s) {
        Set<String> schemas = new HashSet<>();
        s.entities().forEach(e -> schemas.add(e.schema()));
        boolean qualify = schemas.size() > 1;
        Map<String, String> names = new LinkedHashMap<>();
        for (ScannedSchema.Entity e : s.entities()) {
            names.put(e.schema() + "." + e.table(), entityName(e.schema(), e.table(), qualify));
        }
        Map<String, List<Map<String, Object>>> relationships = new LinkedHashMap<>();
        for (ScannedSchema.Entity e : s.entities()) {
            for (ScannedSchema.ForeignKey fk : e.foreignKeys()) {
                String target = names.get(fk.targetSchema() + "." + fk.targetTable());
                if (target != null && fk.fields().size() == 1) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("target", names.get(e.schema() + "." + e.table()));
                    r.put("type", "one_to_many");
                    r.put("foreign_key", fk.fields().get(0));
                    relationships.computeIfAbsent(target, k -> new ArrayList<>()).add(r);
                }
            }
        }
        List<Map<String, Object>> entities = new ArrayList<>();
        for (ScannedSchema.Entity e : s.entities()) {
            String name = names.get(e.schema() + "." + e.table());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("display_name", e.table());
            m.put("source", source.name());
            m.put("label".equals(e.kind()) ? "label" : "table", e.table());
            if (!"label".equals(e.kind())) {
                m.put("schema", e.schema());
            }
            m.put("kind", e.kind());
            m.put("fields", fields(e, names));
            if (!e.foreignKeys().isEmpty()) {
                m.put("foreign_keys", e.foreignKeys().stream().map(fk -> foreignKey(fk, names)).toList());
            }
            if (relationships.containsKey(name)) {
                m.put("relationships", relationships.get(name));
            }
            entities.add(m);
        }
        Map<String, Object> catalog = new LinkedHashMap<>();
        catalog.put("name", catalogName);
        catalog.put("entities", entities);
        if (!s.relations().isEmpty()) {
            catalog.put("relations", s.relations().stream().map(r -> relation(r, source.name())).toList());
        }
        Map<String, Object> scan = new LinkedHashMap<>();
        scan.put("source", source.ref());
        scan.put("source_type", SourceAsset.of(source).type());
        scan.put("excluded_by_policy", s.excluded());
        scan.put("truncated", s.entities().size() >= MAX_ENTITIES);
        catalog.put("scan", scan);
        return catalog;
    }

    private static String entityName(String schema, String table, boolean qualify) {
        return qualify ? schema + "." + table : table;
    }

    private static List<Map<String, Object>> fields(ScannedSchema.Entity e, Map<String, String> names) {
        Map<String, String> refs = new LinkedHashMap<>();
        for (ScannedSchema.ForeignKey fk : e.foreignKeys()) {
            String target = names.getOrDefault(fk.targetSchema() + "." + fk.targetTable(),
                    fk.targetSchema() + "." + fk.targetTable());
            for (int i = 0; i < fk.fields().size() && i < fk.targetFields().size(); i++) {
                refs.putIfAbsent(fk.fields().get(i), target + "." + fk.targetFields().get(i));
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (ScannedSchema.Field f : e.fields()) {
            Map<String, Object> m = field(f);
            if (refs.containsKey(f.name())) {
                m.put("references", refs.get(f.name()));
            }
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> field(ScannedSchema.Field f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("type", CatalogTypes.of(f.dbType()));
        m.put("db_type", f.dbType());
        if (f.primaryKey()) {
            m.put("primary_key", true);
        }
        m.put("nullable", f.nullable());
        return m;
    }

    private static Map<String, Object> foreignKey(ScannedSchema.ForeignKey fk, Map<String, String> names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fields", fk.fields());
        m.put("references", names.getOrDefault(fk.targetSchema() + "." + fk.targetTable(),
                fk.targetSchema() + "." + fk.targetTable()));
        m.put("reference_fields", fk.targetFields());
        return m;
    }

    private static Map<String, Object> relation(ScannedSchema.Relation r, String source) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", r.type());
        m.put("source", source);
        m.put("from", r.fromLabels());
        m.put("to", r.toLabels());
        m.put("properties", r.properties().stream().map(SchemaScanner::field).toList());
        return m;
    }
}

package dev.opsuite.executor.neo4j;

import dev.opsuite.executor.domain.ScannedSchema;
import dev.opsuite.executor.domain.SchemaScanPort;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;

/**
 * Schema Scan on Neo4j: labels, relationship types and their properties from the db.schema
 * procedures, the labels at each relationship type's ends from a bounded sample, and unique
 * properties (as keys) from SHOW CONSTRAINTS, all in READ sessions under a transaction timeout.
 */
public final class Neo4jSchemaScan implements SchemaScanPort {
    /** Relationships sampled per type to find the labels at its ends. */
    private static final int END_SAMPLE = 1000;

    private final Neo4jGraphAdapter adapter;

    public Neo4jSchemaScan(Neo4jGraphAdapter adapter) {
        this.adapter = adapter;
    }

    @Override
    public ScannedSchema scan(AssetDoc source, Set<String> blockedTables, int timeoutSeconds, int maxEntities) {
        TransactionConfig tx = TransactionConfig.builder().withTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)))
                .build();
        try (Session session = adapter.driver(source).session(SessionConfig.builder()
                .withDefaultAccessMode(AccessMode.READ).build())) {
            List<String> labels = session.executeRead(t -> t.run("CALL db.labels() YIELD label RETURN label "
                    + "ORDER BY label LIMIT $max", Map.of("max", maxEntities + blockedTables.size()))
                    .list(r -> r.get(0).asString()), tx);
            List<String> excluded = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            for (String l : labels) {
                if (blockedTables.contains(l.toLowerCase(Locale.ROOT))) {
                    excluded.add(l);
                } else if (kept.size() < maxEntities) {
                    kept.add(l);
                }
            }
            Map<String, Set<String>> keys = uniqueProperties(session, tx);
            Map<String, List<ScannedSchema.Field>> props = new LinkedHashMap<>();
            session.executeRead(t -> t.run("CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName, "
                    + "propertyTypes, mandatory RETURN nodeLabels, propertyName, propertyTypes, mandatory").list(), tx)
                    .forEach(r -> {
                        if (r.get("propertyName").isNull()) {
                            return;
                        }
                        for (Object l : r.get("nodeLabels").asList()) {
                            String label = String.valueOf(l);
                            List<ScannedSchema.Field> fs = props.computeIfAbsent(label, k -> new ArrayList<>());
                            String name = r.get("propertyName").asString();
                            if (fs.stream().noneMatch(f -> f.name().equals(name))) {
                                fs.add(field(r, keys.getOrDefault(label, Set.of()).contains(name)));
                            }
                        }
                    });
            List<ScannedSchema.Entity> entities = new ArrayList<>();
            for (String l : kept) {
                entities.add(new ScannedSchema.Entity("", l, "label", props.getOrDefault(l, List.of()), List.of()));
            }
            List<ScannedSchema.Relation> relations = relations(session, tx, new HashSet<>(excluded), maxEntities);
            return new ScannedSchema(entities, relations, excluded);
        } catch (ServiceUnavailableException | SessionExpiredException e) {
            throw new OpsException(ErrorCode.UNAVAILABLE, "source " + source.name() + " is unavailable", e);
        } catch (ClientException e) {
            throw new OpsException(ErrorCode.INVALID_ARGUMENT, "source " + source.name() + " refused the scan: "
                    + e.code(), e);
        } catch (Neo4jException e) {
            throw new OpsException(ErrorCode.UNAVAILABLE, "source " + source.name() + " failed: " + e.code(), e);
        }
    }

    private static List<ScannedSchema.Relation> relations(Session session, TransactionConfig tx, Set<String> blocked,
                                                          int max) {
        List<String> types = session.executeRead(t -> t.run("CALL db.relationshipTypes() YIELD relationshipType "
                + "RETURN relationshipType ORDER BY relationshipType LIMIT $max", Map.of("max", max))
                .list(r -> r.get(0).asString()), tx);
        Map<String, List<ScannedSchema.Field>> props = new LinkedHashMap<>();
        session.executeRead(t -> t.run("CALL db.schema.relTypeProperties() YIELD relType, propertyName, "
                + "propertyTypes, mandatory RETURN relType, propertyName, propertyTypes, mandatory").list(), tx)
                .forEach(r -> {
                    if (!r.get("propertyName").isNull()) {
                        String type = r.get("relType").asString().replaceAll("^:`?|`$", "");
                        props.computeIfAbsent(type, k -> new ArrayList<>()).add(field(r, false));
                    }
                });
        List<ScannedSchema.Relation> out = new ArrayList<>();
        for (String type : types) {
            Set<String> from = new TreeSet<>();
            Set<String> to = new TreeSet<>();
            session.executeRead(t -> t.run("MATCH (a)-[r]->(b) WHERE type(r) = $type WITH a, b LIMIT $sample "
                    + "RETURN DISTINCT labels(a) AS f, labels(b) AS t", Map.of("type", type, "sample", END_SAMPLE))
                    .list(), tx).forEach(r -> {
                        r.get("f").asList(v -> v.asString()).forEach(from::add);
                        r.get("t").asList(v -> v.asString()).forEach(to::add);
                    });
            from.removeAll(blocked);
            to.removeAll(blocked);
            out.add(new ScannedSchema.Relation(type, List.copyOf(from), List.copyOf(to),
                    props.getOrDefault(type, List.of())));
        }
        return out;
    }

    /** label -> properties under a uniqueness or key constraint; empty when SHOW CONSTRAINTS is refused. */
    private static Map<String, Set<String>> uniqueProperties(Session session, TransactionConfig tx) {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        try {
            session.executeRead(t -> t.run("SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes, properties "
                    + "WHERE entityType = 'NODE' RETURN type, labelsOrTypes, properties").list(), tx).forEach(r -> {
                        String type = r.get("type").asString();
                        if (type.contains("UNIQUE") || type.contains("KEY")) {
                            for (Object l : r.get("labelsOrTypes").asList()) {
                                keys.computeIfAbsent(String.valueOf(l), k -> new HashSet<>())
                                        .addAll(r.get("properties").asList(v -> v.asString()));
                            }
                        }
                    });
        } catch (ClientException e) {
            return Map.of(); // keys are a nicety of the proposal; the labels and properties still stand
        }
        return keys;
    }

    private static ScannedSchema.Field field(Record r, boolean key) {
        List<String> types = r.get("propertyTypes").isNull() ? List.of() : r.get("propertyTypes").asList(v -> v.asString());
        String type = types.isEmpty() ? "String" : String.join("|", types);
        return new ScannedSchema.Field(r.get("propertyName").asString(), type, !r.get("mandatory").asBoolean(false),
                key);
    }
}

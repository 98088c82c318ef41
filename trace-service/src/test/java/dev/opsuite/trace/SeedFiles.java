package dev.opsuite.trace;

import com.google.protobuf.Struct;
import dev.opsuite.kit.json.Structs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes seed directories for the tests. */
final class SeedFiles {
    static final String POSTGRES_MAIN = """
            {"name": "postgres_main", "type": "postgres",
             "connection": {"host": "localhost", "port": 5432, "database": "tobit_spa", "user_ref": "db_user_secret"},
             "permissions": {"read_only": true, "schema_allowlist": ["public", "monitoring"]},
             "limits": {"max_rows": 10000, "max_duration_seconds": 30}}
            """;
    static final String NEO4J_MAIN = """
            {"name": "neo4j_main", "type": "neo4j", "connection": {"uri": "bolt://localhost:7687", "user_ref": "neo4j_user"}}
            """;
    static final String CI_SCHEMA = """
            {"name": "ci_schema", "entities": [{"name": "ci_server", "fields": [{"name": "ci_code", "type": "string",
             "primary_key": true}, {"name": "cpu_usage", "type": "float", "unit": "%"}]}]}
            """;
    static final String CI_RESOLVER = """
            {"name": "ci_resolver", "rules": [{"rule_type": "alias_mapping", "name": "서버별명매핑",
             "rule_data": {"source_entity": "서버A", "target_entity": "ci_code:SVR001"}}]}
            """;
    static final String CI_LOOKUP = """
            {"name": "ci_lookup", "sql": "SELECT * FROM ci WHERE ci_code = :ci_code", "params": ["ci_code"]}
            """;
    static final String CI_POLICY = """
            {"name": "ci_policy", "budget": {"max_steps": 10, "max_depth": 3, "timeout_seconds": 60},
             "security": {"allowed_operations": ["SELECT"], "blocked_tables": ["users", "credentials"]},
             "replan": {"max_replans": 3, "auto_retry": true}}
            """;
    static final String CI_MAPPING = """
            {"name": "ci_mapping", "blocks": [{"type": "table", "from": "metric"}], "nothing": null}
            """;
    static final String DEFAULTS = """
            {"source": "postgres_main", "schema": "ci_schema", "resolver": "ci_resolver", "query": "ci_lookup",
             "policy": "ci_policy"}
            """;

    private SeedFiles() {}

    /** The standard seed: two sources, schema, resolver, query, policy, a mapping without default. */
    static Path standard(Path dir) {
        write(dir, "source/postgres_main.json", POSTGRES_MAIN);
        write(dir, "source/neo4j_main.json", NEO4J_MAIN);
        write(dir, "schema/ci_schema.json", CI_SCHEMA);
        write(dir, "resolver/ci_resolver.json", CI_RESOLVER);
        write(dir, "query/ci_lookup.json", CI_LOOKUP);
        write(dir, "policy/ci_policy.json", CI_POLICY);
        write(dir, "mapping/ci_mapping.json", CI_MAPPING);
        write(dir, "defaults.json", DEFAULTS);
        write(dir, "estate/cis.csv", "ci_code,name\n"); // unrelated content is ignored
        write(dir, "query/README.txt", "not an asset");
        return dir;
    }

    static void write(Path dir, String relative, String text) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Struct struct(String json) {
        return Structs.fromJson(json, Struct.newBuilder()).build();
    }
}

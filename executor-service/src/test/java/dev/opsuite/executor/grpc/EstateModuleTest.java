package dev.opsuite.executor.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import dev.opsuite.estate.EstateStores;
import dev.opsuite.kit.config.Env;
import io.grpc.BindableService;
import java.nio.file.Path;
import java.util.Map;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The composition-root entry point migrates the stores and hands back the gRPC service. */
class EstateModuleTest {

    @Test
    void createMigratesSchemaAndGraphConstraintIdempotently() throws Exception {
        try (HikariDataSource ds = EstateStores.emptyDatabase()) {
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                // an operator's own users table must survive untouched
                st.execute("CREATE TABLE users (user_id int PRIMARY KEY, name text)");
            }
            BindableService service = EstateModule.create(ds, EstateStores.neo4j(), EstateImportConfig.defaults());
            EstateModule.create(ds, EstateStores.neo4j(), EstateImportConfig.defaults()); // second start: no-op
            assertEquals("ops.v1.EstateService", service.bindService().getServiceDescriptor().getName());

            assertEquals(0, scalar(ds, "SELECT count(*) FROM users"));
            assertEquals(3, scalar(ds, "SELECT count(*) FROM credentials WHERE secret LIKE 'FAKE-%'"));
            assertEquals(2, scalar(ds, "SELECT count(*) FROM estate_schema_history WHERE success AND version IN ('1','2')"));
            assertEquals(0, scalar(ds, "SELECT count(*) FROM ci"));
            assertEquals(1, scalar(ds, "SELECT count(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid"
                    + " WHERE c.relname = 'ci_metric'"));
            try (var session = EstateStores.neo4j().session()) {
                assertEquals(1, session.run("SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties, type"
                        + " WHERE labelsOrTypes = ['CI'] AND properties = ['ci_code'] AND type = 'UNIQUENESS'"
                        + " RETURN count(*)").single().get(0).asLong());
            }
        }
    }

    @Test
    void importLimitsComeFromTheEnvironment() {
        EstateImportConfig c = EstateImportConfig.fromEnv(Env.of(Map.of("OPS_IMPORT_MAX_MB", "3",
                "OPS_IMPORT_THREADS", "1", "OPS_IMPORT_SPOOL_DIR", "/var/tmp/spool", "OPS_IMPORT_MIN_FREE_MB", "512")));
        assertEquals(new EstateImportConfig(3L << 20, 1, 8, Path.of("/var/tmp/spool")), c);
        assertEquals(2048L << 20, EstateImportConfig.fromEnv(Env.of(Map.of())).maxUploadBytes());
        assertEquals(java.time.Duration.ofMillis(100), EstateImportConfig.fromEnv(Env.of(Map.of())).progressInterval());
        assertEquals(java.time.Duration.ofMillis(5),
                EstateImportConfig.fromEnv(Env.of(Map.of("OPS_IMPORT_PROGRESS_MS", "5"))).progressInterval());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> EstateImportConfig.fromEnv(Env.of(Map.of("OPS_IMPORT_PROGRESS_MS", "0"))));
    }

    private static long scalar(HikariDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

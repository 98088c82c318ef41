package dev.opsuite.trace.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.opsuite.model.errors.OpsException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Connection pool and schema migrations for the {@code ops} schema. */
public final class Database {
    private static final Logger log = LoggerFactory.getLogger(Database.class);

    public static final String SCHEMA = "ops";
    /** trace-service's own history table, so other users of the schema or database keep theirs. */
    public static final String HISTORY_TABLE = "trace_service_schema_history";
    /** Server-side bound on every statement of the service (migrations run on their own connection). */
    static final String STATEMENT_TIMEOUT = "30s";

    private Database() {}

    /** Applies pending migrations from classpath {@code db/ops}; safe when several replicas start at once. */
    public static void migrate(String url, String user, String password) {
        MigrateResult result = Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/ops")
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .load()
                .migrate();
        log.info("schema {}: {} migration(s) applied, now at version {}", SCHEMA, result.migrationsExecuted,
                result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion);
    }

    /** The pool's name, and its label in the pool metrics (hikaricp_*{pool="trace-service-db"}). */
    public static final String POOL = "trace-service-db";

    /**
     * A bounded pool whose connections carry a statement timeout and a recognisable application name,
     * measured in {@code metrics} under pool="trace-service-db".
     */
    public static HikariDataSource pool(String url, String user, String password, int size,
                                        dev.opsuite.kit.metrics.PoolMetrics metrics) {
        HikariConfig c = new HikariConfig();
        c.setPoolName(POOL);
        c.setMetricsTrackerFactory(metrics.labelled(POOL));
        c.setJdbcUrl(url);
        c.setUsername(user);
        c.setPassword(password);
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(Math.min(2, size));
        c.setConnectionTimeout(5_000);
        c.setValidationTimeout(2_000);
        c.setConnectionInitSql("SET statement_timeout = '" + STATEMENT_TIMEOUT + "'");
        // Driver-level defaults; parameters in the URL take precedence.
        c.addDataSourceProperty("ApplicationName", "trace-service");
        c.addDataSourceProperty("connectTimeout", "5");
        c.addDataSourceProperty("socketTimeout", "60");
        c.addDataSourceProperty("tcpKeepAlive", "true");
        try {
            return new HikariDataSource(c);
        } catch (RuntimeException e) {
            throw OpsException.unavailable("cannot connect to the trace database: " + e.getMessage(), e);
        }
    }
}

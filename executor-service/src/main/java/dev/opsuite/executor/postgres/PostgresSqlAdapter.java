package dev.opsuite.executor.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.opsuite.executor.domain.SourceCheck;
import dev.opsuite.executor.domain.SourceHealthPort;
import dev.opsuite.executor.domain.SourcePoolPort;
import dev.opsuite.executor.domain.SqlPort;
import dev.opsuite.executor.source.NamedSql;
import dev.opsuite.executor.source.SecretResolver;
import dev.opsuite.executor.source.SourcePools;
import dev.opsuite.kit.metrics.PoolMetrics;
import dev.opsuite.kit.metrics.ProcessMetrics;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.OpsException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SqlPort on PostgreSQL: one HikariCP pool per Source asset version, read-only sessions, the
 * source's schema allowlist as search_path, a statement timeout per query and a row limit.
 */
public final class PostgresSqlAdapter implements SqlPort, SourceHealthPort, SourcePoolPort, AutoCloseable {
    private final dev.opsuite.executor.source.SourceTargets targets;
    private final SecretResolver secrets;
    private final SourcePools<HikariDataSource> pools;
    private final PoolMetrics poolMetrics;

    public PostgresSqlAdapter(SecretResolver secrets) {
        this(secrets, new SourcePools<>(32, Duration.ofMinutes(30)), dev.opsuite.executor.source.SourceTargets.loopbackOnly());
    }

    public PostgresSqlAdapter(SecretResolver secrets, SourcePools<HikariDataSource> pools,
                              dev.opsuite.executor.source.SourceTargets targets) {
        this(secrets, pools, targets, ProcessMetrics.off().pools());
    }

    /** @param poolMetrics where each Source's pools are measured, labelled by the Source's name */
    public PostgresSqlAdapter(SecretResolver secrets, SourcePools<HikariDataSource> pools,
                              dev.opsuite.executor.source.SourceTargets targets, PoolMetrics poolMetrics) {
        this.secrets = secrets;
        this.pools = pools;
        this.targets = targets;
        this.poolMetrics = poolMetrics;
    }

    @Override
    public Tabular query(AssetDoc source, String statement, Map<String, Object> params, int maxRows,
                         int timeoutSeconds) {
        NamedSql sql = NamedSql.parse(statement);
        HikariDataSource ds = pool(source);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // A plan for these bound values, always: the driver prepares a statement run five times on a
                // connection, and PostgreSQL may then keep a generic plan that cannot know the range's length
                // (the rollup variants' buckets, the partitions a range reaches) — measured on the scale
                // estate, top-10 over 7 days went from 0.37 s (EXPLAIN) to 3.6 s (docs/performance.md).
                s.execute("SET LOCAL statement_timeout = " + Math.max(1, timeoutSeconds) * 1000
                        + "; SET LOCAL plan_cache_mode = force_custom_plan");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.jdbcSql())) {
                ps.setMaxRows(maxRows + 1);
                ps.setFetchSize(Math.min(maxRows + 1, 1000));
                int i = 1;
                for (String name : sql.paramNames()) {
                    if (!params.containsKey(name)) {
                        throw OpsException.invalid("query parameter :" + name + " has no value");
                    }
                    JdbcValues.bind(c, ps, i++, params.get(name));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return JdbcValues.read(rs, maxRows);
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw SqlFailures.toOps(source.name(), e, m -> scrubbed(source, m));
        }
    }

    /** A message about this source with the values of its secret references taken out. */
    String scrubbed(AssetDoc source, String message) {
        return secrets.scrub(SourceAsset.of(source).connection(), message);
    }

    private final Map<String, Boolean> extensions = new ConcurrentHashMap<>();

    @Override
    public SourceCheck check(AssetDoc source) {
        long start = System.nanoTime();
        try (Connection c = pool(source).getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(5);
            try (ResultSet rs = s.executeQuery("SELECT current_setting('transaction_read_only'), version()")) {
                rs.next();
                boolean readOnly = "on".equals(rs.getString(1));
                String version = rs.getString(2);
                c.rollback();
                return new SourceCheck(true, readOnly, ms(start), version.split(" on ", 2)[0]);
            }
        } catch (SQLException | OpsException e) {
            return new SourceCheck(false, false, ms(start), e.getMessage() == null ? "unreachable"
                    : secrets.scrub(SourceAsset.of(source).connection(), e.getMessage().split("\\R", 2)[0]));
        }
    }

    private static int ms(long start) {
        return (int) ((System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public boolean hasExtension(AssetDoc source, String extension) {
        return extensions.computeIfAbsent(source.ref() + "#" + extension, k -> {
            try (Connection c = pool(source).getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_extension WHERE extname = ?")) {
                ps.setString(1, extension);
                try (ResultSet rs = ps.executeQuery()) {
                    boolean present = rs.next();
                    c.rollback();
                    return present;
                }
            } catch (SQLException e) {
                throw SqlFailures.toOps(source.name(), e, m -> scrubbed(source, m));
            }
        });
    }

    /** The pool of this source version (package-private: the schema scan shares it). */
    HikariDataSource pool(AssetDoc source) {
        return pools.get(source, this::create);
    }

    private HikariDataSource create(AssetDoc source) {
        SourceAsset typed = SourceAsset.of(source);
        Map<String, String> conn = secrets.resolve(source.name(), typed.connection());
        List<String> schemas = typed.permissions().schemaAllowlist();
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("src-" + source.name() + "-v" + source.version());
        // pool="<the Source's name>": its versions' pools measured together, never a host or URL in a label
        cfg.setMetricsTrackerFactory(poolMetrics.labelled(source.name()));
        String url = conn.containsKey("url") ? conn.get("url")
                : "jdbc:postgresql://" + conn.getOrDefault("host", SourceAsset.Connection.DEFAULT_HOST) + ":"
                + conn.getOrDefault("port", Integer.toString(SourceAsset.Connection.DEFAULT_PORT)) + "/"
                + conn.getOrDefault("database", SourceAsset.Connection.DEFAULT_DATABASE);
        targets.checkJdbc(source.name(), url); // before any connection: SSRF through a Source asset
        cfg.setJdbcUrl(url);
        if (conn.containsKey("user")) {
            cfg.setUsername(conn.get("user"));
        }
        if (conn.containsKey("password")) {
            cfg.setPassword(conn.get("password"));
        }
        cfg.setReadOnly(true);
        cfg.setAutoCommit(false);
        cfg.setMaximumPoolSize(typed.limits().maxConnections());
        // no idle floor: a pool nobody uses holds no connection (an archived version's pool is
        // closed by retire; one whose retire was missed still costs nothing)
        cfg.setMinimumIdle(0);
        cfg.setIdleTimeout(60_000);
        cfg.setConnectionTimeout(3_000);
        cfg.setValidationTimeout(1_000);
        cfg.setInitializationFailTimeout(-1); // a down source fails its queries, not the service
        for (String schema : schemas) {
            if (!schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                throw OpsException.invalid("source " + source.name() + ": invalid schema name in schema_allowlist");
            }
        }
        String searchPath = schemas.isEmpty() ? SourceAsset.Permissions.DEFAULT_SCHEMA : String.join(",", schemas);
        // session-level settings (startup options), so no transaction rollback can undo them
        cfg.addDataSourceProperty("options", "-c default_transaction_read_only=on -c search_path=" + searchPath);
        // the version in the name makes a source version's sessions visible in pg_stat_activity
        cfg.addDataSourceProperty("ApplicationName", applicationName(source));
        try {
            return new HikariDataSource(cfg);
        } catch (RuntimeException e) { // e.g. a URL no driver accepts: the asset is wrong, not the service
            throw OpsException.invalid("source " + source.name() + ": cannot open a connection pool ("
                    + e.getMessage() + ")");
        }
    }

    /** application_name of a source version's sessions: "ops-executor name@version", at most 63 bytes. */
    public static String applicationName(AssetDoc source) {
        String name = "ops-executor " + source.ref();
        return name.length() > 63 ? name.substring(0, 63) : name;
    }

    /** Closes the pools of name@version (every version when 0), e.g. when it is archived; their refs. */
    @Override
    public List<String> retire(String name, int version) {
        extensions.keySet().removeIf(k -> k.startsWith(name + "@"));
        return pools.retire(name, version);
    }

    /** name@version of every open pool. */
    @Override
    public List<String> openPools() {
        return pools.open();
    }

    @Override
    public void close() {
        pools.close();
    }
}

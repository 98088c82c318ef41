package dev.opsuite.stores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server (zonky embedded binaries) on 127.0.0.1 with a persistent data directory.
 *
 * <p>Unlike zonky's test defaults, the data directory is never cleaned and fsync / synchronous_commit
 * are on, because the all-in-one product keeps its real data here. Authentication is {@code trust} for
 * loopback connections (zonky's initdb), so {@link #password()} is accepted but not checked.
 *
 * <p>Postgres is started through {@code pg_ctl}, so the postmaster is not a child of this JVM and survives
 * a kill -9 of it; {@link #start} therefore stops such a stale postmaster first.
 */
public final class EmbeddedPostgresStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresStore.class);

    private static final String SUPERUSER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final String DEFAULT_DATABASE = "postgres";
    private static final String POSTMASTER_PID_FILE = "postmaster.pid";
    // zonky starts the server as <binaries>/bin/postgres; a reused pid running anything else is not ours
    private static final String POSTMASTER_COMMAND_MARKER = "bin/postgres";
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    private static final Duration STALE_STOP_GRACE = Duration.ofSeconds(10);
    // crash recovery after a kill -9 can take longer than zonky's 10 s default
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final String DUPLICATE_DATABASE_SQLSTATE = "42P04";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final int port;
    private final long postmasterPid;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedPostgresStore(EmbeddedPostgres postgres, Path dataDir, int port, long postmasterPid) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.port = port;
        this.postmasterPid = postmasterPid;
        this.shutdownHook = new Thread(this::close, "embedded-postgres-stop-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts PostgreSQL on {@code dataDir} (created and initdb'ed if new, reused otherwise).
     *
     * @param port TCP port on 127.0.0.1, or 0 for a free one
     */
    public static EmbeddedPostgresStore start(Path dataDir, int port) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        stopStalePostmaster(dir);
        int chosenPort = port == 0 ? FreePort.find() : port;
        long startNanos = System.nanoTime();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                // our own hook (see constructor) does not stop a postmaster that a newer store took over
                .setRegisterShutdownHook(false)
                .setPort(chosenPort)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("listen_addresses", "127.0.0.1")
                // zonky passes -F (fsync off) and synchronous_commit=off; the -c options below come later and win
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        long pid = StaleProcessStopper.readPid(dir.resolve(POSTMASTER_PID_FILE)).orElse(-1L);
        LOG.info("PostgreSQL started in {} ms on 127.0.0.1:{} (data dir {}, postmaster pid {})",
                (System.nanoTime() - startNanos) / 1_000_000, chosenPort, dir, pid);
        return new EmbeddedPostgresStore(postgres, dir, chosenPort, pid);
    }

    private static void stopStalePostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve(POSTMASTER_PID_FILE);
        StaleProcessStopper.Outcome outcome =
                StaleProcessStopper.stopIfRunning(pidFile, POSTMASTER_COMMAND_MARKER, STALE_STOP_GRACE);
        if (outcome == StaleProcessStopper.Outcome.NO_PID_FILE) {
            return;
        }
        // left behind by a SIGKILL, or naming a reused pid: postgres refuses to start while the pid is alive
        if (Files.deleteIfExists(pidFile)) {
            LOG.info("removed stale {}", pidFile);
        }
        if (outcome == StaleProcessStopper.Outcome.STOPPED) {
            // The superseded owner may still hold zonky's file lock (it is held per JVM, e.g. a store in this
            // JVM that was never closed). A new file has a new inode, so zonky's lock on it is independent.
            Files.deleteIfExists(dir.resolve(ZONKY_LOCK_FILE));
        }
    }

    /** Whether this store's postmaster is still running (false after a crash or a kill -9). */
    public boolean isAlive() {
        return !closed.get() && ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The postmaster's pid (e.g. for a fault test that kills it). */
    public long postmasterPid() {
        return postmasterPid;
    }

    /**
     * Starts a new postmaster on the same data directory and port after this one died (crash
     * recovery replays the WAL); this store's own lock on the directory is released first. The
     * caller then uses the returned store; this one is closed without touching the new server.
     */
    public EmbeddedPostgresStore restart() throws IOException {
        // the dead store's zonky lock is held by this JVM; a new lock file has a new inode
        Files.deleteIfExists(dataDir.resolve(ZONKY_LOCK_FILE));
        EmbeddedPostgresStore fresh = start(dataDir, port);
        close(); // superseded: removes its shutdown hook, leaves the new postmaster alone
        return fresh;
    }

    /** JDBC URL of {@code database} on this server; connect with {@link #user()} / {@link #password()}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** JDBC URL of the {@code postgres} database. */
    public String jdbcUrl() {
        return jdbcUrl(DEFAULT_DATABASE);
    }

    public String user() {
        return SUPERUSER;
    }

    /** Loopback connections use trust authentication; this value is for clients that insist on one. */
    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * Creates database {@code name} unless it exists.
     *
     * @return true when it was created by this call
     */
    public boolean createDatabaseIfMissing(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user(), password())) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return false;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + quoteIdentifier(name));
                LOG.info("created database {}", name);
                return true;
            } catch (SQLException e) {
                if (DUPLICATE_DATABASE_SQLSTATE.equals(e.getSQLState())) {
                    return false; // created concurrently by someone else
                }
                throw e;
            }
        }
    }

    /**
     * Creates (or re-asserts) a login role that can only read {@code schema} of {@code database}: no
     * superuser, no CREATE anywhere, no membership in pg_read_server_files / pg_execute_server_program /
     * pg_read_all_data, read-only transactions by default, SELECT on the schema's tables now and on
     * those the superuser creates later. Its password is new on every call (returned): the product
     * hands it to the executor by reference and nothing else ever needs it.
     */
    public String ensureReadOnlyRole(String database, String role, String schema) throws SQLException {
        String password = java.util.HexFormat.of().formatHex(randomBytes(24));
        String r = quoteIdentifier(role);
        String s = quoteIdentifier(schema);
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), user(), password());
             Statement st = c.createStatement()) {
            loginRole(c, st, role, password);
            st.execute("ALTER ROLE " + r + " SET default_transaction_read_only = on");
            for (String dangerous : new String[] {"pg_read_server_files", "pg_write_server_files",
                    "pg_execute_server_program", "pg_read_all_data", "pg_write_all_data", "pg_read_all_settings",
                    "pg_monitor", "pg_signal_backend"}) {
                st.execute("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + dangerous + "') THEN "
                        + "EXECUTE 'REVOKE " + dangerous + " FROM " + r.replace("'", "''") + "'; END IF; END $$");
            }
            st.execute("REVOKE ALL ON DATABASE " + quoteIdentifier(database) + " FROM " + r);
            st.execute("GRANT CONNECT ON DATABASE " + quoteIdentifier(database) + " TO " + r);
            st.execute("CREATE SCHEMA IF NOT EXISTS " + s);
            st.execute("REVOKE CREATE ON SCHEMA " + s + " FROM PUBLIC");
            st.execute("GRANT USAGE ON SCHEMA " + s + " TO " + r);
            st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + s + " TO " + r);
            st.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + quoteIdentifier(user()) + " IN SCHEMA " + s
                    + " GRANT SELECT ON TABLES TO " + r);
        }
        LOG.info("role {}: read-only on {}.{}", role, database, schema);
        return password;
    }

    /**
     * Creates (or re-asserts) a login role that owns {@code schema} of {@code database} and everything
     * in it — its migrations run as this role — and is nothing else: no superuser, no CREATE on the
     * database or other schemas, none of the server-file roles, no access to other schemas' tables.
     * A schema and objects the superuser created before (an older data directory) are handed over.
     * Its password is new on every call (returned).
     */
    public String ensureSchemaOwnerRole(String database, String role, String schema) throws SQLException {
        return ensureSchemaOwnerRole(database, role, schema, java.util.List.of());
    }

    /** As above; the tables the owner creates later are readable by {@code readers} (roles that exist). */
    public String ensureSchemaOwnerRole(String database, String role, String schema, java.util.List<String> readers)
            throws SQLException {
        String password = java.util.HexFormat.of().formatHex(randomBytes(24));
        String r = quoteIdentifier(role);
        String s = quoteIdentifier(schema);
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), user(), password());
             Statement st = c.createStatement()) {
            loginRole(c, st, role, password);
            st.execute("GRANT CONNECT ON DATABASE " + quoteIdentifier(database) + " TO " + r);
            st.execute("CREATE SCHEMA IF NOT EXISTS " + s + " AUTHORIZATION " + r);
            st.execute("ALTER SCHEMA " + s + " OWNER TO " + r);
            // objects an older start created as the superuser (tables take their serial sequences along)
            st.execute("DO $$ DECLARE o record; BEGIN "
                    + "FOR o IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    + "WHERE n.nspname = '" + schema.replace("'", "''") + "' AND c.relkind IN ('r','p','v','m') "
                    + "AND pg_get_userbyid(c.relowner) <> '" + role.replace("'", "''") + "' LOOP "
                    + "EXECUTE format('ALTER %s %I.%I OWNER TO %I', CASE o.relkind "
                    + "WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, '"
                    + schema.replace("'", "''") + "', o.relname, '" + role.replace("'", "''") + "'); END LOOP; END $$");
            for (String reader : readers) {
                st.execute("ALTER DEFAULT PRIVILEGES FOR ROLE " + r + " IN SCHEMA " + s + " GRANT SELECT ON TABLES TO "
                        + quoteIdentifier(reader));
            }
        }
        LOG.info("role {}: owner of {}.{} only", role, database, schema);
        return password;
    }

    /** Creates the login role unless it exists, then (re)asserts what it is not, with a new password. */
    private static void loginRole(Connection c, Statement st, String role, String password) throws SQLException {
        try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            exists.setString(1, role);
            try (ResultSet rows = exists.executeQuery()) {
                if (!rows.next()) {
                    st.execute("CREATE ROLE " + quoteIdentifier(role) + " LOGIN");
                }
            }
        }
        st.execute("ALTER ROLE " + quoteIdentifier(role) + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
                + "NOBYPASSRLS INHERIT CONNECTION LIMIT 64 PASSWORD '" + password + "'");
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }

    /** Stops the server (fast shutdown: open sessions are disconnected). Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        removeShutdownHook();
        Path pidFile = dataDir.resolve(POSTMASTER_PID_FILE);
        Optional<Long> currentPid = Files.exists(pidFile) ? StaleProcessStopper.readPid(pidFile) : Optional.empty();
        if (currentPid.isPresent() && currentPid.get() != postmasterPid) {
            // a newer store on the same data dir replaced our postmaster; pg_ctl stop would stop that one
            LOG.warn("postmaster {} on {} was superseded by pid {}; not stopping it", postmasterPid, dataDir, currentPid.get());
            return;
        }
        long startNanos = System.nanoTime();
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("stopping PostgreSQL on {} failed", dataDir, e);
        }
        LOG.info("PostgreSQL on port {} stopped in {} ms", port, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down, possibly running this very hook
        }
    }

    private static String quoteIdentifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}

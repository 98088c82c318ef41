package dev.opsuite.stores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real PostgreSQL servers on temp data directories. */
class EmbeddedPostgresStoreTest {

    @TempDir
    Path tempDir;

    @Test
    void aSchemaOwnerRoleTakesOverWhatTheSuperuserCreatedAndNothingMore() throws Exception {
        try (EmbeddedPostgresStore store = EmbeddedPostgresStore.start(tempDir.resolve("pg-roles"), 0)) {
            // an older data directory: the schema and its tables were the superuser's
            execute(store, store.jdbcUrl(), "CREATE SCHEMA legacy");
            execute(store, store.jdbcUrl(), "CREATE TABLE legacy.events (id bigserial PRIMARY KEY, body text)");
            execute(store, store.jdbcUrl(), "CREATE TABLE public.secret (x int)");
            String password = store.ensureSchemaOwnerRole("postgres", "legacy_owner", "legacy");
            assertFalse(password.isBlank());
            try (Connection c = DriverManager.getConnection(store.jdbcUrl(), "legacy_owner", password);
                 Statement st = c.createStatement()) {
                st.execute("INSERT INTO legacy.events (body) VALUES ('mine')");   // the table and its sequence
                st.execute("CREATE TABLE legacy.more (x int)");                   // migrations can run
                SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> st.execute("SELECT * FROM public.secret"));
                assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
            }
            // idempotent: a second start re-asserts it
            store.ensureSchemaOwnerRole("postgres", "legacy_owner", "legacy");
        }
    }

    @Test
    void rowSurvivesARestartOnTheSameDataDir() throws Exception {
        Path dataDir = tempDir.resolve("pg");
        try (EmbeddedPostgresStore store = EmbeddedPostgresStore.start(dataDir, 0)) {
            execute(store, store.jdbcUrl(), "CREATE TABLE note (id int PRIMARY KEY, body text)");
            execute(store, store.jdbcUrl(), "INSERT INTO note VALUES (1, 'kept')");
        }
        try (EmbeddedPostgresStore store = EmbeddedPostgresStore.start(dataDir, 0)) {
            assertEquals("kept", queryString(store, store.jdbcUrl(), "SELECT body FROM note WHERE id = 1"));
        }
    }

    @Test
    void serverIsDurableListensOnLoopbackAndCreatesDatabases() throws Exception {
        int port = FreePort.find();
        try (EmbeddedPostgresStore store = EmbeddedPostgresStore.start(tempDir.resolve("pg"), port)) {
            assertEquals(port, store.port());
            assertEquals("jdbc:postgresql://127.0.0.1:" + port + "/postgres", store.jdbcUrl());
            assertEquals("on", queryString(store, store.jdbcUrl(), "SHOW fsync"));
            assertEquals("on", queryString(store, store.jdbcUrl(), "SHOW synchronous_commit"));
            assertEquals("127.0.0.1", queryString(store, store.jdbcUrl(), "SHOW listen_addresses"));

            assertTrue(store.createDatabaseIfMissing("ops-trace"));
            assertFalse(store.createDatabaseIfMissing("ops-trace"));
            assertEquals("ops-trace", queryString(store, store.jdbcUrl("ops-trace"), "SELECT current_database()"));
        }
    }

    @Test
    void startStopsAStalePostmasterOnTheSameDataDir() throws Exception {
        Path dataDir = tempDir.resolve("pg");
        // never closed before the second start: like a postmaster left behind by a JVM killed with -9
        EmbeddedPostgresStore stale = EmbeddedPostgresStore.start(dataDir, 0);
        long stalePid = postmasterPid(dataDir);
        try (EmbeddedPostgresStore fresh = EmbeddedPostgresStore.start(dataDir, 0)) {
            assertFalse(ProcessHandle.of(stalePid).map(ProcessHandle::isAlive).orElse(false),
                    "stale postmaster " + stalePid + " still running");
            assertTrue(postmasterPid(dataDir) != stalePid);
            execute(fresh, fresh.jdbcUrl(), "CREATE TABLE after_takeover (id int)");

            stale.close(); // must not stop the postmaster that replaced it
            assertEquals("0", queryString(fresh, fresh.jdbcUrl(), "SELECT count(*) FROM after_takeover"));
        }
    }

    @Test
    void pidFileNamingAnotherProgramIsRemovedAndThatProgramLeftAlone() throws Exception {
        Path dataDir = tempDir.resolve("pg");
        EmbeddedPostgresStore.start(dataDir, 0).close();
        Process otherProgram = new ProcessBuilder("sleep", "120").start();
        try {
            // a reused pid: postgres itself would refuse to start while this pid is alive
            Files.writeString(dataDir.resolve("postmaster.pid"), otherProgram.pid() + "\n" + dataDir + "\n");
            try (EmbeddedPostgresStore store = EmbeddedPostgresStore.start(dataDir, 0)) {
                assertTrue(otherProgram.isAlive());
                assertEquals("1", queryString(store, store.jdbcUrl(), "SELECT 1"));
            }
        } finally {
            otherProgram.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static long postmasterPid(Path dataDir) throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    private static void execute(EmbeddedPostgresStore store, String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, store.user(), store.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String queryString(EmbeddedPostgresStore store, String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, store.user(), store.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertTrue(rows.next(), "no row from " + sql);
            return rows.getString(1);
        }
    }
}

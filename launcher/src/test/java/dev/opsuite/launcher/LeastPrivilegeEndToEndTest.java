package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * #13: the SQL that assets hold runs as ops_estate_reader, which can read the estate schema and
 * nothing else — so even a statement past every guard cannot read password hashes, the trace
 * store, server files or write anything.
 */
class LeastPrivilegeEndToEndTest {

    private static Connection asReader(AllInOne ops) throws SQLException {
        // loopback trust authentication: the role, not the password, is what limits the session
        return DriverManager.getConnection(ops.jdbcUrl(), AllInOne.ESTATE_READER, "x");
    }

    @Test
    void theEstateReaderReadsTheEstateOnly() throws Exception {
        AllInOne ops = OpsStack.get();
        try (Connection c = asReader(ops); Statement st = c.createStatement()) {
            try (ResultSet r = st.executeQuery("SELECT count(*) FROM ci")) {
                assertTrue(r.next() && r.getLong(1) > 0);
            }
            try (ResultSet r = st.executeQuery("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles "
                    + "WHERE rolname = current_user")) {
                assertTrue(r.next());
                assertFalse(r.getBoolean(1) || r.getBoolean(2) || r.getBoolean(3), "no superuser, createrole, createdb");
            }
            for (String attack : new String[] {
                    "SELECT rolname, rolpassword FROM pg_authid",           // the attack
                    "SELECT count(*) FROM ops.traces",                      // every trace: SQL, rows, questions
                    "SELECT count(*) FROM ops.assets",
                    "SELECT pg_read_file('/etc/passwd')",
                    "SELECT pg_ls_dir('.')",
                    "COPY ci TO PROGRAM 'id'",
                    "CREATE TABLE public.owned (x int)",
                    "DELETE FROM ci",
                    "SET default_transaction_read_only = off; DELETE FROM ci",
                    "SELECT lo_import('/etc/passwd')"}) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(attack), attack);
                assertTrue(e.getMessage().contains("permission denied") || e.getMessage().contains("read-only")
                        || e.getMessage().contains("must be superuser") || e.getMessage().contains("does not exist")
                        || e.getMessage().contains("privilege"), attack + ": " + e.getMessage());
            }
        }
    }

    @Test
    void theDefaultSourceConnectsAsTheReader() throws Exception {
        AllInOne ops = OpsStack.get();
        Http http = new Http(ops);
        // ask something, then look at who the executor's sessions are
        assertEquals(200, http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?")).status());
        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), ops.dbUser(), ops.dbPassword());
             Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT DISTINCT usename FROM pg_stat_activity "
                     + "WHERE application_name LIKE 'ops-executor postgres_main@%'")) {
            assertTrue(r.next(), "the executor has a session open");
            assertEquals(AllInOne.ESTATE_READER, r.getString(1));
            assertFalse(r.next(), "and only as the reader");
        }
    }

    @Test
    void theEmbeddedGraphHasAuthOnAndCannotReadHostFiles() throws Exception {
        AllInOne ops = OpsStack.get();
        String uri = ops.serviceEnv().get("OPS_SECRET_NEO4J_URI").orElseThrow();
        // auth is on: no credentials and a wrong password are refused
        for (org.neo4j.driver.AuthToken wrong : java.util.List.of(org.neo4j.driver.AuthTokens.none(),
                org.neo4j.driver.AuthTokens.basic("neo4j", "neo4j"),
                org.neo4j.driver.AuthTokens.basic("neo4j", ops.serviceEnv().get("OPS_SECRET_NEO4J_PASSWORD").orElseThrow() + "x"))) {
            try (org.neo4j.driver.Driver d = org.neo4j.driver.GraphDatabase.driver(uri, wrong);
                 org.neo4j.driver.Session s = d.session()) {
                Exception e = assertThrows(Exception.class, () -> s.run("MATCH (n) RETURN count(n)").consume());
                assertTrue(e instanceof org.neo4j.driver.exceptions.AuthenticationException
                        || e instanceof org.neo4j.driver.exceptions.SecurityException, e.toString());
            }
        }
        try (org.neo4j.driver.Driver d = org.neo4j.driver.GraphDatabase.driver(uri, org.neo4j.driver.AuthTokens.basic(
                ops.serviceEnv().get("OPS_SECRET_NEO4J_USER").orElseThrow(),
                ops.serviceEnv().get("OPS_SECRET_NEO4J_PASSWORD").orElseThrow()));
             org.neo4j.driver.Session s = d.session()) {
            assertTrue(s.run("CALL db.labels() YIELD label RETURN count(label) AS n").single().get("n").asLong() > 0,
                    "the schema scan's procedures stay");
            Exception e = assertThrows(Exception.class, () -> s.run(
                    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line LIMIT 1").consume());
            assertFalse(e.getMessage().contains("root:"), e.getMessage());
            assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("file"), e.getMessage());
        }
    }

    @Test
    void theTraceStoreOwnsItsSchemaAndNothingElse() throws Exception {
        AllInOne ops = OpsStack.get();
        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), AllInOne.TRACE_STORE, "x");
             Statement st = c.createStatement()) {
            try (ResultSet r = st.executeQuery("SELECT count(*) FROM ops.assets")) {
                assertTrue(r.next() && r.getLong(1) > 0, "its own schema");
            }
            try (ResultSet r = st.executeQuery("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles "
                    + "WHERE rolname = current_user")) {
                assertTrue(r.next());
                assertFalse(r.getBoolean(1) || r.getBoolean(2) || r.getBoolean(3));
            }
            for (String attack : new String[] {
                    "SELECT count(*) FROM public.ci",                  // the estate is not the trace store's
                    "SELECT rolname, rolpassword FROM pg_authid",
                    "CREATE TABLE public.owned (x int)",
                    "SELECT pg_read_file('/etc/passwd')",
                    "CREATE ROLE mallory SUPERUSER"}) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(attack), attack);
                assertTrue(e.getMessage().contains("permission denied") || e.getMessage().contains("must be superuser")
                        || e.getMessage().contains("privilege"), attack + ": " + e.getMessage());
            }
        }
    }

    @Test
    void theEstateWriterOwnsTheEstateAndNothingElse() throws Exception {
        AllInOne ops = OpsStack.get();
        try (Connection c = DriverManager.getConnection(ops.jdbcUrl(), AllInOne.ESTATE_WRITER, "x");
             Statement st = c.createStatement()) {
            try (ResultSet r = st.executeQuery("SELECT count(*) FROM ci")) {
                assertTrue(r.next() && r.getLong(1) > 0, "the estate it imported");
            }
            try (ResultSet r = st.executeQuery("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles "
                    + "WHERE rolname = current_user")) {
                assertTrue(r.next());
                assertFalse(r.getBoolean(1) || r.getBoolean(2) || r.getBoolean(3));
            }
            for (String attack : new String[] {
                    "SELECT count(*) FROM ops.traces",
                    "SELECT rolname, rolpassword FROM pg_authid",
                    "SELECT pg_read_file('/etc/passwd')",
                    "COPY ci TO PROGRAM 'id'",
                    "CREATE ROLE mallory SUPERUSER"}) {
                SQLException e = assertThrows(SQLException.class, () -> st.execute(attack), attack);
                assertTrue(e.getMessage().contains("permission denied") || e.getMessage().contains("must be superuser")
                        || e.getMessage().contains("privilege"), attack + ": " + e.getMessage());
            }
        }
        // and the reader still reads what the writer's migrations and imports created
        try (Connection c = asReader(ops); Statement st = c.createStatement();
             ResultSet r = st.executeQuery("SELECT revision FROM estate_revision")) {
            assertTrue(r.next());
        }
    }
}

package dev.opsuite.executor.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.executor.domain.SqlPort;
import dev.opsuite.executor.source.SecretResolver;
import dev.opsuite.kit.config.Env;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Contract of the SQL adapter against a real (embedded) PostgreSQL: binding, row limits, read-only
 * sessions, statement timeouts, the schema allowlist as search_path, and failure mapping.
 */
class PostgresSqlAdapterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "pg-test-password-7f3a";
    private static final int PROBE_ROWS = 25;

    private static EmbeddedPostgres pg;
    private static PostgresSqlAdapter adapter;
    private static Env env;

    @BeforeAll
    static void start() throws IOException, SQLException {
        pg = EmbeddedPostgres.builder().start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE public.ci_probe (
                        id         integer PRIMARY KEY,
                        ci_code    text NOT NULL,
                        name       text NOT NULL,
                        cpu        numeric(6,2),
                        ratio      double precision,
                        big        bigint,
                        active     boolean,
                        created_at timestamptz NOT NULL,
                        day        date,
                        tags       text[],
                        attrs      jsonb
                    )""");
            st.execute("""
                    INSERT INTO public.ci_probe
                    SELECT i, 'CI-' || lpad(i::text, 3, '0'), 'server-' || i, i * 1.25, i / 4.0, i * 10000000000,
                           mod(i, 2) = 0, timestamptz '2024-05-01 12:00:00+00' + make_interval(mins => i),
                           date '2024-05-01' + i, ARRAY['t' || i, 'all'], jsonb_build_object('rack', i)
                    FROM generate_series(1, %d) AS i""".formatted(PROBE_ROWS));
            st.execute("CREATE SCHEMA hidden");
            st.execute("CREATE TABLE hidden.secret_probe (id integer, note text)");
            st.execute("INSERT INTO hidden.secret_probe VALUES (1, 'only via hidden')");
        }
        env = Env.of(Map.of(
                "OPS_SECRET_OPSTEST_PG_PORT", Integer.toString(pg.getPort()),
                "OPS_SECRET_OPSTEST_PG_DATABASE", "postgres",
                "OPS_SECRET_OPSTEST_PG_USER", "postgres",
                "OPS_SECRET_OPSTEST_PG_PASSWORD", PASSWORD));
        adapter = new PostgresSqlAdapter(new SecretResolver(env));
    }

    @AfterAll
    static void stop() throws IOException {
        if (adapter != null) {
            adapter.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    /** A Source asset shaped like assets/defaults/source/postgres_main.json. */
    private static AssetDoc source(String name, List<String> schemaAllowlist, Map<String, String> connectionOverrides) {
        ObjectNode content = JSON.createObjectNode();
        content.put("name", name);
        content.put("type", "postgres");
        ObjectNode conn = content.putObject("connection");
        conn.put("host", "127.0.0.1");
        conn.put("port_ref", "OPSTEST_PG_PORT");
        conn.put("database_ref", "OPSTEST_PG_DATABASE");
        conn.put("user_ref", "OPSTEST_PG_USER");
        conn.put("password_ref", "OPSTEST_PG_PASSWORD");
        connectionOverrides.forEach(conn::put);
        ObjectNode permissions = content.putObject("permissions");
        permissions.put("read_only", true);
        schemaAllowlist.forEach(permissions.putArray("schema_allowlist")::add);
        ObjectNode limits = content.putObject("limits");
        limits.put("max_rows", 10000);
        limits.put("max_duration_seconds", 30);
        limits.put("max_connections", 2);
        return new AssetDoc("source", name, 1, "published", content);
    }

    private static AssetDoc mainSource() {
        return source("pg_contract", List.of("public"), Map.of());
    }

    private static SqlPort.Tabular query(String sql, Map<String, Object> params) {
        return adapter.query(mainSource(), sql, params, 100, 10);
    }

    private static int countProbeRows() throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM public.ci_probe WHERE name LIKE 'server-%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void bindsStringsNumbersAndTextArrays() {
        Map<String, Object> params = new HashMap<>();
        params.put("prefix", "server-1%");
        params.put("min_id", 3);
        params.put("max_cpu", 20.0);
        params.put("codes", List.of("CI-012", "CI-013", "CI-002", "CI-999"));

        SqlPort.Tabular t = query("SELECT id, ci_code FROM ci_probe WHERE name LIKE :prefix AND id >= :min_id"
                + " AND cpu <= :max_cpu AND ci_code = ANY(:codes) ORDER BY id", params);

        assertEquals(List.of("id", "ci_code"), t.columns());
        assertEquals(List.of(List.of(12, "CI-012"), List.of(13, "CI-013")), t.rows());
        assertFalse(t.truncated());
    }

    @Test
    void repeatedParameterIsBoundAtEveryOccurrence() {
        SqlPort.Tabular t = query("SELECT id FROM ci_probe WHERE id = :id OR id = :id + 1 ORDER BY id",
                Map.of("id", 7L));

        assertEquals(List.of(List.of(7), List.of(8)), t.rows());
    }

    @Test
    void nullAndBooleanParametersBind() {
        Map<String, Object> params = new HashMap<>();
        params.put("active", true);
        params.put("nothing", null);

        SqlPort.Tabular t = query("SELECT count(*) AS n, :nothing::text IS NULL AS was_null FROM ci_probe"
                + " WHERE active = :active", params);

        assertEquals(List.of(List.of(12L, true)), t.rows());
    }

    @Test
    void aParameterWithoutAValueIsAnInvalidArgument() {
        OpsException e = assertThrows(OpsException.class,
                () -> query("SELECT id FROM ci_probe WHERE ci_code = :ci_code", Map.of()));

        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().contains(":ci_code"), e.getMessage());
    }

    @Test
    void injectionAttemptsInParameterValuesAreTreatedAsData() throws SQLException {
        List<String> attempts = List.of(
                "x' OR '1'='1",
                "'; DROP TABLE ci_probe; --",
                "CI-001'); DELETE FROM ci_probe; --",
                "server-1' UNION SELECT note FROM hidden.secret_probe --");
        for (String attempt : attempts) {
            SqlPort.Tabular byName = query("SELECT id FROM ci_probe WHERE name = :name", Map.of("name", attempt));
            assertEquals(List.of(), byName.rows(), "attempt was not data: " + attempt);
            SqlPort.Tabular byList = query("SELECT id FROM ci_probe WHERE ci_code = ANY(:codes)",
                    Map.of("codes", List.of(attempt)));
            assertEquals(List.of(), byList.rows(), "attempt in a list was not data: " + attempt);
        }

        assertEquals(PROBE_ROWS, countProbeRows(), "ci_probe is intact");
        SqlPort.Tabular echoed = query("SELECT :v AS v", Map.of("v", attempts.get(1)));
        assertEquals(List.of(List.of(attempts.get(1))), echoed.rows(), "the value arrives byte for byte");
    }

    @Test
    void everyQueryIsPlannedForItsBoundValues() {
        // run more often than the driver's prepare threshold (5) on the pool's connections
        for (int i = 0; i < 8; i++) {
            SqlPort.Tabular t = adapter.query(mainSource(), "SELECT current_setting('plan_cache_mode') AS mode,"
                    + " count(*) AS n FROM ci_probe WHERE created_at >= :from", Map.of("from",
                    java.time.OffsetDateTime.parse("2024-05-01T12:10:00Z")), 10, 10);
            assertEquals(List.of(List.of("force_custom_plan", 16L)), t.rows());
        }
    }

    @Test
    void rowLimitTruncatesToExactlyMaxRows() {
        SqlPort.Tabular t = adapter.query(mainSource(), "SELECT id FROM ci_probe ORDER BY id", Map.of(), 10, 10);

        assertTrue(t.truncated());
        assertEquals(10, t.rows().size());
        assertEquals(List.of(1), t.rows().get(0));
        assertEquals(List.of(10), t.rows().get(9));
    }

    @Test
    void resultOfExactlyMaxRowsIsNotTruncated() {
        SqlPort.Tabular exact = adapter.query(mainSource(), "SELECT id FROM ci_probe", Map.of(), PROBE_ROWS, 10);
        SqlPort.Tabular roomy = adapter.query(mainSource(), "SELECT id FROM ci_probe", Map.of(), PROBE_ROWS + 5, 10);

        assertFalse(exact.truncated());
        assertEquals(PROBE_ROWS, exact.rows().size());
        assertFalse(roomy.truncated());
        assertEquals(PROBE_ROWS, roomy.rows().size());
    }

    @Test
    void writesAreRefusedAsPolicyDenied() throws SQLException {
        List<String> writes = List.of(
                "UPDATE ci_probe SET name = 'changed' WHERE id = 1 RETURNING id",
                "INSERT INTO ci_probe (id, ci_code, name, created_at) VALUES (900, 'X', 'server-x', now()) RETURNING id",
                "DELETE FROM ci_probe RETURNING id",
                "WITH d AS (DELETE FROM ci_probe RETURNING id) SELECT count(*) FROM d",
                "UPDATE ci_probe SET name = 'changed' WHERE id = 1");
        for (String write : writes) {
            OpsException e = assertThrows(OpsException.class, () -> query(write, Map.of()), write);
            assertEquals(ErrorCode.POLICY_DENIED, e.code(), write + " -> " + e.getMessage());
        }

        assertEquals(PROBE_ROWS, countProbeRows());
    }

    @Test
    void sessionsStayReadOnlyAcrossPooledConnectionReuse() throws SQLException {
        // a pool of two connections: every query after the second reuses a connection
        for (int i = 0; i < 5; i++) {
            assertEquals(List.of(List.of("on")), query("SHOW transaction_read_only", Map.of()).rows());
            OpsException e = assertThrows(OpsException.class,
                    () -> query("UPDATE ci_probe SET name = 'changed' WHERE id = 1 RETURNING id", Map.of()));
            assertEquals(ErrorCode.POLICY_DENIED, e.code());
        }
        assertEquals(PROBE_ROWS, countProbeRows());
    }

    @Test
    void statementTimeoutIsDeadlineExceeded() {
        // without the timeout pg_sleep would return a row after 5 s and nothing would be thrown
        OpsException e = assertThrows(OpsException.class,
                () -> adapter.query(mainSource(), "SELECT pg_sleep(5)", Map.of(), 10, 1));

        assertEquals(ErrorCode.DEADLINE_EXCEEDED, e.code(), e.getMessage());
        // the pool is still usable afterwards
        assertEquals(List.of(List.of(1)), query("SELECT 1", Map.of()).rows());
    }

    @Test
    void unqualifiedTableOutsideTheAllowlistIsNotFound() {
        for (int i = 0; i < 3; i++) {
            OpsException e = assertThrows(OpsException.class, () -> query("SELECT * FROM secret_probe", Map.of()));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
            assertTrue(e.getMessage().contains("42P01"), e.getMessage());
        }
        assertEquals(List.of(List.of(List.of("public"))), query("SELECT current_schemas(false)", Map.of()).rows());
    }

    @Test
    void closedPortIsUnavailableWithoutHanging() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Env closedEnv = env.with(Map.of("OPS_SECRET_OPSTEST_PG_CLOSED_PORT", Integer.toString(closedPort)));
        AssetDoc down = source("pg_down", List.of("public"), Map.of("port_ref", "OPSTEST_PG_CLOSED_PORT"));
        try (PostgresSqlAdapter downAdapter = new PostgresSqlAdapter(new SecretResolver(closedEnv))) {
            OpsException e = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThrows(OpsException.class,
                    () -> downAdapter.query(down, "SELECT 1", Map.of(), 10, 5)));

            assertEquals(ErrorCode.UNAVAILABLE, e.code(), e.getMessage());
            assertTrue(e.getMessage().contains("pg_down"), e.getMessage());
            assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        }
    }

    @Test
    void missingSecretNamesTheReferenceButNoValue() {
        AssetDoc missing = source("pg_missing_secret", List.of("public"),
                Map.of("password_ref", "OPSTEST_PG_PASSWORD_NOT_SET"));

        OpsException e = assertThrows(OpsException.class, () -> adapter.query(missing, "SELECT 1", Map.of(), 10, 5));

        assertTrue(e.getMessage().contains("OPSTEST_PG_PASSWORD_NOT_SET"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        assertFalse(e.getMessage().contains(Integer.toString(pg.getPort())), e.getMessage());
    }

    @Test
    void valuesComeBackAsJsonFriendlyTypes() {
        SqlPort.Tabular t = query("SELECT id, cpu, ratio, big, active, created_at, day, tags, attrs, name"
                + " FROM ci_probe WHERE id = :id", Map.of("id", 4));

        assertEquals(List.of("id", "cpu", "ratio", "big", "active", "created_at", "day", "tags", "attrs", "name"),
                t.columns());
        List<Object> row = t.rows().get(0);
        assertEquals(4, ((Number) row.get(0)).intValue());
        assertInstanceOf(Number.class, row.get(1), "numeric is a number");
        assertEquals(5.0, ((Number) row.get(1)).doubleValue(), 1e-9);
        assertInstanceOf(Number.class, row.get(2));
        assertEquals(1.0, ((Number) row.get(2)).doubleValue(), 1e-9);
        assertEquals(40_000_000_000L, ((Number) row.get(3)).longValue());
        assertEquals(true, row.get(4));
        String ts = assertInstanceOf(String.class, row.get(5), "timestamptz is an ISO string");
        assertEquals(OffsetDateTime.parse("2024-05-01T12:04:00Z").toInstant(), OffsetDateTime.parse(ts).toInstant(), ts);
        assertEquals("2024-05-05", row.get(6));
        assertEquals(List.of("t4", "all"), row.get(7));
        JsonNode attrs = parse(assertInstanceOf(String.class, row.get(8)));
        assertEquals(4, attrs.path("rack").asInt());
        assertEquals("server-4", row.get(9));
    }

    @Test
    void timestampParametersBindAsInstants() {
        SqlPort.Tabular t = query("SELECT count(*) FROM ci_probe WHERE created_at >= :from AND created_at < :to",
                Map.of("from", OffsetDateTime.parse("2024-05-01T21:05:00+09:00"),
                        "to", OffsetDateTime.parse("2024-05-01T12:10:00Z")));

        assertEquals(List.of(List.of(5L)), t.rows()); // minutes 5..9
    }

    @Test
    void sqlErrorsAreInvalidArgumentWithOneLineMessage() {
        OpsException e = assertThrows(OpsException.class, () -> query("SELEC broken", Map.of()));

        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains("42601"), e.getMessage());
    }

    @Test
    void schemaAllowlistAndReadOnlyHoldForEveryQueryOfAPooledConnection() {
        AssetDoc hidden = source("pg_hidden_only", List.of("hidden"), Map.of());
        for (int i = 0; i < 4; i++) {
            SqlPort.Tabular t = adapter.query(hidden,
                    "SELECT current_setting('search_path') AS sp, current_setting('default_transaction_read_only') AS ro",
                    Map.of(), 10, 5);
            org.junit.jupiter.api.Assertions.assertEquals(List.of("hidden", "on"), t.rows().get(0), "query " + i);
        }
    }

    @Test
    void aSecondStatementInATemplateIsRefusedAndChangesNothing() throws SQLException {
        int before = countProbeRows();
        OpsException e = org.junit.jupiter.api.Assertions.assertThrows(OpsException.class, () -> query(
                "SET TRANSACTION READ WRITE; DELETE FROM public.ci_probe; COMMIT; SELECT 1", Map.of()));
        org.junit.jupiter.api.Assertions.assertEquals(dev.opsuite.model.errors.ErrorCode.POLICY_DENIED, e.code());
        org.junit.jupiter.api.Assertions.assertEquals(before, countProbeRows());
    }

    @Test
    void extensionsAreDetectedPerSource() {
        org.junit.jupiter.api.Assertions.assertTrue(adapter.hasExtension(mainSource(), "plpgsql"));
        org.junit.jupiter.api.Assertions.assertFalse(adapter.hasExtension(mainSource(), "timescaledb"));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

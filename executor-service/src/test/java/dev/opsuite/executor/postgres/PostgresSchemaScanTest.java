package dev.opsuite.executor.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.executor.domain.ScannedSchema;
import dev.opsuite.executor.domain.SchemaScanner;
import dev.opsuite.executor.source.SecretResolver;
import dev.opsuite.kit.config.Env;
import dev.opsuite.model.AssetDoc;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Schema Scan against a real PostgreSQL: allowlisted schemas only, partitions folded, keys, blocked tables. */
class PostgresSchemaScanTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EmbeddedPostgres pg;
    private static PostgresSqlAdapter adapter;

    @BeforeAll
    static void start() throws IOException, SQLException {
        pg = EmbeddedPostgres.builder().start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE public.host (id bigint PRIMARY KEY, name text NOT NULL, tags text[], up boolean)");
            st.execute("CREATE TABLE public.reading (ts timestamptz NOT NULL, host_id bigint NOT NULL REFERENCES host (id),"
                    + " v numeric(6,2), PRIMARY KEY (host_id, ts)) PARTITION BY RANGE (ts)");
            st.execute("CREATE TABLE public.reading_2026 PARTITION OF reading FOR VALUES FROM ('2026-01-01')"
                    + " TO ('2027-01-01')");
            st.execute("CREATE TABLE public.secrets (id int PRIMARY KEY, value text)");
            st.execute("CREATE TABLE public.note (id int PRIMARY KEY, secret_id int REFERENCES secrets (id))");
            st.execute("CREATE VIEW public.host_names AS SELECT id, name FROM host");
            st.execute("CREATE SCHEMA ops_extra");
            st.execute("CREATE TABLE ops_extra.owner (host_id bigint REFERENCES public.host (id), who text)");
            st.execute("CREATE SCHEMA hidden");
            st.execute("CREATE TABLE hidden.private_probe (id int)");
        }
        Env env = Env.of(Map.of("OPS_SECRET_SCANTEST_PG_PORT", Integer.toString(pg.getPort())));
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

    private static AssetDoc source(String... schemas) {
        ObjectNode content = JSON.createObjectNode().put("name", "scan_pg").put("type", "postgres");
        content.putObject("connection").put("host", "127.0.0.1").put("port_ref", "SCANTEST_PG_PORT")
                .put("database", "postgres").put("user", "postgres");
        ObjectNode permissions = content.putObject("permissions").put("read_only", true);
        for (String s : schemas) {
            permissions.withArray("schema_allowlist").add(s);
        }
        return new AssetDoc("source", "scan_pg", 1, "published", content);
    }

    private static Map<String, ScannedSchema.Entity> byTable(ScannedSchema s) {
        return s.entities().stream().collect(Collectors.toMap(e -> e.schema() + "." + e.table(), e -> e));
    }

    @Test
    void tablesPartitionedParentsViewsAndKeysWithinTheAllowlist() {
        ScannedSchema s = new PostgresSchemaScan(adapter).scan(source("public"), Set.of("secrets"), 5, 100);
        Map<String, ScannedSchema.Entity> e = byTable(s);
        assertEquals(Set.of("public.host", "public.reading", "public.note", "public.host_names"), e.keySet());
        assertEquals(List.of("public.secrets"), s.excluded());
        assertEquals("partitioned_table", e.get("public.reading").kind());
        assertEquals("view", e.get("public.host_names").kind());
        ScannedSchema.Field id = e.get("public.host").fields().get(0);
        assertTrue(id.primaryKey() && !id.nullable() && id.dbType().equals("bigint"), id.toString());
        assertEquals(List.of("ts", "host_id", "v"), e.get("public.reading").fields().stream()
                .map(ScannedSchema.Field::name).toList());
        assertEquals(List.of(new ScannedSchema.ForeignKey(List.of("host_id"), "public", "host", List.of("id"))),
                e.get("public.reading").foreignKeys());
        assertEquals(List.of(), e.get("public.note").foreignKeys(), "a key into a blocked table is not proposed");
    }

    @Test
    void twoSchemasQualifyEntityNamesAndTheCatalogKeepsCrossSchemaKeys() {
        AssetDoc src = source("public", "ops_extra");
        JsonNode policy = JSON.createObjectNode().set("security", JSON.createObjectNode()
                .set("blocked_tables", JSON.createArrayNode().add("SECRETS")));
        SchemaScanner.Proposal p = new SchemaScanner(new PostgresSchemaScan(adapter), null).scan(src, dev.opsuite.model.asset.PolicyAsset.from(policy), "scan_cat");
        JsonNode catalog = JSON.valueToTree(p.catalog());
        assertEquals("scan_cat", catalog.path("name").asText());
        List<String> names = catalog.path("entities").findValuesAsText("name");
        assertTrue(names.contains("ops_extra.owner") && names.contains("public.host"), names.toString());
        assertFalse(catalog.toString().contains("private_probe"), "schemas outside the allowlist are not read");
        assertFalse(catalog.toString().contains("\"public.secrets\"") && names.contains("public.secrets"));
        assertEquals(List.of("public.secrets"), p.excluded(), "blocked_tables match case-insensitively");
        JsonNode host = null;
        for (JsonNode x : catalog.path("entities")) {
            if (x.path("name").asText().equals("public.host")) {
                host = x;
            }
        }
        assertTrue(host.path("relationships").toString().contains("\"target\":\"ops_extra.owner\""), host.toString());
        assertEquals("array", host.path("fields").get(2).path("type").asText());
        assertEquals("boolean", host.path("fields").get(3).path("type").asText());
        assertEquals("scan_pg@1", catalog.path("scan").path("source").asText());
    }

    @Test
    void theEntityCountIsBounded() {
        ScannedSchema s = new PostgresSchemaScan(adapter).scan(source("public"), Set.of(), 5, 2);
        assertEquals(2, s.entities().size());
    }
}

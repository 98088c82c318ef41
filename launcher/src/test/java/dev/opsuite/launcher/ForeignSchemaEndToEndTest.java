package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Assets alone reach a new database: a second PostgreSQL schema of another shape (hosts, nicknames,
 * samples with other table and column names) is described by Source, SchemaCatalog, Resolver,
 * Query and Mapping assets written and published through the REST API, and questions in Korean and
 * English are answered from it — no Java change. Every figure is checked against the database.
 */
class ForeignSchemaEndToEndTest {
    private static final String ADMIN = "asset_admin";
    private static final Path DIR = Path.of("..", "examples", "foreign-schema");
    private static Http http;
    private static AllInOne ops;

    @BeforeAll
    static void up() throws Exception {
        ops = OpsStack.get();
        http = new Http(ops);
        try (Connection c = db(); Statement st = c.createStatement()) {
            st.execute(Files.readString(DIR.resolve("inventory.sql")));
        }
        for (String[] a : new String[][] {{"source", "inventory_pg", "source.json"},
                {"schema", "inventory_schema", "schema.json"}, {"resolver", "inventory_resolver", "resolver.json"},
                {"query", "inventory_queries", "queries.json"}, {"mapping", "inventory_mapping", "mapping.json"}}) {
            ObjectNode body = ModelJson.MAPPER.createObjectNode();
            body.set("content", ModelJson.MAPPER.readTree(Files.readString(DIR.resolve(a[2]))));
            Http.Reply saved = http.post("/ops/assets/" + a[0] + "/" + a[1], body.toString(), ADMIN);
            assertEquals(200, saved.status(), saved.raw());
            Http.Reply published = http.post("/ops/assets/" + a[0] + "/" + a[1] + "/publish",
                    "{\"version\":" + saved.data().path("version").asInt() + "}", ADMIN);
            assertEquals(200, published.status(), published.raw());
        }
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(ops.jdbcUrl(), ops.dbUser(), ops.dbPassword());
    }

    private static Http.Reply ask(String question) throws Exception {
        ObjectNode b = ModelJson.MAPPER.createObjectNode().put("question", question);
        b.putObject("asset_overrides").put("source", "inventory_pg").put("schema", "inventory_schema")
                .put("resolver", "inventory_resolver").put("query", "inventory_queries")
                .put("mapping", "inventory_mapping");
        Http.Reply r = http.post("/ops/ci/ask", b.toString(), "operator");
        assertEquals(200, r.status(), r.raw());
        JsonNode applied = r.data().path("trace").path("applied_assets");
        assertTrue(applied.path("query").asText().startsWith("inventory_queries@"), r.raw());
        assertTrue(applied.path("schema").asText().startsWith("inventory_schema@"), r.raw());
        for (JsonNode ref : r.data().path("trace").path("references")) {
            assertEquals("inventory_pg", ref.path("source").asText(), "only the inventory is read: " + r.raw());
        }
        return r;
    }

    private static double latest(String hostId, String metric) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("SELECT val FROM inventory.host_metrics "
                + "WHERE host_id = ? AND metric = ? ORDER BY sampled_at DESC LIMIT 1")) {
            ps.setString(1, hostId);
            ps.setString(2, metric);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    @Test
    void latestSampleByNicknameAndByHostnameInBothLanguages() throws Exception {
        Http.Reply ko = ask("웹서버1의 CPU 사용률은?");
        String expected = String.format(Locale.ROOT, "%.1f", latest("H-0001", "cpu_pct"));
        assertEquals("[인벤토리] 호스트 web-01(H-0001)의 최근 CPU 사용률은 " + expected + "%입니다.",
                ko.data().path("answer").asText(), ko.raw());
        assertTrue(ko.data().path("trace").path("references").get(0).path("payload").asText()
                .contains("FROM hosts h JOIN LATERAL"), ko.raw());

        Http.Reply en = ask("what is the ram of db-02?");
        String ram = String.format(Locale.ROOT, "%.1f", latest("H-0004", "ram_pct"));
        assertEquals("[inventory] Host db-02 (H-0004): latest RAM use is " + ram + "%.",
                en.data().path("answer").asText(), en.raw());
    }

    @Test
    void anAggregateOverTheLastDay() throws Exception {
        Http.Reply r = ask("지난 24시간 주DB의 CPU 평균은?");
        JsonNode result = r.data().path("trace").path("references").get(0);
        String from = result.path("params").path("time_from").asText();
        String to = result.path("params").path("time_to").asText();
        double avg;
        long samples;
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("SELECT avg(val), count(*) FROM "
                + "inventory.host_metrics WHERE host_id = 'H-0003' AND metric = 'cpu_pct' AND sampled_at >= ?::timestamptz "
                + "AND sampled_at < ?::timestamptz")) {
            ps.setString(1, from);
            ps.setString(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                avg = rs.getDouble(1);
                samples = rs.getLong(2);
            }
        }
        assertTrue(samples > 100, "a day of 10-minute samples: " + samples);
        String answer = r.data().path("answer").asText();
        assertTrue(answer.startsWith("[인벤토리] 호스트 db-01(H-0003)의"), r.raw());
        assertTrue(answer.contains(String.format(Locale.ROOT, "%.1f%%", avg)), answer + " vs " + avg);
        assertTrue(answer.contains("샘플 " + samples + "개"), answer);
    }

    @Test
    void aListFilteredByTheForeignSchemasOwnFieldsAndLabels() throws Exception {
        Http.Reply r = ask("서울의 가동 중인 호스트 목록");
        List<String> expected = new ArrayList<>();
        try (Connection c = db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT hostname, host_id FROM inventory.hosts WHERE site = 'seoul' AND state = 'up' ORDER BY host_id")) {
            while (rs.next()) {
                expected.add(rs.getString(1) + "(" + rs.getString(2) + ")");
            }
        }
        assertEquals(3, expected.size());
        String answer = r.data().path("answer").asText();
        assertTrue(answer.startsWith("[인벤토리] 조건에 맞는 호스트는 3대입니다"), r.raw());
        expected.forEach(h -> assertTrue(answer.contains(h), answer + " lacks " + h));
        assertFalse(answer.contains("cache-01"), answer);

        Http.Reply en = ask("list the down hosts in busan");
        assertTrue(en.data().path("answer").asText().startsWith("[inventory] 1 hosts match: web-02(H-0002)"), en.raw());
    }

    @Test
    void theDefaultEstateIsUntouchedByTheNewAssets() throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
        assertTrue(r.data().path("answer").asText().contains("(SVR001)의 현재 CPU 사용량은"), r.raw());
        assertTrue(r.data().path("trace").path("applied_assets").path("query").asText().startsWith("ci_queries@"));
    }
}

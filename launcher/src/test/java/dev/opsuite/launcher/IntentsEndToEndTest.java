package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Intents beyond LOOKUP on the demo estate; every expected fact is computed from the databases
 * with the bounds the trace recorded, not typed in.
 */
class IntentsEndToEndTest {
    private static AllInOne ops;
    private static Http http;

    @BeforeAll
    static void up() throws Exception {
        ops = OpsStack.get();
        http = new Http(ops);
    }

    static Connection db() throws Exception {
        AllInOne ops = OpsStack.get();
        return DriverManager.getConnection(ops.jdbcUrl(), ops.dbUser(), ops.dbPassword());
    }

    static JsonNode ask(String q) throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask(q));
        assertEquals(200, r.status(), r.raw());
        return r.data();
    }

    static JsonNode plan(JsonNode data) {
        return data.path("trace").path("route_output").path("plan_raw");
    }

    static JsonNode mainRef(JsonNode data, String title) {
        for (JsonNode ref : data.path("trace").path("references")) {
            if (ref.path("title").asText().equals(title)) {
                return ref;
            }
        }
        throw new AssertionError("no reference '" + title + "' in " + data.path("trace").path("references"));
    }

    static JsonNode block(JsonNode data, String type) {
        for (JsonNode b : data.path("blocks")) {
            if (b.path("type").asText().equals(type)) {
                return b;
            }
        }
        throw new AssertionError("no " + type + " block in " + data.path("blocks"));
    }

    @Test
    void averageOverARelativeRangeMatchesSql() throws Exception {
        JsonNode data = ask("지난 24시간 서버A의 CPU 평균은?");
        assertEquals("INTENT_AGGREGATE", plan(data).path("intent").asText());
        JsonNode params = mainRef(data, "Metric aggregate over a time range").path("params");
        assertEquals("avg", params.path("agg").asText());
        double truth;
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("SELECT avg(value) FROM ci_metric "
                + "WHERE ci_code = 'SVR001' AND metric_name = 'cpu_usage' AND ts >= ? AND ts < ?")) {
            ps.setObject(1, OffsetDateTime.parse(params.path("time_from").asText()));
            ps.setObject(2, OffsetDateTime.parse(params.path("time_to").asText()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                truth = rs.getDouble(1);
            }
        }
        String answer = data.path("answer").asText();
        assertTrue(answer.contains(String.format(java.util.Locale.ROOT, "%.1f%%", truth)) && answer.contains("지난 24시간"),
                answer + " vs " + truth);
    }

    @Test
    void topNOverAllServersMatchesSql() throws Exception {
        JsonNode data = ask("top 3 servers by cpu usage in the last 2 hours");
        assertEquals("INTENT_AGGREGATE", plan(data).path("intent").asText());
        assertEquals(3, plan(data).path("metric").path("top_n").asInt());
        JsonNode params = mainRef(data, "Top CIs by a metric").path("params");
        List<String> truth = new ArrayList<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("SELECT m.ci_code FROM ci_metric m "
                + "JOIN ci c ON c.ci_code = m.ci_code WHERE m.metric_name = 'cpu_usage' AND c.ci_type = 'server' "
                + "AND m.ts >= ? AND m.ts < ? GROUP BY m.ci_code ORDER BY avg(m.value) DESC, m.ci_code LIMIT 3")) {
            ps.setObject(1, OffsetDateTime.parse(params.path("time_from").asText()));
            ps.setObject(2, OffsetDateTime.parse(params.path("time_to").asText()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    truth.add(rs.getString(1));
                }
            }
        }
        List<String> got = new ArrayList<>();
        block(data, "table").path("data").path("rows").forEach(r -> got.add(r.get(0).asText()));
        assertEquals(truth, got);
    }

    @Test
    void listWithFiltersInKoreanMatchesSql() throws Exception {
        JsonNode data = ask("서울 센터의 실행 중인 서버 목록");
        assertEquals("INTENT_LIST", plan(data).path("intent").asText());
        int truth;
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM ci "
                + "WHERE ci_type = 'server' AND status = 'running' AND location = 'dc1-seoul'")) {
            rs.next();
            truth = rs.getInt(1);
        }
        assertTrue(truth > 0);
        assertTrue(data.path("answer").asText().startsWith("조건에 맞는 CI는 " + truth + "개입니다"), data.path("answer").asText());
    }

    @Test
    void eventsOfACiYesterdayMatchSql() throws Exception {
        JsonNode data = ask("why did the build of payment-api fail?");
        JsonNode p = plan(data);
        assertEquals("INTENT_LIST", p.path("intent").asText());
        assertTrue(p.path("history").path("event_types").toString().contains("build"));
        JsonNode params = mainRef(data, "Events").path("params");
        assertFalse(params.path("ci_code").asText().isEmpty(), "payment-api resolved: " + params);
        int truth;
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM ci_event WHERE "
                + "ci_code = ? AND event_type = 'build' AND severity IN ('critical','major') AND ts >= ? AND ts < ?")) {
            ps.setString(1, params.path("ci_code").asText());
            ps.setObject(2, OffsetDateTime.parse(params.path("event_from").asText()));
            ps.setObject(3, OffsetDateTime.parse(params.path("event_to").asText()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                truth = rs.getInt(1);
            }
        }
        JsonNode table = data.path("blocks");
        int rows = truth == 0 ? 0 : block(data, "table").path("data").path("rows").size();
        assertEquals(truth, rows, data.path("answer").asText());
    }

    @Test
    void impactIsTheTransitiveDependentsInTheGraph() throws Exception {
        JsonNode data = ask("what is impacted if payment-db fails?");
        JsonNode p = plan(data);
        assertEquals("INTENT_EXPAND", p.path("intent").asText());
        assertEquals("VIEW_IMPACT", p.path("view").asText());
        JsonNode params = mainRef(data, "What depends on the CI, transitively (impact)").path("params");
        Set<String> truth = dependents(params.path("ci_code").asText(), params.path("depth").asInt());
        Set<String> got = new HashSet<>();
        block(data, "table").path("data").path("rows").forEach(r -> got.add(r.get(0).asText()));
        assertEquals(truth, got);
        JsonNode network = block(data, "network").path("data");
        assertEquals(truth.size() + 1, network.path("nodes").size());
        assertTrue(data.path("answer").asText().contains(truth.size() + " CIs are impacted"), data.path("answer").asText());
    }

    @Test
    void trendGivesAChartWithHourlyBuckets() throws Exception {
        JsonNode data = ask("서버A CPU 사용량 추이 지난 6시간");
        JsonNode chart = block(data, "chart");
        int points = chart.path("data").path("series").get(0).path("points").size();
        assertTrue(points >= 6 && points <= 7, "hourly buckets over 6 hours: " + points);
        assertEquals("%", chart.path("data").path("series").get(0).path("unit").asText());
    }

    /** Breadth-first over ci_relation: DEPENDS_ON/RUNS_ON/CONNECTS_TO source depends on target; HOSTS the reverse. */
    static Set<String> dependents(String root, int depth) throws Exception {
        Map<String, List<String>> dependentsOf = new HashMap<>();
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT source_ci_code, relation_type, target_ci_code FROM ci_relation")) {
            while (rs.next()) {
                boolean hosts = rs.getString(2).equals("HOSTS");
                String dependency = hosts ? rs.getString(1) : rs.getString(3);
                String dependent = hosts ? rs.getString(3) : rs.getString(1);
                dependentsOf.computeIfAbsent(dependency, k -> new ArrayList<>()).add(dependent);
            }
        }
        Set<String> seen = new HashSet<>();
        List<String> frontier = List.of(root);
        for (int d = 0; d < depth; d++) {
            List<String> next = new ArrayList<>();
            for (String n : frontier) {
                for (String m : dependentsOf.getOrDefault(n, List.of())) {
                    if (!m.equals(root) && seen.add(m)) {
                        next.add(m);
                    }
                }
            }
            frontier = next;
        }
        return seen;
    }
}

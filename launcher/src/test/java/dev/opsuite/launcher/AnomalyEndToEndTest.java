package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "When did X's CPU go abnormal?": the windows where a measure left its normal (#20). A spike is
 * planted into a demo server's CPU (three samples, six hours ago) and must come back as a window
 * starting at its first sample, in Korean and English, with the analysis named in the trace; a
 * series with no window is said to be normal, not "no data". The planted samples are put back.
 */
class AnomalyEndToEndTest {
    private static final String CI = "SVR003";
    private static AllInOne ops;
    private static Http http;
    private static final List<Object[]> saved = new ArrayList<>();
    private static OffsetDateTime plantedAt;

    @BeforeAll
    static void plant() throws Exception {
        ops = OpsStack.get();
        http = new Http(ops);
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("SELECT ts, value FROM ci_metric WHERE "
                + "ci_code = ? AND metric_name = 'cpu_usage' AND ts <= now() - interval '6 hours' ORDER BY ts DESC LIMIT 3")) {
            ps.setString(1, CI);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    saved.add(new Object[] {rs.getObject(1, OffsetDateTime.class), rs.getDouble(2)});
                }
            }
        }
        assertEquals(3, saved.size(), "the demo has CPU samples of " + CI);
        plantedAt = (OffsetDateTime) saved.get(2)[0];
        set(99.5);
    }

    @AfterAll
    static void restore() throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "UPDATE ci_metric SET value = ? WHERE ci_code = ? AND metric_name = 'cpu_usage' AND ts = ?")) {
            for (Object[] s : saved) {
                ps.setDouble(1, (Double) s[1]);
                ps.setString(2, CI);
                ps.setObject(3, s[0]);
                ps.executeUpdate();
            }
        }
    }

    private static void set(double value) throws Exception {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "UPDATE ci_metric SET value = ? WHERE ci_code = ? AND metric_name = 'cpu_usage' AND ts = ?")) {
            for (Object[] s : saved) {
                ps.setDouble(1, value);
                ps.setString(2, CI);
                ps.setObject(3, s[0]);
                assertEquals(1, ps.executeUpdate());
            }
        }
    }

    private static Connection db() throws Exception {
        return DriverManager.getConnection(ops.jdbcUrl(), ops.dbUser(), ops.dbPassword());
    }

    @Test
    void thePlantedSpikeIsAWindowInBothLanguages() throws Exception {
        for (String q : List.of("When did " + CI + "'s CPU go abnormal in the last 12 hours?",
                "지난 12시간 동안 " + CI + " CPU 이상 구간 알려줘")) {
            Http.Reply r = http.post("/ops/ci/ask", Http.ask(q));
            assertEquals(200, r.status(), r.raw());
            JsonNode data = r.data();
            JsonNode plan = data.path("trace").path("plan");
            JsonNode table = block(data, "table");
            assertTrue(table != null, q + ": a table of windows\n" + r.raw());
            boolean found = false;
            assertEquals("start", table.path("data").path("columns").get(0).asText(), table.toString());
            for (JsonNode row : table.path("data").path("rows")) {
                String start = row.get(0).asText();
                if (OffsetDateTime.parse(start).isEqual(plantedAt.withOffsetSameInstant(ZoneOffset.UTC))) {
                    found = true;
                    assertEquals(99.5, row.get(4).asDouble(), 1e-9, row.toString());
                }
            }
            assertTrue(found, q + ": a window starting at " + plantedAt + "\n" + table);
            String text = data.path("answer").asText();
            assertTrue(text.contains(CI), text);
            assertTrue(r.raw().contains("metric_anomalies"), "the template is named in the trace");
        }
    }

    @Test
    void aQuietRangeIsSaidToBeNormalNotEmpty() throws Exception {
        // the hour before the planted spike: judged, nothing unusual
        Http.Reply r = http.post("/ops/ci/ask", Http.ask("Any CPU anomalies on " + CI + " in the last 30 minutes?"));
        assertEquals(200, r.status(), r.raw());
        String text = r.data().path("answer").asText();
        assertTrue(text.contains("Nothing unusual") || text.contains("window"), text + "\n"
                + r.raw().substring(0, Math.min(8000, r.raw().length())));
        assertTrue(!r.raw().contains("\"empty_result\""), "no empty-result trigger for a judged range: " + r.raw());
    }

    @Test
    void anythingAbnormalIsAHealthCheckOfEveryMeasureAndTheEvents() throws Exception {
        for (String q : List.of("Is anything abnormal on " + CI + " in the last 12 hours?",
                CI + " 최근 12시간 상태가 좀 이상한데 한번 살펴봐줄래?")) {
            Http.Reply r = http.post("/ops/ci/ask", Http.ask(q));
            assertEquals(200, r.status(), r.raw());
            JsonNode windows = null;
            for (JsonNode b : r.data().path("blocks")) {
                if ("ci_health_anomalies".equals(b.path("data").path("query").asText())) {
                    windows = b.path("data");
                }
            }
            assertTrue(windows != null, q + ": the windows of every measure\n" + r.raw());
            assertEquals("metric_name", windows.path("columns").get(0).asText(), windows.toString());
            boolean cpu = false;
            for (JsonNode row : windows.path("rows")) {
                cpu |= "cpu_usage".equals(row.get(0).asText())
                        && OffsetDateTime.parse(row.get(1).asText()).isEqual(plantedAt.withOffsetSameInstant(ZoneOffset.UTC));
            }
            assertTrue(cpu, q + ": the planted CPU window among them\n" + windows);
            assertTrue(r.raw().contains("events_list"), q + ": its events were read too");
        }
    }

    @Test
    void thePolicysDetectorSettingsDecideAndAreTriedAsADraftAlone() throws Exception {
        Http.Reply asked = http.post("/ops/ci/ask", Http.ask("When did " + CI + "'s CPU go abnormal in the last 12 hours?"));
        assertEquals(200, asked.status(), asked.raw());
        String baseline = asked.data().path("meta").path("trace_id").asText();
        ObjectNode content = (ObjectNode) http.get("/ops/assets/policy/ci_policy").data().path("content").deepCopy();
        content.putObject("anomaly").put("threshold", 100).put("cusum_alarm", 10000);
        ObjectNode save = ModelJson.MAPPER.createObjectNode();
        save.set("content", content);
        Http.Reply saved = http.post("/ops/assets/policy/ci_policy", save.toString(), "asset_admin");
        assertEquals(200, saved.status(), saved.raw());
        int draft = saved.data().path("version").asInt();

        ObjectNode req = ModelJson.MAPPER.createObjectNode().put("stage", "execute").put("baseline_trace_id", baseline);
        req.putObject("asset_overrides").put("policy", "ci_policy@" + draft);
        Http.Reply tried = http.post("/ops/stage-test", req.toString(), "operator");
        assertEquals(200, tried.status(), tried.raw());
        JsonNode diff = tried.data().path("diff");
        assertTrue(diff.path("baseline_counts").path("rows").asInt() >= 1, diff.toString());
        // the windows' table (the chart's samples beside it stay: only their band widens)
        JsonNode windows = null;
        for (JsonNode t : tried.data().path("result").path("tool_results")) {
            if ("metric_anomalies".equals(t.path("query_name").asText())) {
                windows = t;
            }
        }
        assertTrue(windows != null, tried.raw());
        assertEquals(0, windows.path("rows").size(), "a threshold of 100 finds no window: " + diff);
        assertTrue(diff.toString().contains("\"path\":\"$.tool_results[0].rows\",\"op\":\"removed\""), diff.toString());
        String used = tried.data().path("result").path("tool_results").get(0).path("meta").path("detector_settings").asText();
        assertEquals("{cusum_alarm=10000.0, threshold=100.0}", used, "the settings used are recorded with the call");

        content.putObject("anomaly").put("treshold", 3);
        save.set("content", content);
        BadInputTest.assertEnvelope(http.post("/ops/assets/policy/ci_policy", save.toString(), "asset_admin"), 400,
                "no detector setting");
    }

    private static JsonNode block(JsonNode data, String type) {
        for (JsonNode b : data.path("blocks")) {
            if (type.equals(b.path("type").asText())) {
                return b;
            }
        }
        return null;
    }
}

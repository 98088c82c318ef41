package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "which CI had the most alerts in the last 30 days", "지난 30일 동안 알람이 가장 많은 서버 3개": with no CI named, the most
 * events rank the CIs by their number over the range — not a listing of the events with the superlative unread. The
 * ranking is checked against the raw events of the plan's own range, kinds and type. The fewest rank the other way,
 * from every CI of the type — one with no such event counts 0 and comes first.
 */
class EventsRankEndToEndTest {
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        http = new Http(OpsStack.get());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "which CI had the most alerts in the last 30 days||5",
        "top 3 CIs by number of events in the last 30 days||3",
        "지난 30일 동안 알람이 가장 많은 서버 3개|server|3"})
    void theCisRankedByTheirNumberOfEvents(String question, String type, int n) throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask(question));
        assertEquals(200, r.status(), r.raw());
        JsonNode data = r.data();
        String answer = UnderstandingCheck.text(data);
        JsonNode p = AnswersGoldenTest.ref(data, "CIs ranked by their number of events");
        List<String[]> expected = ranked(p, type, n);
        assertFalse(expected.isEmpty(), "the demo has no such events in the range: nothing is tested");
        List<String> codes = AnswersGoldenTest.column(data, 0);
        List<String> counts = AnswersGoldenTest.column(data, 3);
        assertEquals(expected.stream().map(e -> e[0]).toList(), codes, answer);
        assertEquals(expected.stream().map(e -> Long.parseLong(e[1])).toList(),
                counts.stream().map(v -> (long) Double.parseDouble(v)).toList(), answer);
        assertFalse(answer.contains("sample") || answer.contains("수집"), "an event count has no sample age: " + answer);
        assertTrue(answer.contains(expected.get(0)[0]), answer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "which server had the fewest alerts in the last 30 days|server|5",
        "지난 30일 동안 알람이 가장 적었던 DB 3개|database|3"})
    void theFewestRankEveryCiOfTheTypeTheOtherWay(String question, String type, int n) throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask(question));
        assertEquals(200, r.status(), r.raw());
        JsonNode data = r.data();
        String answer = UnderstandingCheck.text(data);
        JsonNode p = AnswersGoldenTest.ref(data, "CIs ranked by their number of events");
        List<String[]> expected = fewest(p, type, n);
        assertEquals(n, expected.size(), "the demo has fewer CIs of the type: nothing is tested");
        assertEquals(expected.stream().map(e -> e[0]).toList(), AnswersGoldenTest.column(data, 0), answer);
        assertEquals(expected.stream().map(e -> Long.parseLong(e[1])).toList(), AnswersGoldenTest.column(data, 3).stream()
                .map(v -> (long) Double.parseDouble(v)).toList(), answer);
    }

    /** Every CI of the type with its number of raw events of the plan's range and kinds (0 for none), fewest first. */
    private static List<String[]> fewest(JsonNode p, String type, int n) throws Exception {
        try (Connection c = AnswersGoldenTest.db(); PreparedStatement ps = c.prepareStatement("SELECT ci.ci_code, "
                + "(SELECT count(*) FROM ci_event e WHERE e.ci_code = ci.ci_code AND e.ts >= ? AND e.ts < ? "
                + "AND (cardinality(?) = 0 OR e.event_type = ANY(?)) AND (cardinality(?) = 0 OR e.severity = ANY(?))) AS n, "
                + "(SELECT max(e.ts) FROM ci_event e WHERE e.ci_code = ci.ci_code AND e.ts >= ? AND e.ts < ? "
                + "AND (cardinality(?) = 0 OR e.event_type = ANY(?)) AND (cardinality(?) = 0 OR e.severity = ANY(?))) AS last "
                + "FROM ci WHERE ci.ci_type = ? ORDER BY n, last DESC NULLS LAST, ci.ci_code LIMIT ?")) {
            java.sql.Array types = c.createArrayOf("text", strings(p.path("event_types")).toArray());
            java.sql.Array severities = c.createArrayOf("text", strings(p.path("severities")).toArray());
            for (int at : new int[] {1, 7}) {
                ps.setObject(at, OffsetDateTime.parse(p.path("event_from").asText()));
                ps.setObject(at + 1, OffsetDateTime.parse(p.path("event_to").asText()));
                ps.setArray(at + 2, types);
                ps.setArray(at + 3, types);
                ps.setArray(at + 4, severities);
                ps.setArray(at + 5, severities);
            }
            ps.setString(13, type);
            ps.setInt(14, n);
            List<String[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), Long.toString(rs.getLong(2))});
                }
            }
            return out;
        }
    }

    /** The CIs with the most raw events of the plan's range and kinds (of the type, when given), in order. */
    private static List<String[]> ranked(JsonNode p, String type, int n) throws Exception {
        try (Connection c = AnswersGoldenTest.db(); PreparedStatement ps = c.prepareStatement("SELECT e.ci_code, count(*) "
                + "FROM ci_event e JOIN ci ci ON ci.ci_code = e.ci_code WHERE e.ts >= ? AND e.ts < ? "
                + "AND (cardinality(?) = 0 OR e.event_type = ANY(?)) AND (cardinality(?) = 0 OR e.severity = ANY(?)) "
                + "AND (? IS NULL OR ci.ci_type = ?) GROUP BY e.ci_code ORDER BY count(*) DESC, max(e.ts) DESC, e.ci_code LIMIT ?")) {
            ps.setObject(1, OffsetDateTime.parse(p.path("event_from").asText()));
            ps.setObject(2, OffsetDateTime.parse(p.path("event_to").asText()));
            java.sql.Array types = c.createArrayOf("text", strings(p.path("event_types")).toArray());
            java.sql.Array severities = c.createArrayOf("text", strings(p.path("severities")).toArray());
            ps.setArray(3, types);
            ps.setArray(4, types);
            ps.setArray(5, severities);
            ps.setArray(6, severities);
            ps.setString(7, type);
            ps.setString(8, type);
            ps.setInt(9, n);
            List<String[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), Long.toString(rs.getLong(2))});
                }
            }
            return out;
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }
}

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
 * "how long was SVR001 over 30% cpu …" is answered with the samples over the threshold and the time they cover, in both
 * languages (it was answered with SVR001's response time): the minutes said are checked against the raw samples of the
 * plan's range read here, each sample counted until the next one inside the range; a threshold no sample reaches adds
 * no time.
 */
class DurationOverThresholdEndToEndTest {
    private static final String SAMPLES = "SELECT ts, value FROM ci_metric WHERE ci_code = ? AND metric_name = ? "
            + "AND ts >= ? AND ts < ? ORDER BY ts";
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        http = new Http(OpsStack.get());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "how long was SVR001 over 30% cpu in the last 24 hours|30|for about ",
        "SVR001 cpu 지난 24시간 동안 30% 넘은 시간이 얼마나 돼?|30|시간은 약 ",
        "how long was SVR001 cpu above 100 in the last 24 hours|100|for about "})
    void theMinutesOverTheThresholdAreTheSamplesTime(String question, double threshold, String said) throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask(question));
        assertEquals(200, r.status(), r.raw());
        JsonNode data = r.data();
        String answer = UnderstandingCheck.text(data);
        JsonNode p = AnswersGoldenTest.ref(data, "How many samples of each CI were over (under, between) a threshold over a range");
        assertEquals("cpu_usage", p.path("metric_name").asText(), answer);
        long seconds = 0;
        try (Connection c = AnswersGoldenTest.db(); PreparedStatement ps = c.prepareStatement(SAMPLES)) {
            ps.setString(1, "SVR001");
            ps.setString(2, "cpu_usage");
            ps.setObject(3, OffsetDateTime.parse(p.path("time_from").asText()));
            ps.setObject(4, OffsetDateTime.parse(p.path("time_to").asText()));
            List<OffsetDateTime> ts = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ts.add(rs.getObject(1, OffsetDateTime.class));
                    values.add(rs.getDouble(2));
                }
            }
            for (int i = 0; i + 1 < ts.size(); i++) {
                if (values.get(i) > threshold) {
                    seconds += java.time.Duration.between(ts.get(i), ts.get(i + 1)).getSeconds();
                }
            }
            boolean anyOver = values.stream().anyMatch(v -> v > threshold);
            if (anyOver) {
                assertTrue(answer.contains(said + " " + Math.round(seconds / 60.0) + (said.startsWith("for") ? " minutes" : "분")),
                        seconds / 60.0 + " minutes; " + answer);
            } else {
                assertFalse(answer.contains(said), answer);
            }
        }
        assertFalse(answer.contains("latency") || answer.contains("응답"), answer);
    }
}

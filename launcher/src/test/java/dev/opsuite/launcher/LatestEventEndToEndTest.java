package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * "when was X last deployed", "X 최근 배포 언제였어?": the one latest deploy of X, however long ago — checked against the
 * raw events of the demo's CI whose latest deploy is the oldest, so that a listing of the default 7 days would miss it
 * whenever the demo has such a CI.
 */
class LatestEventEndToEndTest {
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        http = new Http(OpsStack.get());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"when was %s last deployed?", "%s 최근 배포 언제였어?"})
    void theLatestDeployOfACiHoweverLongAgo(String wording) throws Exception {
        String code;
        OffsetDateTime latest;
        try (Connection c = AnswersGoldenTest.db(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ci_code, max(ts) FROM ci_event WHERE event_type = 'deploy' "
                     + "GROUP BY ci_code ORDER BY max(ts), ci_code LIMIT 1")) {
            assertTrue(rs.next(), "the demo has no deploys: nothing is tested");
            code = rs.getString(1);
            latest = rs.getObject(2, OffsetDateTime.class);
        }
        Http.Reply r = http.post("/ops/ci/ask", Http.ask(String.format(wording, code)));
        assertEquals(200, r.status(), r.raw());
        JsonNode data = r.data();
        String answer = UnderstandingCheck.text(data);
        List<String> times = AnswersGoldenTest.column(data, 0);
        assertEquals(1, times.size(), answer);
        assertEquals(latest.toInstant(), OffsetDateTime.parse(times.get(0)).toInstant(), answer);
        assertEquals(List.of(code), AnswersGoldenTest.column(data, 1), answer);
        StringBuilder reading = new StringBuilder();
        data.path("blocks").forEach(b -> reading.append(b.path("content").asText()).append('\n'));
        assertTrue(reading.toString().contains("latest deploy event") || reading.toString().contains("가장 최근 deploy"),
                reading.toString());
    }
}

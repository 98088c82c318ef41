package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "which servers failed in the last 7 days", "지난 7일 동안 장애난 서버 뭐야": the events of the servers over that time (they
 * were the servers' status now with the time unread, or every CI's events with the type said not applied). Every event
 * listed is a server's (of the event types the words ask for), and the range holds events of other types too — so the
 * type is what filtered them.
 */
class FailuresOfATypeEndToEndTest {
    private static Http http;

    @BeforeAll
    static void start() throws Exception {
        http = new Http(OpsStack.get());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "which servers failed in the last 7 days|server",
        "지난 7일 동안 장애난 서버 뭐야|server",
        "which databases went down in the last 7 days|database"})
    void theEventsOfThatTypeThen(String question, String type) throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask(question));
        assertEquals(200, r.status(), r.raw());
        JsonNode data = r.data();
        String answer = UnderstandingCheck.text(data);
        JsonNode p = AnswersGoldenTest.ref(data, "Events");
        assertFalse(answer.contains("Not applied") || answer.contains("적용하지 못한"), answer);
        List<String> codes = AnswersGoldenTest.column(data, 1);
        for (String code : codes) {
            assertEquals(type, AnswersGoldenTest.typeOf(code), code + " in " + answer);
        }
        try (Connection c = AnswersGoldenTest.db(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FILTER "
                + "(WHERE c.ci_type = ?), count(*) FILTER (WHERE c.ci_type <> ?) FROM ci_event e JOIN ci c ON c.ci_code = "
                + "e.ci_code WHERE e.ts >= ? AND e.ts < ? AND (cardinality(?) = 0 OR e.event_type = ANY(?))")) {
            ps.setString(1, type);
            ps.setString(2, type);
            ps.setObject(3, OffsetDateTime.parse(p.path("event_from").asText()));
            ps.setObject(4, OffsetDateTime.parse(p.path("event_to").asText()));
            List<String> kinds = new java.util.ArrayList<>(); // the event types the failure word asks for, if any
            p.path("event_types").forEach(k -> kinds.add(k.asText()));
            java.sql.Array types = c.createArrayOf("text", kinds.toArray());
            ps.setArray(5, types);
            ps.setArray(6, types);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(Math.min(rs.getLong(1), p.path("event_limit").asLong()), codes.size(), answer);
                assertTrue(rs.getLong(2) > 0, "no other type's events in the range: the filter is not tested");
            }
        }
    }
}

package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The metric rollups on the ask path: a long enough range of a mergeable aggregation runs the Query
 * asset's {@code rollup} variant and the trace says so; a percentile or a short range runs the
 * template's own statement. (That the answers equal the raw computation: AnswersGoldenTest and RollupVariantsTest.)
 */
class RollupAskEndToEndTest {
    private static Http http;

    @BeforeAll
    static void up() throws Exception {
        http = new Http(OpsStack.get());
    }

    private static JsonNode ask(String question) throws Exception {
        Http.Reply r = http.post("/ops/ci/ask", Http.ask(question));
        assertEquals(200, r.status(), r.raw());
        return r.data();
    }

    private static JsonNode metricReference(JsonNode data) {
        for (JsonNode ref : data.path("trace").path("references")) {
            if (ref.path("kind").asText().equals("sql") && ref.path("payload").asText().contains("ci_metric")) {
                return ref;
            }
        }
        throw new AssertionError("no metric reference: " + data.path("answer").asText());
    }

    private static JsonNode metricCall(JsonNode data) {
        for (JsonNode call : data.path("trace").path("tool_calls")) {
            if (call.toString().contains("\"query\":\"metric_")) {
                return call;
            }
        }
        throw new AssertionError("no metric tool call: " + data.path("trace").path("tool_calls"));
    }

    @Test
    void aTopTenOverADayReadsTheRollupsAndTheTraceNamesTheVariant() throws Exception {
        JsonNode data = ask("top 10 servers by cpu usage in the last 24 hours");
        JsonNode ref = metricReference(data);
        assertEquals("rollup", ref.path("params").path("variant").asText(), ref.toString());
        assertTrue(ref.path("payload").asText().contains("ci_metric_hourly"), "the statement that ran is recorded");
        assertTrue(metricCall(data).toString().contains("\"variant\":\"rollup\""), metricCall(data).toString());
    }

    @Test
    void oneCiReadsTheRollupsOnlyOverWeeks() throws Exception {
        JsonNode month = metricReference(ask("average cpu usage of server-a over the last 30 days"));
        assertEquals("rollup", month.path("params").path("variant").asText(), month.toString());
        JsonNode day = metricReference(ask("지난 24시간 서버A의 CPU 평균은?"));
        assertFalse(day.path("params").has("variant"), "144 raw rows cost less than the merge: " + day);
    }

    @Test
    void percentilesAndShortRangesKeepReadingRawRows() throws Exception {
        JsonNode p95 = metricReference(ask("top 5 servers by p95 cpu usage in the last 24 hours"));
        assertEquals("p95", p95.path("params").path("agg").asText(), p95.toString());
        assertFalse(p95.path("params").has("variant"), p95.toString());
        assertFalse(p95.path("payload").asText().contains("ci_metric_hourly"));
        JsonNode hour = metricReference(ask("top 5 servers by cpu usage in the last 1 hour"));
        assertFalse(hour.path("params").has("variant"), hour.toString());
    }
}

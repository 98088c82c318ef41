package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every group of Plan fields an operator may patch on a rerun, end to end: the patch is merged into
 * the base plan, re-derived by the planner (trigger plan_patched), validated and run; the query that
 * ran and its bound parameters show the patch was honoured.
 */
class RerunPatchEndToEndTest {
    private static Http http;

    @BeforeAll
    static void up() throws Exception {
        http = new Http(OpsStack.get());
    }

    @ParameterizedTest(name = "{0} + {1}")
    @CsvSource(delimiter = '|', value = {
        // base question | patch | query title that must run | parameter=value checks (';'-separated)
        "서버A의 CPU 사용량은? | {\"metric\":{\"metric_name\":\"mem_usage\"}} | Latest metric value | metric_name=mem_usage",
        "서버A의 CPU 사용량은? | {\"metric\":{\"time_range\":\"last_24h\",\"agg\":\"avg\"}} | Metric aggregate over a time range | agg=avg;hours=24",
        "서버A의 CPU 사용량은? | {\"metric\":{\"time_range\":\"day:2026-11-20\",\"agg\":\"max\"}} | Metric aggregate over a time range | agg=max;time_from=2026-11-20T00:00+09:00",
        "서버A의 CPU 사용량은? | {\"metric\":{\"time_range\":\"last_6h\",\"bucket\":\"1 hour\"}} | Metric time series | bucket=1 hour;hours=6",
        "지난 24시간 서버A의 CPU 평균 | {\"metric\":{\"agg\":\"p95\"}} | Metric aggregate over a time range | agg=p95;hours=24",
        "지난 24시간 서버A의 CPU 평균 | {\"metric\":{\"time_range\":\"last_7d\"}} | Metric aggregate over a time range | agg=avg;hours=168",
        "top 3 servers by cpu usage in the last 2 hours | {\"metric\":{\"top_n\":5}} | Top CIs by a metric | top_n=5",
        "top 3 servers by cpu usage in the last 2 hours | {\"metric\":{\"order\":\"asc\"}} | Top CIs by a metric | order=asc",
        "서울 센터의 실행 중인 서버 목록 | {\"primary\":{\"filters\":[{\"field\":\"ci_type\",\"op\":\"eq\",\"values\":[\"vm\"]}]}} | CIs by filter | ci_type_list=[\"vm\"]",
        "what is impacted if db-01 fails? | {\"graph\":{\"depth\":1}} | What depends on the CI, transitively (impact) | depth=1",
        "what is impacted if db-01 fails? | {\"view\":\"VIEW_DEPENDENCY\",\"graph\":{\"direction\":\"out\"}} | What the CI depends on, transitively | depth=6",
        "어제 payment-api 장애 이벤트 | {\"history\":{\"time_range\":\"last_7d\"}} | Events | hours=168",
        "어제 payment-api 장애 이벤트 | {\"history\":{\"event_types\":[\"deploy\"]}} | Events | event_types=[\"deploy\"]",
    })
    void aPatchedFieldIsWhatRuns(String question, String patch, String title, String checks) throws Exception {
        Http.Reply first = http.post("/ops/ci/ask", Http.ask(question));
        assertEquals(200, first.status(), first.raw());
        JsonNode data = first.data();
        ObjectNode body = ModelJson.MAPPER.createObjectNode().put("question", question);
        ObjectNode rerun = body.putObject("rerun");
        rerun.set("base_plan", data.path("trace").path("route_output").path("plan_raw"));
        rerun.set("patch", ModelJson.MAPPER.readTree(patch));
        rerun.put("parent_trace_id", data.path("meta").path("trace_id").asText());
        Http.Reply r = http.post("/ops/ci/ask", body.toString());
        assertEquals(200, r.status(), r.raw());
        JsonNode p = firstRef(r.data(), title); // the patched plan's run (an empty result may widen after it)
        for (String check : checks.split(";")) {
            String[] kv = check.split("=", 2);
            if (kv[0].equals("hours")) {
                String from = p.has("time_from") ? p.path("time_from").asText() : p.path("event_from").asText();
                String to = p.has("time_to") ? p.path("time_to").asText() : p.path("event_to").asText();
                assertEquals(Long.parseLong(kv[1]) * 3600, Duration.between(OffsetDateTime.parse(from),
                        OffsetDateTime.parse(to)).getSeconds(), p.toString());
            } else if (kv[0].equals("time_from")) {
                assertTrue(OffsetDateTime.parse(kv[1]).isEqual(OffsetDateTime.parse(p.path("time_from").asText())),
                        p.toString());
            } else {
                JsonNode v = p.path(kv[0]);
                String got = v.isContainerNode() ? v.toString() : v.isNumber() ? String.valueOf(v.asLong()) : v.asText();
                assertEquals(kv[1], got, kv[0] + " in " + p);
            }
        }
        assertTrue(r.data().path("trace").path("replan_events").toString().contains("plan_patched"),
                r.data().path("trace").path("replan_events").toString());
        String answer = r.data().path("answer").asText();
        assertTrue(!answer.contains("{") && !answer.contains("정책에 의해"), answer);
    }

    private static JsonNode firstRef(JsonNode data, String title) {
        for (JsonNode ref : data.path("trace").path("references")) {
            if (ref.path("title").asText().equals(title)) {
                return ref.path("params");
            }
        }
        throw new AssertionError("no reference '" + title + "': " + data.path("answer").asText());
    }
}

package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two CIs answer to one name: the answer offers both as select_ci actions, and a rerun picks one. */
class AmbiguityEndToEndTest {

    @Test
    void ambiguousNameOffersCandidatesAndTheSelectionAnswers(@TempDir Path dir) throws Exception {
        AllInOne ops = OpsStack.get();
        Files.writeString(dir.resolve("cis.csv"), """
                ci_code,ci_name,ci_type,status,environment,location,owner,aliases
                TWN001,twin-a,server,running,prod,dc1-seoul,team-t,twin-host|쌍둥이서버
                TWN002,twin-b,server,running,prod,dc2-busan,team-t,twin-host|쌍둥이서버
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("metrics.csv"), "ts,ci_code,metric_name,value\n"
                + "2026-11-20T10:00:00+09:00,TWN001,cpu_usage,11.5\n2026-11-20T10:00:00+09:00,TWN002,cpu_usage,22.5\n",
                StandardCharsets.UTF_8);
        new ImportClient("127.0.0.1", ops.httpPort(), TestKeys.optional(ops, "estate_admin")).importDirectory(dir).forEach(r -> assertTrue(r.ok(), r.body().toString()));
        Http http = new Http(ops);

        Http.Reply r = http.post("/ops/ci/ask", Http.ask("쌍둥이서버의 CPU 사용량은?"));
        assertEquals(200, r.status(), r.raw());
        JsonNode data = r.data();
        assertTrue(data.path("answer").asText().contains("여러 개"), data.path("answer").asText());
        String reading = "";
        for (JsonNode b : data.path("blocks")) {
            reading = b.path("title").asText().equals("reading") ? b.path("content").asText() : reading;
        }
        // the reading names the CI by the question's own words while it is not chosen yet
        assertEquals("해석: '쌍둥이서버'의 현재 CPU 사용량", reading, data.path("blocks").toString());
        List<String> offered = new ArrayList<>();
        for (JsonNode a : data.path("next_actions")) {
            if (a.path("action_id").asText().equals("select_ci")) {
                offered.add(a.path("inputs").path("selected_ci_id").asText());
            }
        }
        assertEquals(List.of("TWN001", "TWN002"), offered.stream().sorted().toList());
        assertTrue(data.path("trace").path("replan_events").toString().contains("slot_missing"));
        assertEquals(0, data.path("trace").path("tool_calls").findValues("query").stream()
                .filter(q -> q.asText().equals("metric_latest")).count(), "no guessing: the metric was not queried");

        ObjectNode body = ModelJson.MAPPER.createObjectNode();
        body.put("question", "쌍둥이서버의 CPU 사용량은?");
        ObjectNode rerun = body.putObject("rerun");
        rerun.set("base_plan", data.path("trace").path("route_output").path("plan_raw"));
        rerun.put("selected_ci_id", "TWN002");
        rerun.put("parent_trace_id", data.path("meta").path("trace_id").asText());
        Http.Reply chosen = http.post("/ops/ci/ask", body.toString());
        // its sample (2026-11-20) is older than stale_after_minutes: the latest value, said with its time
        String answer = chosen.data().path("answer").asText();
        assertTrue(answer.startsWith("twin-b(TWN002)의 마지막 CPU 사용량은 22.5%입니다. 2026-11-20 10:00에 수집된 값으로"),
                chosen.raw());
    }
}

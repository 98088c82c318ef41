package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.util.JsonFormat;
import dev.opsuite.kit.json.JsonDiff;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.ExecutorServiceGrpc;
import dev.opsuite.proto.v1.PlannerServiceGrpc;
import dev.opsuite.proto.v1.RoutePlanRequest;
import dev.opsuite.proto.v1.RoutePlanResponse;
import io.grpc.ManagedChannel;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Isolated Stage Test against stored traces: every stage replayed from a baseline is identical to it;
 * a test_plan or a draft asset shows up as a structured diff; a stage's recorded request sent
 * straight to its service over gRPC reproduces the recorded output.
 */
class StageTestEndToEndTest {
    private static final String QUESTION = "서버A의 CPU 사용량은?";
    private static Http http;
    private static String baseline;

    @BeforeAll
    static void up() throws Exception {
        http = new Http(OpsStack.get()).as("operator");
        Http.Reply ask = http.post("/ops/ci/ask", Http.ask(QUESTION));
        assertEquals(200, ask.status(), ask.raw());
        baseline = ask.data().path("meta").path("trace_id").asText();
    }

    private static Http.Reply stageTest(ObjectNode body) throws Exception {
        return http.post("/ops/stage-test", body.toString());
    }

    private static ObjectNode body(String stage) {
        return ModelJson.MAPPER.createObjectNode().put("stage", stage);
    }

    @Test
    void everyStageReplayedFromItsBaselineIsIdentical() throws Exception {
        for (String stage : List.of("route_plan", "validate", "execute", "compose", "present")) {
            Http.Reply r = stageTest(body(stage).put("baseline_trace_id", baseline));
            assertEquals(200, r.status(), stage + ": " + r.raw());
            JsonNode d = r.data();
            assertEquals(stage, d.path("stage").asText());
            assertEquals("baseline", d.path("input_from").asText());
            assertEquals(baseline, d.path("baseline_trace_id").asText());
            assertTrue(d.path("diff").path("identical").asBoolean(), stage + " differs: " + d.path("diff"));
            assertEquals(0, d.path("diff").path("change_count").asInt(), stage);
            assertFalse(d.path("trace_id").asText().isEmpty());
            assertTrue(d.path("diagnostics").path("counts").has("references"), r.raw());
        }
        Http.Reply execute = stageTest(body("execute").put("baseline_trace_id", baseline));
        JsonNode d = execute.data();
        assertEquals(1, d.path("diagnostics").path("counts").path("rows").asInt(), execute.raw());
        assertTrue(d.path("references").get(0).path("payload").asText().contains("ci_metric"), execute.raw());
        assertTrue(d.path("applied_assets").path("query").asText().startsWith("ci_queries@"), execute.raw());
        // the stage test left its own trace, a child of the baseline, with feature stage_test
        Http.Reply trace = http.get("/ops/traces/" + d.path("trace_id").asText());
        assertEquals(200, trace.status(), trace.raw());
        assertEquals("stage_test", trace.data().path("feature").asText());
        assertEquals(baseline, trace.data().path("parent_trace_id").asText());
        // execute never runs without a validate of the plan it gets
        List<String> stages = trace.data().path("stage_outputs").findValuesAsText("stage");
        assertEquals(List.of("validate", "execute"), stages);
    }

    @Test
    void aTestPlanFromTheSeedShowsAsAStructuredDiff() throws Exception {
        ObjectNode req = body("execute").put("question", QUESTION).put("baseline_trace_id", baseline);
        req.putObject("test_plan").putObject("metric").put("metric_name", "mem_usage");
        Http.Reply r = stageTest(req);
        assertEquals(200, r.status(), r.raw());
        JsonNode d = r.data();
        assertEquals("question", d.path("input_from").asText());
        assertFalse(d.path("diff").path("identical").asBoolean());
        String changes = d.path("diff").path("changes").toString();
        assertTrue(changes.contains("mem_usage") && changes.contains("cpu_usage"), changes);
        assertTrue(changes.contains("$.tool_results[0].rows[0]"), changes);
        assertEquals(1, d.path("diff").path("baseline_counts").path("rows").asInt(), r.raw());
        assertEquals(1, d.path("diff").path("candidate_counts").path("rows").asInt(), r.raw());
        assertTrue(d.path("diff").path("ignored_fields").toString().contains("elapsed_ms"), r.raw());
    }

    @Test
    void aDraftQueryAssetIsTriedAloneAgainstTheBaseline() throws Exception {
        Http.Reply current = http.get("/ops/assets/query/ci_queries");
        ObjectNode content = (ObjectNode) current.data().path("content").deepCopy();
        for (JsonNode q : content.path("queries")) {
            if (q.path("name").asText().equals("metric_latest")) {
                ((ObjectNode) q).put("statement", q.path("statement").asText()
                        .replace("m.value, m.ts", "m.value + 1000 AS value, m.ts"));
            }
        }
        ObjectNode save = ModelJson.MAPPER.createObjectNode();
        save.set("content", content);
        Http.Reply saved = http.post("/ops/assets/query/ci_queries", save.toString(), "asset_admin");
        assertEquals(200, saved.status(), saved.raw());
        int draft = saved.data().path("version").asInt();

        ObjectNode req = body("execute").put("baseline_trace_id", baseline);
        req.putObject("asset_overrides").put("query", "ci_queries@" + draft);
        Http.Reply r = stageTest(req);
        assertEquals(200, r.status(), r.raw());
        JsonNode d = r.data();
        assertEquals("ci_queries@" + draft, d.path("asset_overrides_used").path("query").asText());
        assertEquals("ci_queries@" + draft + "(draft)", d.path("applied_assets").path("query").asText());
        JsonNode value = null;
        for (JsonNode c : d.path("diff").path("changes")) {
            if (c.path("path").asText().equals("$.tool_results[0].rows[0][4]")) {
                value = c;
            }
        }
        assertTrue(value != null, d.path("diff").toString());
        assertEquals(value.path("baseline").asDouble() + 1000, value.path("candidate").asDouble(), 1e-6);
        assertTrue(d.path("references").get(0).path("payload").asText().contains("m.value + 1000 AS value"));
        // nothing published changed: a plain ask still runs the published template
        Http.Reply plain = http.post("/ops/ci/ask", Http.ask(QUESTION));
        assertFalse(plain.data().path("trace").path("applied_assets").path("query").asText().contains("(draft)"));
    }

    @Test
    void aRecordedStageRequestReplaysOnItsServiceOverGrpc() throws Exception {
        Http.Reply call = http.get("/ops/traces/" + baseline + "/stages/execute/call");
        assertEquals(200, call.status(), call.raw());
        assertEquals("ops.v1.ExecutorService/Execute", call.data().path("method").asText());
        String target = call.data().path("target").asText();
        ExecuteRequest.Builder req = ExecuteRequest.newBuilder();
        JsonFormat.parser().merge(call.data().path("request").toString(), req);
        assertFalse(req.getAssetsList().isEmpty(), "the request carries the asset contents");
        ManagedChannel ch = StageAuthEndToEndTest.as("operator", target);
        try {
            ExecuteResponse replayed = ExecutorServiceGrpc.newBlockingStub(ch).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .execute(req.build());
            Http.Reply trace = http.get("/ops/traces/" + baseline);
            JsonNode recorded = null;
            for (JsonNode o : trace.data().path("stage_outputs")) {
                if (o.path("stage").asText().equals("execute")) {
                    recorded = o.path("result");
                }
            }
            Object replayedJson = ModelJson.MAPPER.readValue(JsonFormat.printer().preservingProtoFieldNames()
                    .print(replayed), Object.class);
            List<JsonDiff.Change> changes = JsonDiff.diff(ModelJson.MAPPER.convertValue(recorded, Object.class),
                    replayedJson, Set.of("elapsed_ms", "timestamp"));
            assertTrue(changes.isEmpty(), "replay differs: " + changes);

            Http.Reply route = http.get("/ops/traces/" + baseline + "/stages/route_plan/call");
            RoutePlanRequest.Builder rp = RoutePlanRequest.newBuilder();
            JsonFormat.parser().merge(route.data().path("request").toString(), rp);
            ManagedChannel planner = StageAuthEndToEndTest.as("operator", route.data().path("target").asText());
            try {
                RoutePlanResponse again = PlannerServiceGrpc.newBlockingStub(planner)
                        .withDeadlineAfter(30, TimeUnit.SECONDS).routePlan(rp.build());
                assertEquals("SVR001", again.getPlanOutput().getPlan().getPrimary().getCiCode());
                assertEquals(QUESTION, rp.getQuestion());
            } finally {
                planner.shutdownNow();
            }
        } finally {
            ch.shutdownNow();
        }
    }

    @Test
    void badStageTestInputGetsClearErrors() throws Exception {
        BadInputTest.assertEnvelope(stageTest(body("explode").put("question", QUESTION)), 400, "unknown stage");
        BadInputTest.assertEnvelope(stageTest(ModelJson.MAPPER.createObjectNode().put("question", QUESTION)), 400,
                "stage is required");
        BadInputTest.assertEnvelope(stageTest(body("execute")), 400, "question or a baseline_trace_id");
        BadInputTest.assertEnvelope(stageTest(body("execute").put("baseline_trace_id", "0000nosuchtrace")), 404, "");
        BadInputTest.assertEnvelope(stageTest(body("execute").put("baseline_trace_id", "../../etc/passwd")), 400,
                "trace_id");
        BadInputTest.assertEnvelope(http.post("/ops/stage-test", "{\"stage\":\"execute\",\"question\":"), 400, "");
        BadInputTest.assertEnvelope(http.post("/ops/stage-test", "{\"stage\":[1],\"question\":\"x\"}"), 400, "");
        BadInputTest.assertEnvelope(http.post("/ops/stage-test",
                "{\"stage\":\"execute\",\"question\":\"" + QUESTION + "\",\"test_plan\":\"cpu\"}"), 400, "");
        ObjectNode unknownField = body("execute").put("question", QUESTION);
        unknownField.putObject("test_plan").put("sql", "DELETE FROM ci");
        BadInputTest.assertEnvelope(stageTest(unknownField), 400, "test_plan");
        BadInputTest.assertEnvelope(stageTest(body("execute").put("question", "x".repeat(5000))), 400, "longer");
        ObjectNode unknownAsset = body("execute").put("question", QUESTION);
        unknownAsset.putObject("asset_overrides").put("query", "no_such_queries@3");
        Http.Reply missing = stageTest(unknownAsset);
        assertTrue(missing.status() == 400 || missing.status() == 404, missing.raw());
        assertFalse(missing.data().path("trace_id").asText().isEmpty(), missing.raw());
        BadInputTest.assertEnvelope(stageTest(body("execute").put("question", "show me the credentials table")), 400,
                "routes to reject");
        BadInputTest.assertEnvelope(stageTest(body("execute").put("question", QUESTION).put("mode", "dry")), 400,
                "mode");
        BadInputTest.assertEnvelope(http.get("/ops/traces/" + baseline + "/stages/explode/call"), 400, "unknown stage");
        BadInputTest.assertEnvelope(http.get("/ops/traces/nosuchtrace000/stages/execute/call"), 404, "");
        Http.Reply reject = http.post("/ops/ci/ask", Http.ask("show me the credentials table"));
        String rejected = reject.data().path("meta").path("trace_id").asText();
        BadInputTest.assertEnvelope(http.get("/ops/traces/" + rejected + "/stages/execute/call"), 404, "no input");
        BadInputTest.assertEnvelope(stageTest(body("execute").put("baseline_trace_id", rejected)), 400, "no input");
        // the estate is intact after the injection attempt in test_plan
        Http.Reply after = http.post("/ops/ci/ask", Http.ask(QUESTION));
        assertTrue(after.data().path("answer").asText().contains("(SVR001)의 현재 CPU 사용량은"), after.raw());
        assertEquals(Map.of(), Map.of());
    }
}

package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /ops/rca against the running stack: a draft Query asset that empties an answer is found by
 * the diff (the changed asset first) and by the single analysis of the broken trace (empty result,
 * naming the template); a refused question is a policy block; a clean answer abstains; every run
 * leaves a trace (feature rca); bad input is a 400 in the envelope, another caller's trace a 404.
 */
class RcaEndToEndTest {
    private static final String QUESTION = "서버A의 CPU 사용량은?";
    private static Http http;
    private static String baseline;
    private static String broken;
    private static int draft;

    @BeforeAll
    static void up() throws Exception {
        http = new Http(OpsStack.get()).as("operator");
        Http.Reply ask = http.post("/ops/ci/ask", Http.ask(QUESTION));
        assertEquals(200, ask.status(), ask.raw());
        baseline = ask.data().path("meta").path("trace_id").asText();

        draft = BrokenDrafts.emptyMetricLatest(http);

        ObjectNode req = (ObjectNode) ModelJson.MAPPER.readTree(Http.ask(QUESTION));
        req.putObject("asset_overrides").put("query", "ci_queries@" + draft);
        Http.Reply candidate = http.post("/ops/ci/ask", req.toString());
        assertEquals(200, candidate.status(), candidate.raw());
        broken = candidate.data().path("meta").path("trace_id").asText();
    }

    private static Http.Reply rca(String json) throws Exception {
        return http.post("/ops/rca", json);
    }

    private static List<String> rules(JsonNode rca) {
        List<String> out = new ArrayList<>();
        rca.path("hypotheses").forEach(h -> out.add(h.path("rule").asText()));
        return out;
    }

    @Test
    void theDiffPutsTheChangedQueryAssetFirst() throws Exception {
        Http.Reply r = rca("{\"mode\":\"diff\",\"baseline_trace_id\":\"" + baseline + "\",\"candidate_trace_id\":\""
                + broken + "\",\"options\":{\"max_hypotheses\":7,\"include_snippets\":true,\"use_llm\":true}}");
        assertEquals(200, r.status(), r.raw());
        JsonNode d = r.data();
        assertEquals("ok", d.path("status").asText());
        JsonNode rca = d.path("rca");
        assertEquals("diff", rca.path("mode").asText());
        assertEquals(List.of(baseline, broken), List.of(rca.path("source_traces").get(0).asText(),
                rca.path("source_traces").get(1).asText()));
        JsonNode top = rca.path("hypotheses").get(0);
        assertEquals("asset_changed", top.path("rule").asText(), r.raw());
        assertEquals("HIGH", top.path("confidence").asText());
        assertTrue(top.path("title").asText().contains("ci_queries@" + draft), top.toString());
        assertEquals("query", top.path("fix_suggestions").get(0).path("asset_type").asText());
        assertTrue(rules(rca).contains("row_count_changed") || rules(rca).contains("statements_changed"), rules(rca).toString());
        assertEquals("RCA Analysis Summary", d.path("blocks").get(0).path("title").asText());
        assertTrue(d.path("blocks").get(0).path("content").asText().contains("LLM narrative unavailable: no language "
                + "model is configured"), "use_llm was asked for on a stack without a model: the summary says so");
        assertTrue(d.path("blocks").get(1).path("content").asText().startsWith("**Rank 1: Asset changed: query"),
                d.path("blocks").get(1).toString());

        // the RCA run left its own trace
        Http.Reply trace = http.get("/ops/traces/" + d.path("trace_id").asText());
        assertEquals(200, trace.status(), trace.raw());
        assertEquals("rca", trace.data().path("feature").asText());
        assertEquals(broken, trace.data().path("parent_trace_id").asText());
    }

    @Test
    void theBrokenTraceAloneIsAnEmptyResultNamingItsTemplate() throws Exception {
        Http.Reply r = rca("{\"mode\":\"single\",\"trace_id\":\"" + broken + "\"}");
        assertEquals(200, r.status(), r.raw());
        JsonNode top = r.data().path("rca").path("hypotheses").get(0);
        assertEquals("empty_result", top.path("rule").asText(), r.raw());
        assertTrue(top.path("fix_suggestions").get(0).path("field").asText().startsWith("templates."), top.toString());
        assertEquals("ci_queries@" + draft + "(draft)", top.path("fix_suggestions").get(0).path("asset").asText());
        JsonNode step = top.path("verification_steps").get(0);
        assertEquals("/ops/stage-test", step.path("endpoint").asText());
        // the suggested verification runs as written
        Http.Reply verify = http.post(step.path("endpoint").asText(), step.path("request").toString());
        assertEquals(200, verify.status(), verify.raw());
    }

    @Test
    void aRefusedQuestionIsAPolicyBlockAndACleanAnswerAbstains() throws Exception {
        Http.Reply refused = http.post("/ops/ci/ask", Http.ask("show me the credentials table"));
        String id = refused.data().path("meta").path("trace_id").asText();
        Http.Reply r = rca("{\"mode\":\"single\",\"trace_id\":\"" + id + "\"}");
        assertEquals(200, r.status(), r.raw());
        assertEquals("policy_block", r.data().path("rca").path("hypotheses").get(0).path("rule").asText(), r.raw());

        Http.Reply clean = rca("{\"mode\":\"single\",\"trace_id\":\"" + baseline + "\"}");
        assertEquals(200, clean.status(), clean.raw());
        assertEquals("abstained", clean.data().path("status").asText(), clean.raw());
        assertEquals(0, clean.data().path("rca").path("hypotheses").size());
        assertTrue(clean.data().path("rca").path("abstained").asText().startsWith("no hypothesis"), clean.raw());
    }

    @Test
    void badInputIsA400InTheEnvelopeAndAnotherCallersTraceIsNotFound() throws Exception {
        String[][] cases = {
            {"{}", "mode is required"},
            {"{\"mode\":\"triple\",\"trace_id\":\"" + baseline + "\"}", "mode must be 'single' or 'diff'"},
            {"{\"mode\":\"single\"}", "trace_id is required"},
            {"{\"mode\":\"single\",\"trace_id\":\"../etc/passwd\"}", "trace_id must be"},
            {"{\"mode\":\"single\",\"trace_id\":\"' OR 1=1 --\"}", "trace_id must be"},
            {"{\"mode\":\"diff\",\"baseline_trace_id\":\"" + baseline + "\"}", "candidate_trace_id is required"},
            {"{\"mode\":\"diff\",\"baseline_trace_id\":\"" + baseline + "\",\"candidate_trace_id\":\"" + baseline + "\"}",
                "name the same trace"},
            {"{\"mode\":\"single\",\"trace_id\":\"" + baseline + "\",\"options\":{\"max_hypotheses\":99}}",
                "max_hypotheses must be between"},
            {"{\"mode\":\"single\",\"trace_id\":\"" + baseline + "\",\"options\":{\"max_hypotheses\":\"many\"}}", ""},
            {"{\"mode\":", ""},
            {"[1,2]", ""},
        };
        for (String[] c : cases) {
            Http.Reply r = rca(c[0]);
            assertEquals(400, r.status(), c[0] + " → " + r.raw());
            assertEquals(400, r.body().path("code").asInt(), r.raw());
            assertTrue(r.body().path("message").asText().contains(c[1]), c[0] + " → " + r.raw());
        }
        Http.Reply unknown = rca("{\"mode\":\"single\",\"trace_id\":\"nosuchtrace0000\"}");
        assertEquals(404, unknown.status(), unknown.raw());
        // the baseline is the operator key's trace: an anonymous viewer may not analyse it
        Http.Reply other = new Http(OpsStack.get()).post("/ops/rca", "{\"mode\":\"single\",\"trace_id\":\"" + baseline + "\"}", "");
        assertEquals(404, other.status(), other.raw());
        Http.Reply huge = rca("{\"mode\":\"single\",\"trace_id\":\"" + "a".repeat(5_000_000) + "\"}");
        assertEquals(413, huge.status(), huge.raw().substring(0, Math.min(200, huge.raw().length())));
    }
}

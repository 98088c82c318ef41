package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.llm.testing.ScriptedOpenAiServer.Step;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * POST /ops/rca with options.use_llm: on the shared stack (no model) the summary block says the
 * narrative is unavailable and why; on a gateway with a model (the scripted OpenAI-wire server) the
 * narrative restates the first hypothesis, a sentence naming what no hypothesis holds is dropped, the
 * model call is in the RCA's own trace, and a model that fails is said so.
 */
class RcaNarrativeEndToEndTest {
    private static AllInOne ops;
    private static LlmStack stack;
    private static String refused;

    @BeforeAll
    static void up() throws Exception {
        ops = OpsStack.get();
        stack = new LlmStack(ops);
        Http.Reply r = new Http(ops).as("operator").post("/ops/ci/ask", Http.ask("show me the credentials table"));
        refused = r.data().path("meta").path("trace_id").asText();
        assertFalse(refused.isEmpty(), r.raw());
    }

    @AfterAll
    static void down() {
        stack.close();
    }

    private static String request() {
        return "{\"mode\":\"single\",\"trace_id\":\"" + refused + "\",\"options\":{\"use_llm\":true}}";
    }

    @Test
    void withoutAModelTheSummarySaysTheNarrativeIsUnavailable() throws Exception {
        Http.Reply r = new Http(ops).as("operator").post("/ops/rca", request());
        assertEquals(200, r.status(), r.raw());
        String summary = r.data().path("blocks").get(0).path("content").asText();
        assertTrue(summary.contains("LLM narrative unavailable: no language model is configured"), summary);
        assertEquals("", r.data().path("rca").path("narrative").asText(""));
    }

    @Test
    void withAModelTheNarrativeKeepsOnlyWhatTheEvidenceHolds() throws Exception {
        Pattern first = Pattern.compile("Rank 1: (.+) — confidence (HIGH|MEDIUM|LOW)");
        stack.llm.otherwise(req -> {
            Matcher m = first.matcher(req.lastUserMessage());
            return Step.completion(m.find() ? "The first hypothesis is " + m.group(1) + ", with confidence "
                    + m.group(2) + ". It started when db-99 ran out of memory at 03:10." : "nothing");
        });
        Http http = new Http(ops, stack.httpPort()).as("operator");
        Http.Reply r = http.post("/ops/rca", request());
        assertEquals(200, r.status(), r.raw());
        JsonNode rca = r.data().path("rca");
        String title = rca.path("hypotheses").get(0).path("title").asText();
        String narrative = rca.path("narrative").asText();
        assertEquals("The first hypothesis is " + title + ", with confidence "
                + rca.path("hypotheses").get(0).path("confidence").asText() + ".", narrative);
        String summary = r.data().path("blocks").get(0).path("content").asText();
        assertTrue(summary.contains(narrative), summary);
        assertTrue(summary.contains("1 sentence(s) of the model dropped"), summary);
        assertTrue(summary.contains("db-99"), "the dropped sentence is shown as dropped: " + summary);

        JsonNode own = trace(http, r.data().path("trace_id").asText());
        JsonNode call = own.path("tool_calls").get(0);
        assertEquals("llm_rca_narrative", call.path("tool").asText(), own.toString());
        assertTrue(call.path("llm").path("prompt_tokens").asInt() > 0, call.toString());
        assertFalse(own.toString().contains(LlmStack.API_KEY));

        stack.llm.otherwise(req -> Step.error(500));
        Http.Reply failed = http.post("/ops/rca", request());
        assertEquals(200, failed.status(), failed.raw());
        String said = failed.data().path("blocks").get(0).path("content").asText();
        assertTrue(said.contains("LLM narrative unavailable: the language model did not answer"), said);
        assertEquals(rca.path("hypotheses"), failed.data().path("rca").path("hypotheses"), "the rules' result is unchanged");
    }

    private static JsonNode trace(Http http, String id) throws Exception {
        for (int i = 0; i < 100; i++) {
            Http.Reply t = http.get("/ops/traces/" + id);
            if (t.status() == 200) {
                return t.data();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no trace " + id);
    }
}

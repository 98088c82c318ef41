package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.llm.testing.ScriptedOpenAiServer.Step;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * #13: a daily LLM token budget per caller. With OPS_LLM_DAILY_TOKENS=2000, a caller whose model
 * calls used 1 290 tokens each gets no model once 2000 are spent: the model server receives nothing, the
 * rules planner answers, and the answer says why in a warning block; another caller still gets the
 * model. The day's usage is in the data directory (0600), so a restart does not reset it.
 */
class LlmBudgetEndToEndTest {
    private static AllInOne ops;
    private static LlmStack stack;
    private static Http http;

    @BeforeAll
    static void up() throws Exception {
        ops = OpsStack.get();
        stack = new LlmStack(ops, Map.of("OPS_LLM_DAILY_TOKENS", "2000"));
        http = new Http(ops, stack.httpPort());
    }

    @AfterAll
    static void down() {
        stack.close();
    }

    private static JsonNode ask(Http as) throws Exception {
        Http.Reply r = as.post("/ops/ci/ask", ModelJson.MAPPER.createObjectNode()
                .put("question", LlmEndToEndTest.QUESTION).put("mode", "real").put("planner_strategy", "llm_only")
                .toString());
        assertEquals(200, r.status(), r.raw());
        return r.data();
    }

    private static JsonNode budgetWarning(JsonNode data) {
        for (JsonNode b : data.path("blocks")) {
            if (b.path("type").asText().equals("warning") && b.path("title").asText().equals("llm_budget")) {
                return b;
            }
        }
        return null;
    }

    @Test
    void aCallerPastItsDailyBudgetGetsTheRulesPlannerAndIsToldSo() throws Exception {
        Http viewer = http.as("viewer");
        stack.llm.reset();
        stack.llm.otherwise(r -> Step.completion(LlmEndToEndTest.GOOD_PLAN, "stop", 1234, 56));
        JsonNode first = ask(viewer);
        assertEquals("llm", first.path("trace").path("route_output").path("plan_output").path("planner").asText());
        assertEquals(null, budgetWarning(first), "within the budget nothing is said");
        // each ask costs 1 290 tokens per model call (the plan, and a summary when the Mapping asks for one)
        JsonNode over = null;
        int received = stack.llm.received().size();
        for (int i = 0; i < 5 && over == null; i++) {
            JsonNode data = ask(viewer);
            if (budgetWarning(data) != null) {
                over = data;
                assertEquals(received, stack.llm.received().size(), "no model call past the budget");
            }
            received = stack.llm.received().size();
        }
        assertTrue(over != null, "the budget of 2000 tokens ran out within 6 asks");
        JsonNode warning = budgetWarning(over);
        assertTrue(warning != null, over.toString());
        assertTrue(warning.path("content").asText().contains("2000 tokens"), warning.toString());
        assertTrue(warning.path("content").asText().contains("rules planner"), warning.toString());
        assertEquals("rules", over.path("trace").path("route_output").path("plan_output").path("planner").asText());
        assertTrue(over.path("answer").asText().length() > 0);
        int index = 0;
        while (!over.path("blocks").get(index).equals(warning)) {
            index++;
        }
        boolean screenHasIt = false;
        for (JsonNode c : over.path("screen").path("components")) {
            screenHasIt |= c.path("component").asText().equals("AnswerWarning")
                    && c.path("block_ref").asText().equals("block-" + index);
        }
        assertTrue(screenHasIt, "the screen shows the warning too: " + over.path("screen"));

        // another caller (anonymous on loopback) still gets the model
        JsonNode other = ask(new Http(stack.httpPort()));
        assertEquals("llm", other.path("trace").path("route_output").path("plan_output").path("planner").asText());
        assertEquals(null, budgetWarning(other));

        // the day's usage is kept in the data directory, owner-only, for the next start
        Path usage = stack.dataDir().resolve("llm-usage.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(usage)));
        JsonNode doc = ModelJson.MAPPER.readTree(usage.toFile());
        long max = 0;
        for (var it = doc.path("used").fields(); it.hasNext(); ) {
            max = Math.max(max, it.next().getValue().asLong());
        }
        assertTrue(max >= 2000, doc.toString());
        assertFalse(doc.toString().contains("ops_"), "no key material in the usage file");
    }
}

package dev.opsuite.gateway.rca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.config.Env;
import dev.opsuite.llm.LlmClient;
import dev.opsuite.llm.LlmClients;
import dev.opsuite.llm.LlmConfig;
import dev.opsuite.llm.testing.ScriptedOpenAiServer;
import dev.opsuite.llm.testing.ScriptedOpenAiServer.Step;
import dev.opsuite.proto.v1.RcaEvidence;
import dev.opsuite.proto.v1.RcaHypothesis;
import dev.opsuite.proto.v1.RcaResult;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The RCA narrative against a local server speaking the OpenAI wire protocol: grounded sentences
 * are kept, a sentence naming a number or name no hypothesis holds is dropped, and every way of
 * having none is a stated reason.
 */
class RcaNarratorTest {
    private static final RcaResult RESULT = RcaResult.newBuilder().setMode("single").addSourceTraces("abc123")
            .setTotalHypotheses(2)
            .addHypotheses(RcaHypothesis.newBuilder().setRank(1).setTitle("Empty result in EXECUTE").setRule("empty_result")
                    .setConfidence("HIGH").setScore(0.85)
                    .addEvidence(RcaEvidence.newBuilder().setStage("execute")
                            .setPath("$.stage_outputs[2].diagnostics.counts.rows").setObserved("rows = 0")))
            .addHypotheses(RcaHypothesis.newBuilder().setRank(2)
                    .setTitle("Slow stage for its plan shape: execute (900 ms, p95 118 ms)").setRule("slow_stage_for_shape")
                    .setConfidence("MEDIUM").setScore(0.65)
                    .addEvidence(RcaEvidence.newBuilder().setStage("execute").setPath("$.stage_outputs[2].duration_ms")
                            .setObserved("900 ms; p95 118 ms over n = 20 earlier traces of ci:real:orch:lookup:summary")))
            .build();

    private ScriptedOpenAiServer server;
    private LlmClient client;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedOpenAiServer();
        client = LlmClients.create(LlmConfig.from(Env.of(Map.of("OPS_LLM_MODEL", "test-model",
                "OPENAI_BASE_URL", server.baseUrl(), "OPENAI_API_KEY", "sk-test-narrative-secret",
                "OPS_LLM_TIMEOUT_MS", "2000", "OPS_LLM_MAX_RETRIES", "0")))).orElseThrow();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private RcaNarrator.Narrative narrate(RcaResult r) {
        return new RcaNarrator(Optional.of(client)).narrate(r, Optional.empty(), Instant.now().plusSeconds(10));
    }

    @Test
    void groundedSentencesAreKeptAndAnInventedOneIsDropped() {
        server.then(Step.completion("The most likely cause is an empty result in EXECUTE (HIGH): rows = 0. "
                + "Second, execute took 900 ms against a p95 of 118 ms over 20 earlier traces of ci:real:orch:lookup:summary. "
                + "The database db-07 was restarted at 3 am and lost 42 rows.\nThis hypothesis 2 is MEDIUM."));
        RcaNarrator.Narrative n = narrate(RESULT);
        assertEquals("The most likely cause is an empty result in EXECUTE (HIGH): rows = 0. Second, execute took 900 ms "
                + "against a p95 of 118 ms over 20 earlier traces of ci:real:orch:lookup:summary. This hypothesis 2 is "
                + "MEDIUM.", n.text());
        assertEquals(1, n.dropped().size(), n.dropped().toString());
        assertTrue(n.dropped().get(0).contains("not in the evidence: db-07, 3, 42"), n.dropped().get(0));
        assertEquals("", n.unavailable());
        assertTrue(n.call().orElseThrow().summary().contains("1 sentence(s) dropped"), n.call().toString());
        // the model was given the hypotheses and their evidence, nothing else of the trace
        String sent = server.received().get(0).lastUserMessage();
        assertTrue(sent.contains("Rank 2: Slow stage for its plan shape: execute (900 ms, p95 118 ms)"), sent);
        assertTrue(sent.contains("rows = 0"), sent);
    }

    @Test
    void nothingGroundedIsNoNarrativeAndSaysWhy() {
        server.then(Step.completion("Disk pressure on srv-seoul-09 caused a 37% slowdown."));
        RcaNarrator.Narrative n = narrate(RESULT);
        assertEquals("", n.text());
        assertEquals("no sentence of the model's narrative was grounded in the evidence", n.unavailable());
    }

    @Test
    void aFailedCallAnUnconfiguredModelAndAnAbstentionEachSayWhy() {
        server.then(Step.error(500));
        RcaNarrator.Narrative failed = narrate(RESULT);
        assertEquals("", failed.text());
        assertTrue(failed.unavailable().startsWith("the language model did not answer: "), failed.unavailable());
        assertTrue(failed.call().isPresent(), "the failed call is recorded for the trace");
        assertTrue(!failed.unavailable().contains("sk-test-narrative-secret"), failed.unavailable());

        RcaNarrator.Narrative none = new RcaNarrator(Optional.empty()).narrate(RESULT, Optional.empty(), Instant.now());
        assertTrue(none.unavailable().startsWith("no language model is configured"), none.unavailable());
        assertTrue(none.call().isEmpty());

        RcaNarrator.Narrative spent = new RcaNarrator(Optional.of(client)).narrate(RESULT, Optional.of("used up"),
                Instant.now());
        assertTrue(spent.unavailable().contains("budget"), spent.unavailable());
        RcaNarrator.Narrative abstained = narrate(RcaResult.newBuilder().setMode("single").setAbstained("no hypothesis")
                .build());
        assertEquals("the analysis abstained; there is no hypothesis to narrate", abstained.unavailable());
        assertEquals(1, server.received().size(), "only the failed call reached the server");
    }
}

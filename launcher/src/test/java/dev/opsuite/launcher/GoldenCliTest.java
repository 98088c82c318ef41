package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.config.Env;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** #18: `./ops golden run` re-asks the golden queries and prints a pass/fail table; exit 1 on a regression. */
class GoldenCliTest {
    private static final String TAG = "cli-golden";
    private static Http http;
    private static String queryId;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void up() throws Exception {
        http = new Http(OpsStack.get()).as("asset_admin");
        Http.Reply created = http.post("/ops/golden-queries", "{\"name\":\"cli: cpu of server A\",\"question\":"
                + "\"서버A의 CPU 사용량은?\",\"tags\":[\"" + TAG + "\"],\"expectations\":{\"latency_factor\":50}}");
        assertEquals(200, created.status(), created.raw());
        queryId = created.data().path("query_id").asText();
    }

    /** The stack is shared: a golden query left behind would gate other test classes' publishes. */
    @AfterAll
    static void down() throws Exception {
        Http.Reply r = http.send("DELETE", "/ops/golden-queries/" + queryId, null, "authorization",
                "Bearer " + TestKeys.token(OpsStack.get(), "asset_admin"));
        assertEquals(200, r.status(), r.raw());
    }

    private int cli(String key, String... args) throws Exception {
        out.reset();
        err.reset();
        return GoldenCli.run(args, Env.of(Map.of("OPS_HTTP_PORT", Integer.toString(OpsStack.get().httpPort()),
                "OPS_API_KEY", key)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String oneLine() {
        String s = err.toString(StandardCharsets.UTF_8);
        assertFalse(s.contains("\tat ") || s.contains("Exception"), "no stack trace: " + s);
        assertEquals(1, s.strip().lines().count(), "one line: " + s);
        return s.strip();
    }

    @Test
    void anUnchangedProductPassesAndADraftThatBreaksAnAnswerIsARegression() throws Exception {
        String operator = TestKeys.token(OpsStack.get(), "operator");
        assertEquals(0, cli(operator, "run", "--tag", TAG), err.toString(StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.startsWith("RESULT   GOLDEN QUERY"), table);
        assertTrue(table.matches("(?s).*\nPASS +cli: cpu of server A +" + queryId + " .*"), table);
        assertTrue(table.strip().endsWith("1 passed, 0 warnings, 0 failed"), table);

        int draft = BrokenDrafts.emptyMetricLatest(http);
        assertEquals(GoldenCli.REGRESSION, cli(operator, "run", "--tag", TAG, "--assets", "query=ci_queries@" + draft));
        String failed = out.toString(StandardCharsets.UTF_8);
        assertTrue(failed.matches("(?s).*\nFAIL +cli: cpu of server A +" + queryId + " +behaviour changed: .*"), failed);
        assertTrue(failed.contains("(RCA: ./ops trace "), failed);
        assertTrue(failed.strip().endsWith("0 passed, 0 warnings, 1 failed"), failed);

        assertEquals(0, cli(operator, "run", "--tag", "no-such-tag"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("no golden query matched"));
    }

    @Test
    void mistakesAreOneLineAndAnExitCode() throws Exception {
        String operator = TestKeys.token(OpsStack.get(), "operator");
        for (String[] wrong : new String[][] {{}, {"walk"}, {"run", "--tag"}, {"run", "--colour", "red"},
                {"run", "--assets", "query"}}) {
            assertEquals(GoldenCli.USAGE, cli(operator, wrong), String.join(" ", wrong));
            assertTrue(oneLine().startsWith("usage: ./ops golden run"));
        }
        assertEquals(CliApi.REFUSED, cli("not-a-key", "run"));
        assertTrue(oneLine().startsWith("refused (HTTP 401): "));
        assertEquals(CliApi.REFUSED, cli(TestKeys.token(OpsStack.get(), "viewer"), "run"));
        assertTrue(oneLine().startsWith("refused (HTTP 403): "), "a viewer may not run the golden set");
    }
}

package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.config.Env;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** #18: `./ops trace ID` as a readable timeline and `./ops traces --status …` a line each, against the product. */
class TraceCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) throws Exception {
        AllInOne ops = OpsStack.get();
        return TraceCli.run(args, Env.of(Map.of("OPS_HTTP_PORT", Integer.toString(ops.httpPort()), "OPS_API_KEY",
                TestKeys.token(ops, "operator"))), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aTraceReadsAsATimelineAndTheListFilters() throws Exception {
        Http http = new Http(OpsStack.get());
        Http.Reply asked = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"), "operator");
        assertEquals(200, asked.status(), asked.raw());
        String id = asked.data().path("meta").path("trace_id").asText();
        assertEquals(0, cli("trace", id), err.toString(StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("trace " + id + " · ci · orch · success"), said);
        assertTrue(said.contains("Q: 서버A의 CPU 사용량은?"), said);
        for (String stage : new String[] {"route_plan", "validate", "execute", "compose", "present"}) {
            assertTrue(said.matches("(?s).*\\+\\s*\\d+ ms  " + stage + " .*"), stage + " in " + said);
        }
        assertTrue(said.contains("  call    ") && said.contains("  ref     sql"), said);
        assertTrue(said.contains("A: srv-seoul-01(SVR001)의 현재 CPU 사용량은"), said);

        out.reset();
        assertEquals(0, cli("traces", "--status", "success", "--limit", "5"));
        String listed = out.toString(StandardCharsets.UTF_8);
        assertTrue(listed.lines().count() >= 1 && listed.lines().allMatch(l -> l.contains(" success ")
                || l.startsWith("(more")), listed);
    }

    @Test
    void mistakesAreOneLineAndAnExitCode() throws Exception {
        assertEquals(TraceCli.USAGE, cli("trace"));
        assertEquals(TraceCli.USAGE, cli("trace", "../etc/passwd"));
        assertEquals(TraceCli.USAGE, cli("traces", "--colour", "red"));
        assertEquals(TraceCli.REFUSED, cli("trace", "no-such-trace"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("refused (HTTP 404)"), err.toString(StandardCharsets.UTF_8));
    }
}

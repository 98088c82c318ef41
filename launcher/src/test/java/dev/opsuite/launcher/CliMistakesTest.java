package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.kit.config.Env;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #23: the command line answers a user's mistake with one line and an exit code, never a stack trace. */
class CliMistakesTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int importCli(String dir, int port) throws Exception {
        return ImportCli.run(new String[] {dir}, Env.of(Map.of("OPS_HTTP_PORT", Integer.toString(port),
                "OPS_API_KEY", "none")), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String said() {
        String s = err.toString(StandardCharsets.UTF_8);
        assertFalse(s.contains("\tat ") || s.contains("Exception"), "no stack trace: " + s);
        assertEquals(1, s.strip().lines().count(), "one line: " + s);
        return s;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aFolderWithoutEstateFilesIsSaidSo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        assertEquals(ImportCli.NO_FILES, importCli(dir.toString(), closedPort()));
        assertTrue(said().contains("no estate files in " + dir + ": expected cis.csv, relations.csv, metrics.csv, events.csv "
                + "or a docs/ folder"));
    }

    @Test
    void aMissingFolderIsSaidSo(@TempDir Path dir) throws Exception {
        assertEquals(ImportCli.NO_FILES, importCli(dir.resolve("nope").toString(), closedPort()));
        assertTrue(said().startsWith("no directory "));
    }

    @Test
    void aProductThatIsNotRunningIsSaidSo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cis.csv"), "ci_code,ci_name,ci_type,status\nA,a,server,running\n");
        int port = closedPort();
        assertEquals(ImportCli.NOT_RUNNING, importCli(dir.toString(), port));
        assertTrue(said().contains("nothing answers on 127.0.0.1:" + port + " — is ./ops up running? (OPS_HTTP_PORT)"));
    }

    private static String[] ops(String... args) throws Exception {
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("bash", Path.of("..", "ops").toString()));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new String[] {Integer.toString(p.waitFor()), text};
    }

    @Test
    void helpExplainsEachCommandAndAnUnknownOneIsSaidSo() throws Exception {
        String[] all = ops("help");
        assertEquals("0", all[0], all[1]);
        for (String c : new String[] {"up", "import DIR", "demo remove", "keys", "curl", "test", "build", "bench", "help", "ask", "docs",
                "assets list|show|diff|draft|publish", "golden run", "image [--base IMAGE]", "tls DIR", "estate retention 30d"}) {
            assertTrue(all[1].contains("\n  " + c), c + " in: " + all[1]);
        }
        String[] imp = ops("help", "import");
        assertEquals("0", imp[0]);
        assertTrue(imp[1].contains("3 nothing answers on the port; 4 no such folder or no estate files"), imp[1]);
        String[] assets = ops("help", "assets");
        assertEquals("0", assets[0]);
        assertTrue(assets[1].contains("./ops assets draft TYPE NAME FILE.json") && assets[1].contains("4 the JSON file is missing"),
                assets[1]);
        String[] estate = ops("help", "estate");
        assertEquals("0", estate[0]);
        assertTrue(estate[1].contains("./ops estate retention DAYSd") && estate[1].contains("Exit 0 done; 1 refused; 2 usage; 3 not running"),
                estate[1]);
        String[] golden = ops("help", "golden");
        assertEquals("0", golden[0]);
        assertTrue(golden[1].contains("Exit 0 no regression (warnings shown); 1 a golden query failed"), golden[1]);
        String importHelp = ops("help", "import")[1];
        assertTrue(importHelp.contains("rows\n  and MB per second and an ETA") && importHelp.contains("the product's own figures"),
                importHelp);
        String[] image = ops("help", "image");
        assertTrue(image[1].contains("tar:///abs/path/base.tar") && image[1].contains("eclipse-temurin:17-jre"), image[1]);
        String[] badImage = ops("image", "--frob");
        assertEquals("2", badImage[0], badImage[1]);
        assertTrue(badImage[1].startsWith("usage: ./ops image [--base IMAGE]"), badImage[1]);
        String[] noDir = ops("tls");
        assertEquals("2", noDir[0], noDir[1]);
        String[] unknown = ops("frobnicate");
        assertEquals("2", unknown[0]);
        assertTrue(unknown[1].startsWith("ops: no command 'frobnicate'"), unknown[1]);
        assertFalse(unknown[1].contains("Exception"), unknown[1]);
    }

    @Test
    void statusSaysWhatRunsOrThatNothingDoes(@TempDir Path dir) throws Exception {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(StatusCli.NOT_RUNNING, StatusCli.run(Env.of(Map.of("OPS_HTTP_PORT",
                Integer.toString(closedPort()), "OPS_DATA_DIR", dir.toString())), o, e));
        assertTrue(said().contains("— is ./ops up running? (OPS_HTTP_PORT)"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("data dir  " + dir.toAbsolutePath().normalize()));

        AllInOne ops = OpsStack.get();
        out.reset();
        err.reset();
        assertEquals(0, StatusCli.run(Env.of(Map.of("OPS_HTTP_PORT", Integer.toString(ops.httpPort()),
                "OPS_DATA_DIR", dir.toString(), "OPS_STATUS_COMMIT", "abc1234")), o, e), err.toString(StandardCharsets.UTF_8));
        String status = out.toString(StandardCharsets.UTF_8);
        assertTrue(status.contains("answering on http://127.0.0.1:" + ops.httpPort() + " — ready"), status);
        assertTrue(status.contains("executor-service SERVING") && status.contains("commit abc1234"), status);
    }

    @Test
    void askPrintsTheAnswerOrSaysWhyNot() throws Exception {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(AskCli.USAGE, AskCli.run(new String[] {}, Env.of(Map.of()), o, e));
        assertTrue(said().startsWith("usage: ./ops ask"));
        err.reset();
        assertEquals(AskCli.NOT_RUNNING, AskCli.run(new String[] {"서버A의 CPU 사용량은?"},
                Env.of(Map.of("OPS_HTTP_PORT", Integer.toString(closedPort()))), o, e));
        assertTrue(said().contains("— is ./ops up running? (OPS_HTTP_PORT)"));

        AllInOne ops = OpsStack.get();
        Env at = Env.of(Map.of("OPS_HTTP_PORT", Integer.toString(ops.httpPort())));
        err.reset();
        assertEquals(0, AskCli.run(new String[] {"서버A의 CPU 사용량은?"}, at, o, e), err.toString(StandardCharsets.UTF_8));
        String answer = out.toString(StandardCharsets.UTF_8);
        assertTrue(answer.contains("(SVR001)의 현재 CPU 사용량은") && answer.contains("해석: "), answer);
        assertTrue(answer.matches("(?s).*route orch · \\d+ ms · trace [0-9a-f]{32}.*"), answer);
        assertTrue(answer.contains("ci_code  ci_name"), "the table as aligned columns: " + answer);

        out.reset();
        assertEquals(AskCli.REFUSED, AskCli.run(new String[] {"x".repeat(5000)}, at, o, e));
        String refused = err.toString(StandardCharsets.UTF_8);
        assertTrue(refused.startsWith("refused (HTTP 400): ") && !refused.contains("Exception"), refused);
        assertTrue(refused.lines().allMatch(l -> l.startsWith("refused") || l.startsWith("trace ")), refused);
        assertTrue(AskCli.displayWidth("서버A") == 5 && "42".equals(AskCli.cell(com.fasterxml.jackson.databind.node
                .DoubleNode.valueOf(42.0))));
    }

    @Test
    void askStreamPrintsEachStageThenTheSameAnswer() throws Exception {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        for (String[] wrong : new String[][] {{"--stream", "--json", "q"}, {"--stream", "--stream", "q"},
                {"--streams", "q"}, {"--stream", " "}}) {
            err.reset();
            assertEquals(AskCli.USAGE, AskCli.run(wrong, Env.of(Map.of()), o, e), String.join(" ", wrong));
            assertTrue(said().startsWith("usage: ./ops ask [--json | --stream]"), said());
        }
        err.reset();
        assertEquals(AskCli.NOT_RUNNING, AskCli.run(new String[] {"--stream", "서버A의 CPU 사용량은?"},
                Env.of(Map.of("OPS_HTTP_PORT", Integer.toString(closedPort()))), o, e));
        assertTrue(said().contains("— is ./ops up running? (OPS_HTTP_PORT)"));

        Env at = Env.of(Map.of("OPS_HTTP_PORT", Integer.toString(OpsStack.get().httpPort())));
        out.reset();
        err.reset();
        assertEquals(0, AskCli.run(new String[] {"--stream", "서버A의 CPU 사용량은?"}, at, o, e),
                err.toString(StandardCharsets.UTF_8));
        String streamed = out.toString(StandardCharsets.UTF_8);
        java.util.List<String> lines = streamed.lines().toList();
        String[] stages = {"route_plan", "validate", "execute", "compose", "present"};
        for (int i = 0; i < stages.length; i++) {
            assertTrue(lines.get(i).matches(stages[i] + " +ok +\\d+ ms  \\S.*"), "a line per stage: " + streamed);
        }
        assertTrue(lines.get(0).contains("plan lookup/summary for SVR001"), streamed);
        assertEquals("", lines.get(stages.length), "then the answer: " + streamed);
        out.reset();
        assertEquals(0, AskCli.run(new String[] {"서버A의 CPU 사용량은?"}, at, o, e));
        String plain = out.toString(StandardCharsets.UTF_8);
        // the answer as ./ops ask prints it: the same lines but for the time and the trace id
        assertEquals(withoutTiming(plain), withoutTiming(String.join("\n", lines.subList(stages.length + 1, lines.size()))
                + "\n"));

        out.reset();
        err.reset();
        assertEquals(AskCli.REFUSED, AskCli.run(new String[] {"--stream", "x".repeat(5000)}, at, o, e));
        String refused = err.toString(StandardCharsets.UTF_8);
        assertTrue(refused.startsWith("refused (HTTP 400): question is longer than"), refused);
        assertEquals("", out.toString(StandardCharsets.UTF_8), "no stage ran");
    }

    private static String withoutTiming(String answer) {
        return answer.replaceAll("route (\\w+) · \\d+ ms · trace [0-9a-f]{32}", "route $1 · T").strip();
    }

    @Test
    void aTakenPortIsRecognisedThroughWrappers() {
        Exception netty = new CompletionException(new RuntimeException("start failed",
                new java.io.IOException("bind(..) failed: Address already in use")));
        assertTrue(AllInOneMain.portInUse(netty));
        assertEquals("bind(..) failed: Address already in use", AllInOneMain.rootMessage(netty));
        assertTrue(AllInOneMain.portInUse(new IllegalStateException(new java.net.BindException("Address in use"))));
        assertFalse(AllInOneMain.portInUse(new IllegalStateException("no disk space")));
    }
}

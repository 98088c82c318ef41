package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.json.ModelJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #18: `./ops assets list|show|diff|draft|publish` through the gateway's REST API, against the product. */
class AssetsCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String key, String... args) throws Exception {
        AllInOne ops = OpsStack.get();
        return cliAt(ops.httpPort(), key, args);
    }

    private int cliAt(int port, String key, String... args) throws Exception {
        out.reset();
        err.reset();
        return AssetsCli.run(args, Env.of(Map.of("OPS_HTTP_PORT", Integer.toString(port), "OPS_API_KEY", key)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String key(String roles) throws Exception {
        return TestKeys.token(OpsStack.get(), roles);
    }

    private String said() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A mistake: one line on stderr, no stack trace. */
    private String oneLine() {
        String s = err.toString(StandardCharsets.UTF_8);
        assertFalse(s.contains("\tat ") || s.contains("Exception"), "no stack trace: " + s);
        assertEquals(1, s.strip().lines().count(), "one line: " + s);
        return s.strip();
    }

    @Test
    void listShowDraftDiffPublishAMappingThenRollBack(@TempDir Path dir) throws Exception {
        assertEquals(0, cli(key("operator"), "list", "mapping"), err.toString(StandardCharsets.UTF_8));
        assertTrue(said().lines().allMatch(l -> l.startsWith("mapping ")), said());
        assertTrue(said().matches("(?s).*mapping +ci_mapping +v\\d+ +published .*"), said());

        assertEquals(0, cli(key("operator"), "show", "mapping", "ci_mapping"));
        String header = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(header.matches("mapping/ci_mapping v\\d+ published"), "the version line on stderr: " + header);
        int published = Integer.parseInt(header.replaceAll("\\D+(\\d+)\\D+", "$1"));
        ObjectNode content = (ObjectNode) ModelJson.MAPPER.readTree(said());
        assertEquals("ci_mapping", content.path("name").asText());

        for (JsonNode rule : content.path("rules")) {
            if (rule.path("query").asText().equals("metric_latest")) {
                ((ObjectNode) rule.path("blocks").get(0).path("template")).put("ko",
                        "[CLI] {ci_name}({ci_code}) {metric_label} = {value}{unit}");
            }
        }
        Path file = dir.resolve("ci_mapping.json");
        Files.writeString(file, content.toPrettyString());
        assertEquals(AssetsCli.REFUSED, cli(key("operator"), "draft", "mapping", "ci_mapping", file.toString()));
        assertTrue(oneLine().startsWith("refused (HTTP 403): "), "an operator may not save a draft");

        assertEquals(0, cli(key("asset_admin"), "draft", "mapping", "ci_mapping", file.toString()),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(said().startsWith("saved mapping/ci_mapping v"), said());
        int draft = Integer.parseInt(said().replaceAll("(?s)saved mapping/ci_mapping v(\\d+) \\(draft\\).*", "$1"));
        assertTrue(said().contains("publish it: ./ops assets publish mapping ci_mapping " + draft), said());
        Http http = new Http(OpsStack.get());
        try {
            assertEquals(0, cli(key("operator"), "diff", "mapping", "ci_mapping", Integer.toString(published),
                    Integer.toString(draft)));
            assertTrue(said().contains(".template.ko") && said().contains("+ \"[CLI] {ci_name}"), said());
            assertTrue(said().strip().endsWith("1 change from v" + published + " to v" + draft), said());

            assertEquals(0, cli(key("operator"), "show", "mapping", "ci_mapping", Integer.toString(draft)));
            assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("mapping/ci_mapping v" + draft + " draft by "),
                    err.toString(StandardCharsets.UTF_8));
            assertTrue(said().startsWith("{") && said().contains("[CLI]"), said());

            assertEquals(0, cli(key("asset_admin"), "publish", "mapping", "ci_mapping", Integer.toString(draft)),
                    err.toString(StandardCharsets.UTF_8));
            assertTrue(said().startsWith("published mapping/ci_mapping v" + draft + " (v" + published + " archived)"),
                    said());
            Http.Reply live = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
            assertTrue(live.data().path("answer").asText().startsWith("[CLI] "), live.raw());

            assertEquals(0, cli(key("operator"), "list", "mapping", "--status", "archived"));
            assertTrue(said().matches("(?s).*ci_mapping +v" + published + " +archived .*"), said());
            assertEquals(0, cli(key("operator"), "--json", "show", "mapping", "ci_mapping"));
            assertEquals(draft, ModelJson.MAPPER.readTree(said()).path("data").path("version").asInt(), said());
        } finally {
            assertEquals(0, cli(key("asset_admin"), "publish", "mapping", "ci_mapping", Integer.toString(published)),
                    err.toString(StandardCharsets.UTF_8));
        }
        Http.Reply restored = http.post("/ops/ci/ask", Http.ask("서버A의 CPU 사용량은?"));
        assertTrue(restored.data().path("answer").asText().contains("의 현재 CPU 사용량은"), restored.raw());
    }

    @Test
    void mistakesAreOneLineAndAnExitCode(@TempDir Path dir) throws Exception {
        String admin = key("asset_admin");
        assertEquals(AssetsCli.USAGE, cli(admin, "list", "widget"));
        assertEquals("unknown asset type 'widget': one of source, schema, resolver, query, mapping, prompt, policy, "
                + "screen", oneLine());
        assertEquals(AssetsCli.USAGE, cli(admin, "show", "Mapping", "ci_mapping"));
        assertTrue(oneLine().startsWith("unknown asset type 'Mapping'"));
        assertEquals(AssetsCli.USAGE, cli(admin, "show", "mapping", "../x"));
        assertTrue(oneLine().startsWith("bad asset name '../x'"));
        for (String[] wrong : new String[][] {{}, {"frob"}, {"show", "mapping"}, {"diff", "mapping", "ci_mapping", "1"},
                {"diff", "mapping", "ci_mapping", "1", "x"}, {"publish", "mapping", "ci_mapping"},
                {"publish", "mapping", "ci_mapping", "0"}, {"draft", "mapping", "ci_mapping"}, {"list", "--colour"}}) {
            assertEquals(AssetsCli.USAGE, cli(admin, wrong), String.join(" ", wrong));
            assertTrue(oneLine().startsWith("usage: ./ops assets list [TYPE]"), String.join(" ", wrong));
        }

        Path missing = dir.resolve("nope.json");
        assertEquals(AssetsCli.BAD_FILE, cli(admin, "draft", "mapping", "ci_mapping", missing.toString()));
        assertEquals("cannot read " + missing + ": no such file", oneLine());
        Path malformed = dir.resolve("bad.json");
        Files.writeString(malformed, "{\n  \"name\": \"ci_mapping\",\n  \"rules\": [\n}\n");
        assertEquals(AssetsCli.BAD_FILE, cli(admin, "draft", "mapping", "ci_mapping", malformed.toString()));
        String bad = oneLine();
        assertTrue(bad.startsWith(malformed + " is not JSON: ") && bad.contains("at line 4, column 1"), bad);
        Path array = dir.resolve("array.json");
        Files.writeString(array, "[1, 2]");
        assertEquals(AssetsCli.BAD_FILE, cli(admin, "draft", "mapping", "ci_mapping", array.toString()));
        assertEquals(array + " must hold one JSON object: the asset's content", oneLine());

        Path invalid = dir.resolve("invalid.json");
        Files.writeString(invalid, "{\"rules\": 42}");
        assertEquals(AssetsCli.REFUSED, cli(admin, "draft", "mapping", "ci_mapping", invalid.toString()));
        assertTrue(oneLine().startsWith("refused (HTTP 400): "), "the registry's validation, named");

        assertEquals(AssetsCli.REFUSED, cli("not-a-key", "list", "query"));
        String wrongKey = oneLine();
        assertTrue(wrongKey.startsWith("refused (HTTP 401): ")
                && wrongKey.endsWith("(the key presented: OPS_API_KEY, else data/admin.key)"), wrongKey);
        assertEquals(AssetsCli.REFUSED, cli(admin, "show", "mapping", "no_such_mapping"));
        assertTrue(oneLine().startsWith("refused (HTTP 404): "));
        assertEquals(AssetsCli.REFUSED, cli(admin, "publish", "mapping", "ci_mapping", "9999"));
        assertTrue(oneLine().startsWith("refused (HTTP 404): "));

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertEquals(AssetsCli.NOT_RUNNING, cliAt(closed, admin, "list"));
        assertTrue(oneLine().contains("— is ./ops up running? (OPS_HTTP_PORT)"));
    }
}

package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.kit.json.ModelJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * #22: documents as a kind of source. The demo's runbooks and alert explanations (loaded by the
 * default product like the demo estate) answer how-to questions in Korean and English with cited
 * passages; a combined question answers its data and its runbook; an operator's own runbook
 * imported through the import route is found, imported again changes nothing, and a bad one is
 * refused with its line and reason.
 */
class DocumentsEndToEndTest {
    private static Http http;

    @BeforeAll
    static void up() throws Exception {
        http = new Http(OpsStack.get());
    }

    private static JsonNode ask(String question, String mode) throws Exception {
        ObjectNode b = ModelJson.MAPPER.createObjectNode().put("question", question).put("mode", mode);
        Http.Reply r = http.post("/ops/ci/ask", b.toString(), "operator");
        System.out.println("Q: " + question + "\nA: " + r.status() + " " + r.data().path("answer").asText());
        assertEquals(200, r.status(), r.raw());
        return r.data();
    }

    private static List<JsonNode> cited(JsonNode data) {
        List<JsonNode> out = new ArrayList<>();
        data.path("trace").path("references").forEach(ref -> {
            if ("document".equals(ref.path("kind").asText()) && ref.path("params").has("path")) {
                out.add(ref);
            }
        });
        return out;
    }

    private static JsonNode markdown(JsonNode data) {
        for (JsonNode b : data.path("blocks")) {
            if ("markdown".equals(b.path("type").asText())) {
                return b;
            }
        }
        throw new AssertionError("no markdown block: " + data.path("blocks"));
    }

    private static Http.Reply importDoc(String path, String body) throws Exception {
        return http.postBytes("/ops/import/document?file_name=" + URLEncoder.encode(path, StandardCharsets.UTF_8),
                body.getBytes(StandardCharsets.UTF_8), "text/markdown", "estate_admin");
    }

    @Test
    void howToQuestionsInKoreanAndEnglishAreAnsweredWithCitedPassages() throws Exception {
        JsonNode ko = ask("payment-api 재시작 절차는?", "real");
        List<JsonNode> refs = cited(ko);
        assertEquals("ko/runbooks/payment-api-restart.md", refs.get(0).path("params").path("path").asText(), refs.toString());
        assertEquals("ops_docs", refs.get(0).path("params").path("collection").asText());
        assertTrue(refs.get(0).path("params").path("section").asText().startsWith("payment-api 재시작 절차"));
        assertTrue(markdown(ko).path("content").asText().contains("ops_docs/ko/runbooks/payment-api-restart.md:"),
                markdown(ko).toString());
        assertTrue(ko.path("answer").asText().contains("payment-api 재시작 절차"), ko.path("answer").asText());

        JsonNode en = ask("how do I fail over payment-db?", "real");
        assertEquals("en/runbooks/payment-db-failover.md", cited(en).get(0).path("params").path("path").asText());

        JsonNode alert = ask("what does alert HighErrorRate mean?", "real");
        assertEquals("en/alerts/high-error-rate.md", cited(alert).get(0).path("params").path("path").asText(),
                alert.path("answer").asText());
        // an alert's name is no CI, but the documents explain it: nothing to say about it
        assertFalse(alert.path("answer").asText().contains("No CI is named"), alert.path("answer").asText());

        // a how-to question about a name that is neither a CI nor in any document found says so first
        JsonNode zebra = ask("how do I fail over zebra-db?", "real");
        assertTrue(zebra.path("answer").asText().startsWith("No CI is named zebra-db, and no document found mentions it"),
                zebra.path("answer").asText());
        assertFalse(cited(zebra).isEmpty(), "the documents are still shown");
        JsonNode zebraKo = ask("zebra-db 장애 조치 방법은?", "real"); // read as its incidents and the documents
        String koAnswer = zebraKo.path("answer").asText();
        assertTrue(koAnswer.startsWith("질문의 이름(zebra-db)에 맞는 CI가 없어")
                || koAnswer.startsWith("'zebra-db'에 해당하는 CI가 없고"), koAnswer);
    }

    @Test
    void aCombinedQuestionAnswersItsDataAndItsRunbook() throws Exception {
        JsonNode both = ask("what is impacted if payment-db fails and what is its runbook?", "real");
        boolean network = false;
        for (JsonNode b : both.path("blocks")) {
            network |= "network".equals(b.path("type").asText());
        }
        assertTrue(network, "the impact is answered too: " + both.path("blocks"));
        List<String> paths = cited(both).stream().map(r -> r.path("params").path("path").asText()).toList();
        assertTrue(paths.contains("en/runbooks/payment-db-failover.md"), paths.toString());

        // a CI that does not exist: the impact cannot be answered and the answer says so; the documents still answer
        JsonNode unknown = ask("what is impacted if zebra-ledger-db fails and what is its runbook?", "real");
        String answer = unknown.path("answer").asText();
        assertTrue(answer.startsWith("No CI matches ") && answer.contains("zebra-ledger-db")
                && answer.contains("the answer comes from the documents only"), answer);
        assertTrue(!cited(unknown).isEmpty(), "the documents were still searched");
    }

    @Test
    void ownRunbooksAreImportedOnceAndBadOnesRefusedWithTheirLine() throws Exception {
        String own = """
                ---
                title: Rotating the zebra-gateway signing keys
                kind: runbook
                lang: en
                tags: [keys]
                ---
                # Rotating the zebra-gateway signing keys

                ## Steps

                1. Generate the new keypair with `keytool` and stage it beside the old one.
                2. Flip the zebra-gateway kid header, then retire the old key after 24 hours.
                """;
        Http.Reply first = importDoc("own/zebra-keys.md", own);
        assertEquals(200, first.status(), first.raw());
        assertEquals("document", first.data().path("file_kind").asText());
        assertTrue(first.data().path("rows_upserted").asLong() > 0);
        Http.Reply again = importDoc("own/zebra-keys.md", own);
        assertEquals(0, again.data().path("rows_upserted").asLong(), "the same bytes again change nothing");
        JsonNode found = ask("how do we rotate the zebra-gateway signing keys?", "real");
        assertEquals("own/zebra-keys.md", cited(found).get(0).path("params").path("path").asText());

        Http.Reply bad = importDoc("own/broken.md", "---\ntitle: x\ntags: [a, b\n---\ntext\n");
        BadInputTest.assertEnvelope(bad, 400, "not valid YAML");
        assertTrue(bad.body().path("message").asText().contains("own/broken.md line "), bad.raw());
        BadInputTest.assertEnvelope(importDoc("/etc/passwd.md", own), 400, "relative path");
        BadInputTest.assertEnvelope(importDoc("../outside.md", own), 400, ""); // refused by Armeria's path check already
        BadInputTest.assertEnvelope(http.postBytes("/ops/import/document?file_name=x.md&collection=Bad%20Name",
                own.getBytes(StandardCharsets.UTF_8), "text/markdown", "estate_admin"), 400, "collection");
    }

    @Test
    void modeMockAnswersFromTheTemplatesFixture() throws Exception {
        JsonNode mock = ask("how do I restart payment-api?", "mock");
        assertTrue(cited(mock).get(0).path("source").asText().startsWith("mock:"), cited(mock).toString());
    }

    @Test
    void aSearchTemplateIsPreviewedAndItsExecuteStageTestedAlone() throws Exception {
        Http.Reply p = http.post("/ops/assets/query/ci_queries/preview", "{\"query\":\"doc_search\",\"params\":"
                + "{\"question\":\"how do I fail over payment-db\",\"ci_code\":\"DB003\"}}", "operator");
        assertEquals(200, p.status(), p.raw());
        assertEquals("search", p.data().path("language").asText());
        assertEquals("how do I fail over payment-db", p.data().path("statement").asText());
        int path = 0;
        while (!p.data().path("columns").get(path).asText().equals("path")) {
            path++;
        }
        assertEquals("en/runbooks/payment-db-failover.md", p.data().path("rows").get(0).get(path).asText(), p.raw());
        assertTrue(p.data().path("decisions").toString().contains("security.documents"), p.raw());

        JsonNode asked = ask("how do I fail over payment-db?", "real");
        String baseline = asked.path("meta").path("trace_id").asText();
        ObjectNode same = ModelJson.MAPPER.createObjectNode().put("stage", "execute").put("baseline_trace_id", baseline);
        Http.Reply replay = http.post("/ops/stage-test", same.toString(), "operator");
        assertEquals(200, replay.status(), replay.raw());
        assertTrue(replay.data().path("diff").path("identical").asBoolean(), replay.data().path("diff").toString());

        ObjectNode other = same.deepCopy().put("question", "how do I fail over payment-db?");
        other.putObject("test_plan").putObject("documents").put("text", "restart payment-api one instance at a time");
        Http.Reply tried = http.post("/ops/stage-test", other.toString(), "operator");
        assertEquals(200, tried.status(), tried.raw());
        String changes = tried.data().path("diff").path("changes").toString();
        assertTrue(changes.contains("payment-api-restart.md"), changes);
    }

    @Test
    void oversizeAndNonUtf8DocumentsAreRefusedWithTheReason() throws Exception {
        byte[] big = new byte[dev.opsuite.estate.docs.DocParser.MAX_BYTES + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        BadInputTest.assertEnvelope(http.postBytes("/ops/import/document?file_name=big.md", big, "text/markdown",
                "estate_admin"), 400, "at most");
        BadInputTest.assertEnvelope(http.postBytes("/ops/import/document?file_name=latin1.md",
                new byte[] {'-', '-', '-', '\n', (byte) 0xe9, '\n'}, "text/markdown", "estate_admin"), 400, "UTF-8");
        BadInputTest.assertEnvelope(http.postBytes("/ops/import/document", "x".getBytes(StandardCharsets.UTF_8),
                "text/markdown", "estate_admin"), 400, "file_name");
        BadInputTest.assertEnvelope(http.postBytes("/ops/import/document?file_name=a.md", "x".getBytes(
                StandardCharsets.UTF_8), "text/markdown", "viewer"), 403, "");
    }

    @Test
    void theImportCommandTakesADocsFolderAndReportsEachRefusalWithoutStopping(@org.junit.jupiter.api.io.TempDir
                                                                             java.nio.file.Path dir) throws Exception {
        java.nio.file.Path docs = java.nio.file.Files.createDirectories(dir.resolve("docs").resolve("team"));
        java.nio.file.Files.writeString(docs.resolve("a-broken.md"), "# no front matter\n\ntext\n");
        java.nio.file.Files.writeString(docs.resolve("b-fine.md"), "---\ntitle: Quokka cache warm-up\nkind: runbook\n---\n"
                + "# Quokka cache warm-up\n\n## Steps\n\nRun the quokka warm-up job before the morning peak.\n");
        java.nio.file.Files.writeString(docs.resolve("c-korean.md"), "---\ntitle: 코알라 배치 재처리 절차\nkind: runbook\n"
                + "lang: ko\n---\n# 코알라 배치 재처리 절차\n\n## 절차\n\n1. 실패한 코알라 배치의 실행 번호를 확인합니다.\n"
                + "2. 재처리 명령으로 그 번호부터 다시 돌립니다.\n");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = ImportCli.run(new String[] {dir.toString()}, dev.opsuite.kit.config.Env.of(java.util.Map.of(
                "OPS_HTTP_PORT", Integer.toString(OpsStack.get().httpPort()), "OPS_API_KEY",
                TestKeys.token(OpsStack.get(), "estate_admin"))), new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code, "a refused document makes the command fail");
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("team/a-broken.md") && said.contains("line 1") && said.contains("no front matter"), said);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("team/b-fine.md"), "the next one was still imported: " + out);
        assertEquals("team/b-fine.md", cited(ask("how do we warm up the quokka cache?", "real")).get(0).path("params")
                .path("path").asText());
        assertEquals("team/c-korean.md", cited(ask("코알라 배치가 실패하면 어떻게 해야 해?", "real")).get(0).path("params")
                .path("path").asText());
    }
}

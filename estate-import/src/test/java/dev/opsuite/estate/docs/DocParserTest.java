package dev.opsuite.estate.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.estate.EstateImportException;
import dev.opsuite.estate.demo.DemoDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocParserTest {
    private static byte[] bad(String name) throws IOException {
        try (InputStream in = DocParserTest.class.getResourceAsStream("/docs-bad/" + name)) {
            return in.readAllBytes();
        }
    }

    private static EstateImportException refused(String path, byte[] bytes) {
        return assertThrows(EstateImportException.class, () -> DocParser.parse(path, bytes));
    }

    @Test
    void frontMatterAndSectionsWithTheirLines() {
        String md = """
                ---
                title: payment-db 페일오버
                kind: runbook
                lang: ko
                tags: [failover, db]
                cis: [DB003]
                ci_types: [database]
                ---
                # payment-db 페일오버

                소개 문단.

                ## 확인

                ```
                # 이것은 제목이 아니다
                psql -c 'select 1'
                ```

                ## 절차

                1. 승격한다.
                """;
        DocFile d = DocParser.parse("ko/runbooks/payment-db-failover.md", md.getBytes(StandardCharsets.UTF_8));
        assertEquals("payment-db 페일오버", d.title());
        assertEquals("runbook", d.kind());
        assertEquals(List.of("DB003"), d.cis());
        assertEquals(List.of("database"), d.ciTypes());
        assertEquals(3, d.sections().size(), d.sections().toString()); // intro, 확인 (with its code block), 절차
        assertEquals("확인", d.sections().get(1).heading());
        assertEquals("payment-db 페일오버 › 확인", d.sections().get(1).trail());
        assertEquals(13, d.sections().get(1).line());
        assertTrue(d.sections().get(1).text().contains("# 이것은 제목이 아니다"), "a '#' in a code block is text");
        assertEquals(64, d.contentHash().length());
    }

    @Test
    void everyDemoDocumentParses() throws IOException {
        List<String> paths = DemoDocuments.paths();
        assertTrue(paths.size() >= 48, "demo documents: " + paths.size());
        for (String p : paths) {
            DocFile d = DocParser.parse(p, DemoDocuments.read(p));
            assertTrue(d.sections().size() >= 2, p);
            assertEquals(p.startsWith("ko/") ? "ko" : "en", d.lang(), p);
        }
    }

    @Test
    void badDocumentsAreRefusedWithTheLineAndTheReason() throws IOException {
        EstateImportException e = refused("no-front-matter.md", bad("no-front-matter.md"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("no front matter"), e.getMessage());
        e = refused("unclosed-front-matter.md", bad("unclosed-front-matter.md"));
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
        e = refused("bad-yaml.md", bad("bad-yaml.md"));
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());
        assertTrue(e.line() > 1, "the YAML error's line: " + e.line());
        e = refused("no-title.md", bad("no-title.md"));
        assertTrue(e.getMessage().contains("no title"), e.getMessage());
    }

    @Test
    void hostileNamesAndBytesAreRefused() {
        byte[] ok = "---\ntitle: t\n---\ntext\n".getBytes(StandardCharsets.UTF_8);
        for (String p : List.of("../etc/passwd.md", "/abs/x.md", "a/../../b.md", "x.exe", "", "a\u0000b.md",
                "x".repeat(301) + ".md")) {
            assertTrue(refused(p, ok).getMessage().contains("relative"), p);
        }
        assertTrue(refused("x.md", new byte[] {(byte) 0xff, (byte) 0xfe, 0x41}).getMessage().contains("UTF-8"));
        assertTrue(refused("x.md", new byte[DocParser.MAX_BYTES + 1]).getMessage().contains("at most"));
        assertTrue(refused("x.md", "---\ntitle: t\nowner: me\n---\ntext".getBytes(StandardCharsets.UTF_8))
                .getMessage().contains("unknown front matter key 'owner'"));
        assertTrue(refused("x.md", "---\ntitle: t\nkind: recipe\n---\ntext".getBytes(StandardCharsets.UTF_8))
                .getMessage().contains("kind 'recipe'"));
        assertTrue(refused("x.md", "---\ntitle: t\n---\n".getBytes(StandardCharsets.UTF_8))
                .getMessage().contains("no text"));
    }

    @Test
    void plainTextNeedsNoFrontMatter() {
        DocFile d = DocParser.parse("notes/escalation.txt",
                "Escalation ladder\n\nPage the on-call first, then the team lead.".getBytes(StandardCharsets.UTF_8));
        assertEquals("Escalation ladder", d.title());
        assertEquals("en", d.lang());
        assertEquals("guide", d.kind());
    }
}

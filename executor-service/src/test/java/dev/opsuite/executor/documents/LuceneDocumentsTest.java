package dev.opsuite.executor.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opsuite.estate.EstateImportException;
import dev.opsuite.executor.domain.DocumentPort;
import dev.opsuite.guard.DocSearchGuard;
import dev.opsuite.model.AssetDoc;
import dev.opsuite.model.asset.PolicyDocuments;
import dev.opsuite.model.asset.SourceAsset;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The document index against a real Lucene directory: idempotent import, persistence, failures said. */
class LuceneDocumentsTest {
    private static final ObjectMapper M = new ObjectMapper();

    static AssetDoc source(String collection) {
        return new AssetDoc("source", "docs", 1, "published", M.createObjectNode().put("type", "documents")
                .set("connection", M.createObjectNode().put("collection", collection)));
    }

    static byte[] doc(String title, String body) {
        return ("---\ntitle: " + title + "\nkind: runbook\ncis: [DB003]\n---\n# " + title + "\n\n## Steps\n\n" + body + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static DocumentPort.Query query(String text) {
        return new DocumentPort.Query(text, "", "", List.of(), List.of(), "en", 3, 300);
    }

    @Test
    void importIsIdempotentByPathAndHashAndSurvivesARestart(@TempDir Path dir) {
        try (LuceneDocuments index = new LuceneDocuments(Optional.of(dir))) {
            DocumentImporter importer = new DocumentImporter(index);
            assertEquals(1, importer.importBytes("c1", "a.md", doc("Failover", "Promote the standby.")).rowsUpserted());
            assertEquals(0, importer.importBytes("c1", "a.md", doc("Failover", "Promote the standby.")).rowsUpserted());
            // changed bytes replace the document whole: the old words are gone
            assertEquals(1, importer.importBytes("c1", "a.md", doc("Failover", "Switch over with patronictl.")).rowsUpserted());
            assertEquals(1, index.documents("c1"));
            assertTrue(index.search(source("c1"), query("promote standby"), 5).passages().isEmpty());
        }
        try (LuceneDocuments reopened = new LuceneDocuments(Optional.of(dir))) {
            DocumentPort.Result r = reopened.search(source("c1"), query("patronictl switch"), 5);
            assertEquals("a.md", r.passages().get(0).path());
            assertTrue(r.passages().get(0).text().contains("**"), "the words are marked: " + r.passages().get(0).text());
            assertEquals(List.of("DB003"), r.passages().get(0).cis());
        }
    }

    @Test
    void twoExecutorsOnOneIndexRootBothImportAndBothSeeEachOthersDocuments(@TempDir Path dir) {
        try (LuceneDocuments a = new LuceneDocuments(Optional.of(dir));
             LuceneDocuments b = new LuceneDocuments(Optional.of(dir))) {
            assertEquals(0, b.search(source("shared"), query("standby"), 5).documents());
            new DocumentImporter(a).importBytes("shared", "a.md", doc("Failover", "Promote the standby."));
            assertEquals("a.md", b.search(source("shared"), query("promote standby"), 5).passages().get(0).path());
            new DocumentImporter(b).importBytes("shared", "b.md", doc("Restore", "Restore the nightly backup."));
            assertEquals("b.md", a.search(source("shared"), query("nightly backup"), 5).passages().get(0).path());
            assertEquals(2, a.documents("shared"));
        }
    }

    @Test
    void anEmptyCollectionAndNoMatchAreToldApart(@TempDir Path dir) {
        try (LuceneDocuments index = new LuceneDocuments(Optional.of(dir))) {
            assertEquals(0, index.search(source("empty"), query("anything"), 5).documents());
            new DocumentImporter(index).importBytes("full", "a.md", doc("Failover", "Promote the standby."));
            DocumentPort.Result r = index.search(source("full"), query("kubernetes ingress"), 5);
            assertTrue(r.passages().isEmpty());
            assertEquals(1, r.documents());
        }
    }

    @Test
    void aCorruptIndexIsUnavailableNotEmpty(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("broken"));
        Files.write(dir.resolve("broken").resolve("segments_1"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        try (LuceneDocuments index = new LuceneDocuments(Optional.of(dir))) {
            OpsException e = assertThrows(OpsException.class, () -> index.search(source("broken"), query("x"), 5));
            assertEquals(ErrorCode.UNAVAILABLE, e.code());
            assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
        }
    }

    @Test
    void withoutAnIndexRootEveryCallSaysSo() {
        try (LuceneDocuments index = new LuceneDocuments(Optional.empty())) {
            OpsException e = assertThrows(OpsException.class, () -> index.search(source("c"), query("x"), 5));
            assertEquals(ErrorCode.FAILED_PRECONDITION, e.code());
            assertFalse(index.check(source("c")).reachable());
        }
    }

    @Test
    void hostileInputIsAnalysedNeverParsedAndNamesAreChecked(@TempDir Path dir) {
        try (LuceneDocuments index = new LuceneDocuments(Optional.of(dir))) {
            new DocumentImporter(index).importBytes("c", "a.md", doc("Failover", "Promote the standby."));
            for (String q : List.of("*:*", "path:/.*/ OR title:[a TO z]", "standby~0.1^99 AND NOT (", "\"\\", "")) {
                index.search(source("c"), query(q), 5); // no syntax error, whatever the text
            }
            assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(OpsException.class,
                    () -> index.search(source("../etc"), query("x"), 5)).code());
            assertThrows(EstateImportException.class,
                    () -> new DocumentImporter(index).importBytes("c", "../x.md", doc("t", "b")));
        }
    }

    @Test
    void thePolicyBoundsTopKAndPassagesAndNarrowsCollectionsByRole() {
        PolicyDocuments policy = new PolicyDocuments(4, 500, List.of(), Map.of("viewer", List.of("public_docs")));
        SourceAsset src = SourceAsset.from(source("ops_docs").content());
        DocSearchGuard.Bounds b = DocSearchGuard.bounds(dev.opsuite.model.asset.QueryTemplate.from(
                M.createObjectNode().set("search", M.createObjectNode().put("top_k", 50).put("passage_chars", 9000))),
                policy, src);
        assertEquals(4, b.topK());
        assertEquals(500, b.passageChars());
        assertTrue(b.clamped());
        assertTrue(DocSearchGuard.refusal("ops_docs", policy, List.of("viewer")).isPresent());
        assertTrue(DocSearchGuard.refusal("public_docs", policy, List.of("viewer")).isEmpty());
        assertTrue(DocSearchGuard.refusal("ops_docs", policy, List.of("operator")).isEmpty());
    }
}

package dev.opsuite.executor.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.opsuite.executor.domain.DocumentPort;
import dev.opsuite.model.AssetDoc;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Source's thesaurus (search.synonyms) against a real index: applied to the question only, after analysis. */
class ThesaurusTest {
    private static final ObjectMapper M = new ObjectMapper();

    static AssetDoc source(String... rules) {
        ObjectNode content = M.createObjectNode().put("type", "documents");
        content.putObject("connection").put("collection", "c");
        var synonyms = content.putObject("search").putArray("synonyms");
        for (String r : rules) {
            synonyms.add(r);
        }
        return new AssetDoc("source", "docs", 1, "published", content);
    }

    static List<String> paths(LuceneDocuments index, AssetDoc source, String question, String lang) {
        return index.search(source, new DocumentPort.Query(question, "", "", List.of(), List.of(), lang, 3, 300), 5)
                .passages().stream().map(DocumentPort.Passage::path).toList();
    }

    @Test
    void aThesaurusBridgesWordsNoAnalyzerBridgesInBothLanguagesAndStems(@TempDir Path dir) {
        try (LuceneDocuments index = new LuceneDocuments(Optional.of(dir))) {
            DocumentImporter importer = new DocumentImporter(index);
            importer.importBytes("c", "drain.md", LuceneDocumentsTest.doc("Draining a host", "Drain the host, then reboot."));
            importer.importBytes("c", "tls.md", LuceneDocumentsTest.doc("Certificate renewal", "Renew the certificate."));
            AssetDoc plain = source();
            AssetDoc thesaurus = source("drain, evacuate", "cert, certificate, 인증서", "bounce => restart");
            assertEquals(List.of(), paths(index, plain, "evacuate VMs", "en"));
            assertEquals(List.of("drain.md"), paths(index, thesaurus, "evacuate VMs", "en"));
            // the rule is analysed like the question: "evacuating" stems as "evacuate" does
            assertEquals(List.of("drain.md"), paths(index, thesaurus, "evacuating VMs", "en"));
            assertEquals(List.of(), paths(index, plain, "인증서 교체", "ko"));
            assertEquals(List.of("tls.md"), paths(index, thesaurus, "인증서 교체", "ko"));
            assertEquals(List.of("tls.md"), paths(index, thesaurus, "cert expiring", "en"));
        }
    }

    @Test
    void theQuestionsOwnWordsOutweighTheWordsTheThesaurusAdds(@TempDir Path dir) {
        try (LuceneDocuments index = new LuceneDocuments(Optional.of(dir))) {
            DocumentImporter importer = new DocumentImporter(index);
            importer.importBytes("c", "restart.md", LuceneDocumentsTest.doc("Restart", "Restart the service."));
            importer.importBytes("c", "reboot.md", LuceneDocumentsTest.doc("Reboot", "Reboot the service."));
            List<String> ranked = paths(index, source("restart, reboot"), "reboot the service", "en");
            assertEquals(List.of("reboot.md", "restart.md"), ranked);
        }
    }

    @Test
    void aWordAnAnalyzerCannotTakeIsLeftOutNotAnError(@TempDir Path dir) {
        DocAnalysis analysis = new DocAnalysis();
        // "on-call": the English analyzer drops the stop word "on", leaving a gap; "the": nothing left
        try (Thesaurus t = Thesaurus.of(analysis, List.of("on-call, oncall, 온콜", "the, a"))) {
            assertTrue(t.skipped() >= 3, "skipped " + t.skipped());
            assertTrue(t.terms(DocAnalysis.BODY_EN, "oncall rota").contains("온콜"), t.terms(DocAnalysis.BODY_EN, "oncall").toString());
            assertTrue(t.terms(DocAnalysis.BODY_KO, "온콜 교대").contains("oncall"), t.terms(DocAnalysis.BODY_KO, "온콜").toString());
        } finally {
            analysis.close();
        }
    }
}

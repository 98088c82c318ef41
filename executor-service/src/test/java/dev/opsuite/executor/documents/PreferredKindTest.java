package dev.opsuite.executor.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.executor.domain.DocumentPort;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kind the question's words suggest outweighs a somewhat better match of another kind. */
class PreferredKindTest {
    static byte[] doc(String kind, String title, String body) {
        return ("---\ntitle: " + title + "\nkind: " + kind + "\n---\n# " + title + "\n\n## Notes\n\n" + body + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static List<String> ranked(LuceneDocuments index, String question, List<String> prefer) {
        return index.search(ThesaurusTest.source(), new DocumentPort.Query(question, "", "", List.of(), List.of(), "en",
                3, 300, prefer), 5).passages().stream().map(DocumentPort.Passage::path).toList();
    }

    @Test
    void aPreferredKindDoublesADocumentsScore(@TempDir Path dir) {
        try (LuceneDocuments index = new LuceneDocuments(Optional.of(dir))) {
            DocumentImporter importer = new DocumentImporter(index);
            importer.importBytes("c", "runbook.md", doc("runbook", "Disk full",
                    "When the disk is full, free the disk: the disk full steps. A full disk stops writes; keep "
                    + "the disk below full. Disk full, disk full."));
            importer.importBytes("c", "alert.md", doc("alert", "Disk alert", "The disk is nearly full."));
            assertEquals("runbook.md", ranked(index, "disk full", List.of()).get(0));
            assertEquals("alert.md", ranked(index, "disk full", List.of("alert")).get(0));
        }
    }
}

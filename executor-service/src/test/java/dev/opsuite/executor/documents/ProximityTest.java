package dev.opsuite.executor.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The question's words next to each other in a section rank it above a section holding them apart. */
class ProximityTest {
    @Test
    void wordsSideBySideBeatTheSameWordsApart(@TempDir Path dir) {
        try (LuceneDocuments index = new LuceneDocuments(Optional.of(dir))) {
            DocumentImporter importer = new DocumentImporter(index);
            // the same words, as often, in sections of the same length: only their distance differs
            importer.importBytes("c", "apart.md", LuceneDocumentsTest.doc("Notes",
                    "Take the heap of logs away. Later dump nothing."));
            importer.importBytes("c", "together.md", LuceneDocumentsTest.doc("Notes",
                    "Take the heap dump away. Later nothing of logs."));
            for (String q : List.of("heap dump", "dump heap")) {
                assertEquals(List.of("together.md", "apart.md"), ThesaurusTest.paths(index, ThesaurusTest.source(), q,
                        "en"), q);
            }
        }
    }
}

package dev.opsuite.executor.documents;

import dev.opsuite.estate.EstateImportException;
import dev.opsuite.estate.ImportProblem;
import dev.opsuite.estate.ImportReport;
import dev.opsuite.estate.docs.DocFile;
import dev.opsuite.estate.docs.DocParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Imports one uploaded document into a collection: size checked before it is read, parsed and
 * checked whole ({@link DocParser}: a bad document is refused with its line and reason, nothing of
 * it indexed), then indexed ({@link LuceneDocuments#add}: replaced when changed, else left alone).
 */
public final class DocumentImporter {
    public static final String KIND = "document";
    private final LuceneDocuments index;

    public DocumentImporter(LuceneDocuments index) {
        this.index = index;
    }

    public ImportReport importFile(String collection, String fileName, Path file) {
        long start = System.nanoTime();
        String c = collection == null || collection.isBlank() ? LuceneDocuments.DEFAULT_COLLECTION : collection.strip();
        try {
            long size = Files.size(file);
            if (size > DocParser.MAX_BYTES) {
                throw new EstateImportException(new ImportProblem(fileName, 1, 0, null, "the document is " + size
                        + " bytes; at most " + DocParser.MAX_BYTES + " are indexed"));
            }
            return importBytes(c, fileName, Files.readAllBytes(file), start);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same for a document already in memory (the demo's documents). */
    public ImportReport importBytes(String collection, String fileName, byte[] bytes) {
        return importBytes(collection, fileName, bytes, System.nanoTime());
    }

    private ImportReport importBytes(String collection, String fileName, byte[] bytes, long start) {
        DocFile doc = DocParser.parse(fileName, bytes);
        LuceneDocuments.Imported r = index.add(collection, doc);
        return new ImportReport(KIND, doc.path(), r.sections(), r.changed() ? r.sections() : 0, 0,
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Removes the demo's documents from the default collection, each only while it is still as the
     * demo wrote it (same path and bytes); returns how many.
     */
    public long removeDemoDocuments() {
        long n = 0;
        try {
            for (String p : dev.opsuite.estate.demo.DemoDocuments.paths()) {
                DocFile doc = DocParser.parse(p, dev.opsuite.estate.demo.DemoDocuments.read(p));
                n += index.remove(LuceneDocuments.DEFAULT_COLLECTION, doc.path(), doc.contentHash()) ? 1 : 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }
}

package dev.opsuite.estate;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Large files must stream: no class on the import path may gather a file's rows. Checked on the
 * sources (kept simple on purpose); the measured import rate is printed by DemoEstateTest.
 */
class StreamingImportTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/opsuite/estate");
    private static final List<String> IMPORT_PATH = List.of("CsvSource.java", "ImportValidator.java",
            "MappedRows.java", "PgEstateLoader.java", "GraphLoader.java", "CopyTextWriter.java", "EstateImporter.java");
    // whole-file reads, commons-csv's getRecords(), or collecting parsed rows/records into a collection
    private static final Pattern COLLECTING = Pattern.compile(
            "getRecords\\(|readAllLines\\(|readAllBytes\\(|readString\\(|lines\\(\\)|List<(String\\[\\]|CsvRow|CSVRecord)>"
                    + "|\\.stream\\(\\)");

    @Test
    void importPathNeverCollectsRows() throws Exception {
        for (String file : IMPORT_PATH) {
            String source = Files.readString(SOURCES.resolve(file));
            var m = COLLECTING.matcher(source);
            assertFalse(m.find(), () -> file + " collects rows: " + m.group());
        }
    }

    @Test
    void graphBatchesAreBounded() throws Exception {
        // the one list on the path is a graph batch, flushed at BATCH_SIZE
        String source = Files.readString(SOURCES.resolve("GraphLoader.java"));
        assertFalse(!source.contains("batch.size() == BATCH_SIZE"), "graph batches must be flushed at BATCH_SIZE");
    }
}

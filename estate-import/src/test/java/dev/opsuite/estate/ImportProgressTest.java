package dev.opsuite.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.opsuite.estate.ImportProgress.Phase;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress as a real import into PostgreSQL and Neo4j reports it. */
class ImportProgressTest extends EstateTestSupport {

    @Test
    void aCisFileGoesThroughEachPhaseAndEndsWholeOnTheSameFigures() throws Exception {
        List<ImportProgress> heard = new ArrayList<>();
        var file = file("cis.csv", CIS);
        ImportReport r = importer.importFile("cis", "cis.csv", file, heard::add);
        assertEquals(List.of(Phase.VALIDATE, Phase.COPY, Phase.UPSERT, Phase.GRAPH),
                heard.stream().map(ImportProgress::phase).distinct().toList());
        ImportProgress last = heard.get(heard.size() - 1);
        long size = Files.size(file);
        // the graph pass began after both reads: rows as the report says, two passes' bytes of three
        assertEquals(r.rowsRead(), last.rowsRead());
        assertEquals(r.rowsRead(), last.rowsWritten());
        assertEquals(0, last.rowsRefused());
        assertEquals(2 * size, last.bytesConsumed());
        assertEquals(3 * size, last.bytesTotal());
    }

    @Test
    void aRefusedFileNeverReachesTheCopyPass() throws Exception {
        List<ImportProgress> heard = new ArrayList<>();
        StringBuilder csv = new StringBuilder("ts,ci_code,metric_name,value\n");
        for (int i = 0; i < 5_000; i++) {
            csv.append("2026-11-20T10:00:").append(String.format("%02d", i % 60)).append("+09:00,SVR001,cpu_usage,")
                    .append(i == 4_000 ? "many" : String.valueOf(i % 100)).append('\n');
        }
        load("cis", CIS);
        var file = file("metrics.csv", csv.toString());
        assertThrows(EstateImportException.class, () -> importer.importFile("metrics", "metrics.csv", file, heard::add));
        assertTrue(heard.stream().allMatch(p -> p.phase() == Phase.VALIDATE && p.rowsWritten() == 0), heard.toString());
        assertEquals(0, count("SELECT count(*) FROM ci_metric"));
    }
}

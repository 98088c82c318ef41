package dev.opsuite.estate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.opsuite.estate.ImportProgress.Phase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The meter alone, on a clock the test moves: when it speaks, and what it counts. */
class ImportMeterTest {
    private long now;
    private final List<ImportProgress> heard = new ArrayList<>();

    private ImportMeter meter(long fileBytes, int passes) {
        return new ImportMeter(heard::add, fileBytes, passes, 250_000_000L, () -> now);
    }

    @Test
    void speaksAtEachPhaseAndThenAtMostOncePerInterval() {
        ImportMeter m = meter(1_000, 2);
        m.phase(Phase.VALIDATE);
        for (int i = 1; i <= 10 * ImportMeter.CHECK_EVERY; i++) {
            now += 1_000_000; // a row a millisecond: 2.56 s in all
            m.row(i / 10);
        }
        // the phase, then one per 250 ms as seen every CHECK_EVERY rows (each 256 ms)
        assertEquals(11, heard.size());
        ImportProgress last = heard.get(heard.size() - 1);
        assertEquals(new ImportProgress(Phase.VALIDATE, 2560, 0, 0, 256, 2_000, 2560, 2560), last);
        m.phase(Phase.COPY);
        assertEquals(new ImportProgress(Phase.COPY, 2560, 0, 0, 1_000, 2_000, 2560, 0), heard.get(11));
    }

    @Test
    void countsEachPassItsOwnRowsAndBytesOverAllPasses() {
        ImportMeter m = meter(100, 3);
        m.phase(Phase.VALIDATE);
        m.row(60);
        m.refused();
        m.row(130); // the reader's buffer ran past the file's end: counted as the whole file
        m.phase(Phase.COPY);
        m.row(50);
        m.phase(Phase.UPSERT);
        m.phase(Phase.GRAPH);
        m.row(100);
        assertEquals(List.of(Phase.VALIDATE, Phase.COPY, Phase.UPSERT, Phase.GRAPH),
                heard.stream().map(ImportProgress::phase).toList());
        assertEquals(new ImportProgress(Phase.UPSERT, 2, 1, 1, 200, 300, 0, 0), heard.get(2));
        assertEquals(new ImportProgress(Phase.GRAPH, 2, 1, 1, 300, 300, 0, 0), m.snapshot(now));
    }

    @Test
    void ratesAreThePasssRowsAndTheImportsBytesAndTheEtaFollowsFromThem() {
        ImportMeter m = meter(1_000, 2);
        m.phase(Phase.VALIDATE);
        assertEquals(-1, heard.get(0).etaMs(), "no byte read yet: no ETA");
        assertEquals(0, heard.get(0).rowsPerSecond());
        for (int i = 1; i <= 1_000; i++) {
            now += 2_000_000; // a row of one byte every 2 ms: 500 rows/s, 500 B/s
            m.row(i);
        }
        ImportProgress validated = m.snapshot(now);
        assertEquals(500, validated.rowsPerSecond());
        assertEquals(500, validated.bytesPerSecond());
        assertEquals(2_000, validated.etaMs(), "1,000 bytes of the copy pass left at 500 B/s");
        m.phase(Phase.COPY);
        for (int i = 1; i <= 250; i++) {
            now += 4_000_000; // the copy pass at half the speed: 250 rows/s of its own
            m.row(i);
        }
        ImportProgress copying = m.snapshot(now);
        assertEquals(250, copying.rowsPerSecond(), "the pass's own rate, from its start");
        assertEquals(417, copying.bytesPerSecond(), "1,250 bytes in 3 s");
        assertEquals(1_800, copying.etaMs(), "750 bytes left at 1,250 per 3 s");
        m.phase(Phase.UPSERT);
        ImportProgress upsert = heard.get(heard.size() - 1);
        assertEquals(0, upsert.etaMs(), "every byte read");
        assertEquals(0, upsert.rowsPerSecond(), "the upsert pass counts no rows");
    }

    @Test
    void passesPerKind() {
        assertEquals(3, ImportMeter.passesOf(FileKind.CIS));
        assertEquals(3, ImportMeter.passesOf(FileKind.RELATIONS));
        assertEquals(2, ImportMeter.passesOf(FileKind.METRICS));
        assertEquals(2, ImportMeter.passesOf(FileKind.EVENTS));
    }
}

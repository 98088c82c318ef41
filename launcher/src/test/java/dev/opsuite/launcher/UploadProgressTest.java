package dev.opsuite.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.json.ModelJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines `./ops import` makes of the product's progress events. */
class UploadProgressTest {

    @Test
    void aLineOfTheProductsFigures() throws Exception {
        JsonNode first = event("validate", 50_000, 0, 0, 2_000_000, 16_000_000, 500);
        JsonNode second = event("validate", 150_000, 0, 0, 6_000_000, 16_000_000, 1_500);
        // rates between the two events; how far and the ETA over all the passes' bytes at the average rate
        assertEquals("validate 150,000 rows  100,000 rows/s  4.0 MB/s  37%  ETA 3 s", UploadProgress.served(second, first));
        assertEquals("validate 50,000 rows  100,000 rows/s  4.0 MB/s  12%  ETA 4 s", UploadProgress.served(first, null));
        // a new pass counts its own rows from its start
        JsonNode copy = event("copy", 200_000, 20_000, 0, 9_000_000, 16_000_000, 2_500);
        assertEquals("copy     20,000 rows  20,000 rows/s  3.0 MB/s  56%  ETA 2 s", UploadProgress.served(copy, second));
        assertEquals("upsert   200,000 rows  storing them in the estate tables",
                UploadProgress.served(event("upsert", 200_000, 200_000, 0, 16_000_000, 16_000_000, 4_000), copy));
        assertEquals("validate 1,000 rows  1,000 rows/s  0.1 MB/s  0%  ETA 2m39s  3 refused",
                UploadProgress.served(event("validate", 1_000, 0, 3, 100_000, 16_000_000, 1_000), null));
        // the product's own ETA when the event carries one (eta_ms), not one computed here
        com.fasterxml.jackson.databind.node.ObjectNode withEta = (com.fasterxml.jackson.databind.node.ObjectNode)
                second.deepCopy();
        withEta.put("eta_ms", 95_000);
        assertEquals("validate 150,000 rows  100,000 rows/s  4.0 MB/s  37%  ETA 1m35s",
                UploadProgress.served(withEta, first));
    }

    @Test
    void atMostALinePerIntervalButEveryNewPass() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        UploadProgress p = new UploadProgress(new PrintStream(err, true, StandardCharsets.UTF_8), 0, 60_000, false);
        p.served("m.csv", event("validate", 1, 0, 0, 10, 100, 1));
        p.served("m.csv", event("validate", 2, 0, 0, 20, 100, 2));
        p.served("m.csv", event("copy", 2, 1, 0, 60, 100, 3));
        p.ended();
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(List.of(true, true), lines.stream().map(l -> l.startsWith("m.csv  ")).toList());
    }

    private static JsonNode event(String phase, long read, long written, long refused, long bytes, long total, long ms)
            throws Exception {
        return ModelJson.MAPPER.readTree(("{\"phase\":\"%s\",\"rows_read\":%d,\"rows_written\":%d,\"rows_refused\":%d,"
                + "\"bytes_consumed\":%d,\"bytes_total\":%d,\"elapsed_ms\":%d}")
                .formatted(phase, read, written, refused, bytes, total, ms));
    }
}

package dev.opsuite.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A long metrics.csv cut into files of {@code days} UTC days each, as an operator imports a long history:
 * one file per period, each its own transaction under the importer's statement timeout (a 100 M-row file
 * in one transaction ran past the importer's 30 minutes on a loaded 2-core machine). Rows keep their order
 * within a file; the source is deleted once cut.
 */
final class MetricChunks {
    private MetricChunks() {}

    /** The chunk files in time order, named metrics-000.csv, metrics-001.csv, …, beside the source. */
    static List<Path> cut(Path metrics, int days) throws IOException {
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1: " + days);
        }
        TreeMap<Long, BufferedWriter> writers = new TreeMap<>();
        TreeMap<Long, Path> files = new TreeMap<>();
        LocalDate first = null;
        try (BufferedReader in = Files.newBufferedReader(metrics, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                LocalDate day = LocalDate.parse(line.substring(0, 10)); // ts is ISO-8601 UTC, as written
                if (first == null) {
                    first = day;
                }
                long chunk = Math.floorDiv(ChronoUnit.DAYS.between(first, day), days);
                BufferedWriter w = writers.get(chunk);
                if (w == null) {
                    Path f = metrics.resolveSibling("metrics-chunk" + (chunk < 0 ? "m" + -chunk : chunk) + ".csv");
                    w = Files.newBufferedWriter(f, StandardCharsets.UTF_8);
                    w.write(header);
                    w.write('\n');
                    writers.put(chunk, w);
                    files.put(chunk, f);
                }
                w.write(line);
                w.write('\n');
            }
        } finally {
            for (BufferedWriter w : writers.values()) {
                w.close();
            }
        }
        Files.delete(metrics);
        return new ArrayList<>(files.values());
    }
}

package dev.opsuite.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Data directories of the end-to-end stacks (PostgreSQL, Neo4j, demo CSV: 150–250 MB each), made
 * under the system temp directory and removed when the stack is stopped, so repeated test runs do
 * not fill the disk.
 */
final class TempData {
    private TempData() {}

    static Path create(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the tree; what cannot be deleted (a store still holding a file) is left and named. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    System.err.println("test data left behind: " + f + " (" + e.getMessage() + ")");
                }
            });
        } catch (IOException e) {
            System.err.println("test data left behind: " + dir + " (" + e.getMessage() + ")");
        }
    }
}

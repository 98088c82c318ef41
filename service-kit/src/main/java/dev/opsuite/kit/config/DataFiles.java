package dev.opsuite.kit.config;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files of the data directory: written whole or not at all, secrets readable by the owner only. */
public final class DataFiles {
    private DataFiles() {}

    /**
     * Writes {@code data} beside {@code file} and moves it into place, so a reader never sees half a
     * file; with {@code secret} the file is rw------- from the start (else rw-r--r--).
     */
    public static void writeAtomically(Path file, byte[] data, boolean secret) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            permissions(tmp, secret ? "rw-------" : "rw-r--r--");
            Files.write(tmp, data);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Sets POSIX permissions ("rwx------") where the file system has them; elsewhere the directory's protection applies. */
    public static void permissions(Path p, String perms) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}

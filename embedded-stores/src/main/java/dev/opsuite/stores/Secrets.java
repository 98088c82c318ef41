package dev.opsuite.stores;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** Files only this user may read: store passwords made at the first start, configs that hold them. */
final class Secrets {
    private Secrets() {}

    /** The password kept in {@code file}, made (24 random bytes, URL-safe base64, 0600) when missing. */
    static String passwordIn(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] b = new byte[24];
            new SecureRandom().nextBytes(b);
            writePrivate(file, Base64.getUrlEncoder().withoutPadding().encodeToString(b) + "\n");
        }
        return Files.readString(file).strip();
    }

    /** Writes {@code text} to {@code file} atomically, readable by this user only. */
    static void writePrivate(Path file, String text) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // no POSIX permissions here: the data directory's own protection applies
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

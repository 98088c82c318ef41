package dev.opsuite.launcher;

import dev.opsuite.kit.config.Env;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The API key the command-line tools present: OPS_API_KEY when set, else the admin key the first
 * start wrote to the data directory (OPS_ADMIN_KEY_FILE, default $OPS_DATA_DIR/admin.key).
 */
public final class CliAuth {
    private CliAuth() {}

    public static Optional<String> token(Env env) {
        Optional<String> given = env.get("OPS_API_KEY").map(String::strip).filter(s -> !s.isEmpty());
        if (given.isPresent()) {
            return given;
        }
        Path file = Path.of(env.get("OPS_ADMIN_KEY_FILE", env.get("OPS_DATA_DIR", "data") + "/admin.key"));
        try {
            return Files.isReadable(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    .filter(s -> !s.isEmpty()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The authorization header value, or empty for an anonymous call. */
    public static Optional<String> bearer(Optional<String> token) {
        return token.map(t -> "Bearer " + t);
    }
}

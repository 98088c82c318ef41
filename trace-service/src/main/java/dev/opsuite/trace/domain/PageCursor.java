package dev.opsuite.trace.domain;

import dev.opsuite.model.errors.OpsException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Keyset position in the newest-first order (created_at DESC, trace_id DESC): the next page
 * starts strictly after this (created_at, trace_id). Ties on created_at are broken by trace_id,
 * so pages neither repeat nor skip traces. Encoded as an opaque, URL-safe token.
 */
public record PageCursor(Instant createdAt, String traceId) {
    private static final String VERSION = "1";

    public String encode() {
        String plain = VERSION + "|" + createdAt + "|" + traceId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a token produced by {@link #encode()}; anything else is INVALID_ARGUMENT. */
    public static PageCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\|", 3);
            if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[2].isEmpty()) {
                throw OpsException.invalid("page_token is not valid");
            }
            return new PageCursor(Instant.parse(parts[1]), parts[2]);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw OpsException.invalid("page_token is not valid");
        }
    }
}

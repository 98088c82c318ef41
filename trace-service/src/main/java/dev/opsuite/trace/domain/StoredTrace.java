package dev.opsuite.trace.domain;

import java.time.Instant;

/**
 * A trace read back, and the time it is listed under. The body is the bytes as written
 * ({@code body}); rows stored before binary storage have only their proto JSON ({@code legacyJson}).
 * Exactly one of the two is not null.
 */
public record StoredTrace(byte[] body, String legacyJson, Instant createdAt) {
    public StoredTrace {
        if ((body == null) == (legacyJson == null)) {
            throw new IllegalArgumentException("a stored trace has exactly one body");
        }
    }
}

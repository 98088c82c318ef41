package dev.opsuite.trace.domain;

import java.time.Instant;

/** A trace read back: the body as it was written, and the time it is listed under. */
public record StoredTrace(String bodyJson, Instant createdAt) {
}

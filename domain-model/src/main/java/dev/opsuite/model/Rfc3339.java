package dev.opsuite.model;

import dev.opsuite.model.errors.OpsException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Instants written by callers (filters such as a trace list's since/until): RFC 3339 with an offset or Z. */
public final class Rfc3339 {
    private Rfc3339() {}

    /** The instant in request field {@code field}; null when blank; an invalid-argument error naming the field otherwise. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() > 64) {
                throw new DateTimeParseException("too long", value, 64);
            }
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw OpsException.invalidField(field, field + " must be an RFC 3339 instant with an offset, e.g. "
                    + "2026-12-03T09:00:00+09:00 or 2026-12-03T00:00:00Z");
        }
    }

    /** since (inclusive) before until (exclusive) when both are given. */
    public static void window(Instant since, Instant until) {
        if (since != null && until != null && !since.isBefore(until)) {
            throw OpsException.invalidField("until", "until must be after since");
        }
    }
}

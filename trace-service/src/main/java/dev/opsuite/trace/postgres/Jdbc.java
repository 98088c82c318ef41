package dev.opsuite.trace.postgres;

import dev.opsuite.model.errors.OpsException;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small JDBC helpers shared by the adapters. */
final class Jdbc {
    private Jdbc() {}

    /**
     * Turns a driver failure into a domain error: connection trouble and timeouts are UNAVAILABLE
     * (the caller may retry), anything else INTERNAL. The message names the operation, not the SQL.
     */
    static OpsException failure(String operation, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTransientException || state.startsWith("08") || state.equals("57014")
                || state.startsWith("53") || state.equals("40001") || state.equals("40P01")) {
            return OpsException.unavailable("trace database unavailable during " + operation + " (" + state + ")", e);
        }
        return new OpsException(dev.opsuite.model.errors.ErrorCode.INTERNAL,
                "trace database error during " + operation + " (" + state + ")", e);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** JSON text of a value (maps and lists of plain values), for a jsonb column. */
    static String json(Object value) {
        try {
            return dev.opsuite.kit.json.ModelJson.MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static com.fasterxml.jackson.databind.JsonNode readJson(String text) {
        try {
            return dev.opsuite.kit.json.ModelJson.MAPPER.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new OpsException(dev.opsuite.model.errors.ErrorCode.INTERNAL, "stored JSON cannot be read", e);
        }
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

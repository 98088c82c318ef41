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

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}

package dev.opsuite.executor.postgres;

import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.sql.SQLException;
import java.sql.SQLTransientException;

/** SQL failures as domain errors: transient ones (connection, timeout) are UNAVAILABLE / retryable. */
final class SqlFailures {
    private SqlFailures() {}

    /** As below, with {@code scrub} applied to the driver's message (secrets resolved for the source). */
    static OpsException toOps(String source, SQLException e, java.util.function.UnaryOperator<String> scrub) {
        OpsException o = toOps(source, e);
        String clean = scrub.apply(o.getMessage());
        return clean.equals(o.getMessage()) ? o : new OpsException(o.code(), clean);
    }

    static OpsException toOps(String source, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e instanceof SQLTransientException || state.startsWith("08") || state.startsWith("53")
                || state.startsWith("57P")) {
            return new OpsException(ErrorCode.UNAVAILABLE, "source " + source + " is unavailable (" + state + ")", e);
        }
        if ("57014".equals(state)) {
            return new OpsException(ErrorCode.DEADLINE_EXCEEDED, "source " + source + ": statement timed out", e);
        }
        if ("25006".equals(state)) {
            return new OpsException(ErrorCode.POLICY_DENIED, "source " + source + " is read-only", e);
        }
        return new OpsException(ErrorCode.INVALID_ARGUMENT, "source " + source + " rejected the query (" + state + "): "
                + firstLine(e.getMessage()), e);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

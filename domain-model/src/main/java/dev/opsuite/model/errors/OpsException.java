package dev.opsuite.model.errors;

/** A failure the caller should see with a clear, safe message (never a stack trace). */
public class OpsException extends RuntimeException {
    private final ErrorCode code;
    private final String field;

    public OpsException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public OpsException(ErrorCode code, String message, Throwable cause) {
        this(code, message, cause, null);
    }

    private OpsException(ErrorCode code, String message, Throwable cause, String field) {
        super(message, cause);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The request field at fault (a path such as "question" or "options.max_rows"), or null. */
    public String field() {
        return field;
    }

    public static OpsException invalid(String message) {
        return new OpsException(ErrorCode.INVALID_ARGUMENT, message);
    }

    /** INVALID_ARGUMENT for one field of the request: gRPC callers get it as a BadRequest field violation. */
    public static OpsException invalidField(String field, String message) {
        return new OpsException(ErrorCode.INVALID_ARGUMENT, message, null, field);
    }

    public static OpsException failedPrecondition(String message) {
        return new OpsException(ErrorCode.FAILED_PRECONDITION, message);
    }

    public static OpsException unauthenticated(String message) {
        return new OpsException(ErrorCode.UNAUTHENTICATED, message);
    }

    public static OpsException denied(String message) {
        return new OpsException(ErrorCode.POLICY_DENIED, message);
    }

    public static OpsException notFound(String message) {
        return new OpsException(ErrorCode.NOT_FOUND, message);
    }

    public static OpsException unavailable(String message, Throwable cause) {
        return new OpsException(ErrorCode.UNAVAILABLE, message, cause);
    }

    /** UNAVAILABLE because a circuit breaker is open: not worth retrying within this request. */
    public static OpsException knownDown(String message) {
        return new KnownDownException(message);
    }
}

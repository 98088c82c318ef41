package dev.opsuite.model.errors;

/** A failure the caller should see with a clear, safe message (never a stack trace). */
public class OpsException extends RuntimeException {
    private final ErrorCode code;

    public OpsException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public OpsException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static OpsException invalid(String message) {
        return new OpsException(ErrorCode.INVALID_ARGUMENT, message);
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

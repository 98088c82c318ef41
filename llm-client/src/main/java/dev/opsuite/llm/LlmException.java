package dev.opsuite.llm;

/** No usable completion arrived; says why, after how many retries and how long. */
public final class LlmException extends RuntimeException {
    /** timeout: the deadline passed; rate_limited / server_error: retries exhausted; refused: a 4xx; io; bad_response. */
    public enum Kind { TIMEOUT, RATE_LIMITED, SERVER_ERROR, REFUSED, IO, BAD_RESPONSE }

    private final Kind kind;
    private final int retries;
    private final int latencyMs;

    public LlmException(Kind kind, String message, int retries, int latencyMs, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retries = retries;
        this.latencyMs = latencyMs;
    }

    public Kind kind() {
        return kind;
    }

    public int retries() {
        return retries;
    }

    public int latencyMs() {
        return latencyMs;
    }

    /** e.g. "server_error: HTTP 500 after 2 retries". */
    public String summary() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + getMessage();
    }
}

package dev.opsuite.model.errors;

/**
 * UNAVAILABLE from an open circuit breaker: the store or service is known down and only a
 * background probe closes the breaker again, so retrying within the same request cannot help —
 * callers fail the request at once instead of spending their retry budget on it.
 */
public final class KnownDownException extends OpsException {
    public KnownDownException(String message) {
        super(ErrorCode.UNAVAILABLE, message);
    }
}

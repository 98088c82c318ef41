package dev.opsuite.model.errors;

/**
 * Domain error codes. Each edge maps them once: to a gRPC status in the services, to an HTTP
 * status and envelope code at the REST edge. The numeric code is the envelope's {@code code}.
 */
public enum ErrorCode {
    INVALID_ARGUMENT(400),
    /** The request is well formed but the state refuses it (e.g. archiving the published default). */
    FAILED_PRECONDITION(400),
    NOT_FOUND(404),
    UNAUTHENTICATED(401),
    POLICY_DENIED(403),
    CONFLICT(409),
    /** The operation ran and was refused on what it found (e.g. a publish gate that failed). */
    ABORTED(409),
    /** RESOURCE_EXHAUSTED too; only the ErrorInfo reason tells it from TOO_MANY_REQUESTS (413 over REST). */
    PAYLOAD_TOO_LARGE(413),
    /** A caller over its rate or in-flight limit, or a queue full: RESOURCE_EXHAUSTED, 429 over REST. */
    TOO_MANY_REQUESTS(429),
    UNAVAILABLE(503),
    DEADLINE_EXCEEDED(504),
    INTERNAL(500);

    private final int envelopeCode;

    ErrorCode(int envelopeCode) {
        this.envelopeCode = envelopeCode;
    }

    public int envelopeCode() {
        return envelopeCode;
    }
}

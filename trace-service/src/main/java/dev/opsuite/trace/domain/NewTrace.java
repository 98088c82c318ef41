package dev.opsuite.trace.domain;

/**
 * A trace as received for storage: its scalar fields (indexed for listing) plus the whole trace
 * as opaque bytes (its binary protobuf encoding). {@code createdAt} is the RFC 3339 text the
 * caller sent, possibly empty.
 */
public record NewTrace(String traceId, String parentTraceId, String feature, String endpoint, String method,
                       String opsMode, String question, String status, String route, int durationMs,
                       String createdAt, byte[] body, String caller) {
}

package dev.opsuite.trace.domain;

import java.util.Map;

/**
 * A trace as received for storage: its scalar fields (indexed for listing) plus the whole trace
 * as opaque bytes (its binary protobuf encoding). {@code createdAt} is the RFC 3339 text the
 * caller sent, possibly empty. {@code planShape} and {@code stageMs} are read from the trace
 * (dev.opsuite.model.PlanShape; milliseconds per stage, summed over its runs).
 */
public record NewTrace(String traceId, String parentTraceId, String feature, String endpoint, String method,
                       String opsMode, String question, String status, String route, int durationMs,
                       String createdAt, byte[] body, String caller, String planShape, Map<String, Integer> stageMs) {
    public NewTrace(String traceId, String parentTraceId, String feature, String endpoint, String method,
                    String opsMode, String question, String status, String route, int durationMs,
                    String createdAt, byte[] body, String caller) {
        this(traceId, parentTraceId, feature, endpoint, method, opsMode, question, status, route, durationMs,
                createdAt, body, caller, "", Map.of());
    }
}

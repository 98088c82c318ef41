package dev.opsuite.trace.domain;

import java.time.Instant;
import java.util.Map;

/** A validated trace, ready for the store. Empty text fields are "" (the store may keep them as NULL). */
public record TraceRecord(String traceId, String parentTraceId, String feature, String endpoint, String method,
                          String opsMode, String question, String status, String route, int durationMs,
                          Instant createdAt, byte[] body, String caller, String planShape,
                          Map<String, Integer> stageMs) {
}

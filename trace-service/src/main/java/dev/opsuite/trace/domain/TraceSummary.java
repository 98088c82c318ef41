package dev.opsuite.trace.domain;

import java.time.Instant;

/** One line of a trace listing. Absent text fields are "". */
public record TraceSummary(String traceId, String parentTraceId, String feature, String endpoint, String question,
                           String status, String route, int durationMs, Instant createdAt, String caller) {
}

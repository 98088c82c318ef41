package dev.opsuite.trace.domain;

import java.time.Instant;
import java.util.Map;

/** One line of a trace listing. Absent text fields are "", an absent stageMs is empty. */
public record TraceSummary(String traceId, String parentTraceId, String feature, String endpoint, String question,
                           String status, String route, int durationMs, Instant createdAt, String caller,
                           String planShape, Map<String, Integer> stageMs) {
}

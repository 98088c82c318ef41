package dev.opsuite.executor.domain;

import java.util.Map;

/** One tool call as the trace records it; {@code source} the Source it read ("mock:name" for a fixture). */
public record ToolCallRecord(String tool, int elapsedMs, Map<String, Object> inputParams, String outputSummary,
                             String error, String source) {}

package dev.opsuite.trace.domain;

/**
 * Filters of a trace search; null means "any". {@code questionContains} matches case-insensitively
 * and literally (wildcards in it are plain characters).
 */
public record TraceFilter(String questionContains, String route, String status, String feature,
                          String parentTraceId, String caller, String planShape) {

    /** Blank strings (proto's "unset") become null. */
    public static TraceFilter of(String q, String route, String status, String feature, String parentTraceId,
                                 String caller) {
        return of(q, route, status, feature, parentTraceId, caller, "");
    }

    public static TraceFilter of(String q, String route, String status, String feature, String parentTraceId,
                                 String caller, String planShape) {
        return new TraceFilter(blankToNull(q), blankToNull(route), blankToNull(status), blankToNull(feature),
                blankToNull(parentTraceId), blankToNull(caller), blankToNull(planShape));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

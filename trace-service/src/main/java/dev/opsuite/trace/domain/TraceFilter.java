package dev.opsuite.trace.domain;

import dev.opsuite.model.Rfc3339;
import java.time.Instant;

/**
 * Filters of a trace search; null means "any". {@code questionContains} matches case-insensitively
 * and literally (wildcards in it are plain characters). {@code since} is inclusive, {@code until}
 * exclusive (the trace's created_at).
 */
public record TraceFilter(String questionContains, String route, String status, String feature,
                          String parentTraceId, String caller, String planShape, Instant since, Instant until) {

    /** Blank strings (proto's "unset") become null. */
    public static TraceFilter of(String q, String route, String status, String feature, String parentTraceId,
                                 String caller) {
        return of(q, route, status, feature, parentTraceId, caller, "");
    }

    public static TraceFilter of(String q, String route, String status, String feature, String parentTraceId,
                                 String caller, String planShape) {
        return of(q, route, status, feature, parentTraceId, caller, planShape, "", "");
    }

    /** As above, with a time window of RFC 3339 instants ("" = open); an unreadable or empty window is refused. */
    public static TraceFilter of(String q, String route, String status, String feature, String parentTraceId,
                                 String caller, String planShape, String since, String until) {
        Instant from = Rfc3339.instant("since", since);
        Instant to = Rfc3339.instant("until", until);
        Rfc3339.window(from, to);
        return new TraceFilter(blankToNull(q), blankToNull(route), blankToNull(status), blankToNull(feature),
                blankToNull(parentTraceId), blankToNull(caller), blankToNull(planShape), from, to);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

package dev.opsuite.trace.domain;

import dev.opsuite.model.errors.OpsException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The trace system of record: validated batch writes, fetch by id, newest-first search. */
public final class Traces {
    public static final int MAX_ID_LENGTH = 128;
    /** A bound per call; the conductor's batches are far smaller, and the gRPC message size caps bytes. */
    public static final int MAX_BATCH = 1_000;
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    static final int MAX_STAGES = 32;

    private final TraceStore store;
    private final Clock clock;

    public Traces(TraceStore store, Clock clock) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Stores the batch in one transaction; traces already stored (same trace_id) are skipped, so a
     * retried batch is harmless. Any invalid trace rejects the whole batch, naming it.
     *
     * @return how many traces were newly stored
     */
    public int write(List<NewTrace> batch) {
        if (batch.isEmpty()) {
            return 0;
        }
        if (batch.size() > MAX_BATCH) {
            throw OpsException.invalid("at most " + MAX_BATCH + " traces per call, got " + batch.size());
        }
        // PostgreSQL keeps microseconds; truncating here keeps the listed time and cursors exact.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<TraceRecord> records = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            records.add(validate(i, batch.get(i), now));
        }
        return store.insertAll(records);
    }

    public StoredTrace fetch(String traceId) {
        checkId("trace_id", traceId);
        return store.find(traceId).orElseThrow(() -> OpsException.notFound("trace '" + traceId + "' not found"));
    }

    /**
     * Newest first. {@code limit} 0 means {@value #DEFAULT_LIMIT}; larger than {@value #MAX_LIMIT}
     * is capped. {@code pageToken} is "" or a token from a previous page.
     */
    public TracePage search(TraceFilter filter, int limit, String pageToken) {
        if (limit < 0) {
            throw OpsException.invalid("limit must not be negative, got " + limit);
        }
        int pageSize = limit == 0 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        if (filter.parentTraceId() != null) {
            checkId("parent_trace_id", filter.parentTraceId());
        }
        if (filter.planShape() != null && filter.planShape().length() > dev.opsuite.model.PlanShape.MAX_LENGTH) {
            throw OpsException.invalid("plan_shape is longer than " + dev.opsuite.model.PlanShape.MAX_LENGTH
                    + " characters");
        }
        PageCursor after = pageToken == null || pageToken.isBlank() ? null : PageCursor.decode(pageToken.trim());
        // One extra row tells whether another page exists without a count query.
        List<TraceSummary> rows = store.search(filter, after, pageSize + 1);
        if (rows.size() <= pageSize) {
            return new TracePage(rows, "");
        }
        List<TraceSummary> page = List.copyOf(rows.subList(0, pageSize));
        TraceSummary last = page.get(pageSize - 1);
        return new TracePage(page, new PageCursor(last.createdAt(), last.traceId()).encode());
    }

    private static TraceRecord validate(int index, NewTrace t, Instant now) {
        String where = "traces[" + index + "]";
        if (t.traceId() == null || t.traceId().isEmpty()) {
            throw OpsException.invalid(where + ": trace_id is required");
        }
        where = where + " (trace_id " + abbreviate(t.traceId()) + ")";
        if (t.traceId().length() > MAX_ID_LENGTH) {
            throw OpsException.invalid(where + ": trace_id is longer than " + MAX_ID_LENGTH + " characters");
        }
        if (nz(t.parentTraceId()).length() > MAX_ID_LENGTH) {
            throw OpsException.invalid(where + ": parent_trace_id is longer than " + MAX_ID_LENGTH + " characters");
        }
        // PostgreSQL text cannot hold U+0000; say so instead of failing the batch obscurely. The body is
        // bytes and may hold it.
        for (String s : new String[] {t.traceId(), t.parentTraceId(), t.feature(), t.endpoint(), t.method(),
                t.opsMode(), t.question(), t.status(), t.route()}) {
            if (s != null && s.indexOf('\0') >= 0) {
                throw OpsException.invalid(where + ": text fields must not contain the NUL character");
            }
        }
        if (t.body() == null) {
            throw OpsException.invalid(where + ": the trace body is missing");
        }
        return new TraceRecord(t.traceId(), nz(t.parentTraceId()), nz(t.feature()), nz(t.endpoint()),
                nz(t.method()), nz(t.opsMode()), nz(t.question()), nz(t.status()), nz(t.route()), t.durationMs(),
                createdAt(where, t.createdAt(), now), t.body(), nz(t.caller()), nz(t.planShape()), stageMs(t.stageMs()));
    }

    /** At most {@value #MAX_STAGES} stages (a trace has five, some run again) with names of text; derived, never refused. */
    private static Map<String, Integer> stageMs(Map<String, Integer> in) {
        Map<String, Integer> out = new TreeMap<>();
        if (in != null) {
            in.forEach((stage, ms) -> {
                if (out.size() < MAX_STAGES && !stage.isEmpty() && stage.length() <= 64 && stage.indexOf('\0') < 0) {
                    out.put(stage, Math.max(0, ms));
                }
            });
        }
        return out;
    }

    private static Instant createdAt(String where, String text, Instant now) {
        if (text == null || text.isBlank()) {
            return now;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw OpsException.invalid(where + ": created_at '" + abbreviate(text)
                    + "' is not an RFC 3339 time (e.g. 2026-01-25T10:30:00Z)");
        }
    }

    private static void checkId(String field, String id) {
        if (id == null || id.isEmpty()) {
            throw OpsException.invalid(field + " is required");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw OpsException.invalid(field + " is longer than " + MAX_ID_LENGTH + " characters");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 64 ? "'" + s + "'" : "'" + s.substring(0, 64) + "…'";
    }
}

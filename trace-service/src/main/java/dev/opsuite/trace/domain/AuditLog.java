package dev.opsuite.trace.domain;

import dev.opsuite.model.errors.OpsException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The audit log: append and search, with the checks every event passes before it is stored. */
public final class AuditLog {
    /** @param eventId the writer's id of the event ("" none): a second write of the same id is not stored */
    public record Event(long id, Instant at, String principal, String action, String target, String outcome,
                        String remote, String detail, String eventId) {}

    public record Page(List<Event> events, long nextBeforeId) {}

    /** The store (PostgreSQL in production). */
    public interface Store {
        int append(List<Event> events);

        List<Event> search(int limit, long beforeId, String principal, String action, String outcome);
    }

    static final Set<String> OUTCOMES = Set.of("ok", "denied", "unauthenticated", "rate_limited", "invalid", "failed");
    static final int MAX_BATCH = 1_000;
    static final int MAX_TEXT = 1_000;
    static final int MAX_EVENT_ID = 64;

    private final Store store;

    public AuditLog(Store store) {
        this.store = store;
    }

    public int append(List<Event> events) {
        if (events.size() > MAX_BATCH) {
            throw OpsException.invalid("at most " + MAX_BATCH + " audit events per batch");
        }
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            String where = "events[" + i + "]";
            if (e.action().isBlank()) {
                throw OpsException.invalid(where + ".action is required");
            }
            if (!OUTCOMES.contains(e.outcome())) {
                throw OpsException.invalid(where + ".outcome must be one of " + OUTCOMES);
            }
            if (e.eventId().length() > MAX_EVENT_ID || e.eventId().indexOf('\0') >= 0) {
                throw OpsException.invalid(where + ".event_id is at most " + MAX_EVENT_ID + " characters, without NUL");
            }
            for (String s : List.of(e.principal(), e.action(), e.target(), e.remote(), e.detail())) {
                if (s.length() > MAX_TEXT || s.indexOf('\0') >= 0) {
                    throw OpsException.invalid(where + ": text fields are at most " + MAX_TEXT
                            + " characters, without NUL");
                }
            }
        }
        return events.isEmpty() ? 0 : store.append(events);
    }

    public Page search(int limit, long beforeId, String principal, String action, String outcome) {
        if (limit < 0 || limit > 500) {
            throw OpsException.invalid("limit must be between 1 and 500");
        }
        if (beforeId < 0) {
            throw OpsException.invalid("before_id must not be negative");
        }
        int n = limit == 0 ? 50 : limit;
        List<Event> events = store.search(n + 1, beforeId, blank(principal), blank(action), blank(outcome));
        boolean more = events.size() > n;
        List<Event> page = more ? events.subList(0, n) : events;
        return new Page(List.copyOf(page), more ? page.get(page.size() - 1).id() : 0);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}

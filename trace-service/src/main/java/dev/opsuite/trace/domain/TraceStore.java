package dev.opsuite.trace.domain;

import java.util.List;
import java.util.Optional;

/** Port: where traces are kept. */
public interface TraceStore {

    /**
     * Inserts the batch atomically, skipping traces whose id is already stored (also duplicates
     * within the batch). Returns how many rows were actually inserted.
     */
    int insertAll(List<TraceRecord> batch);

    Optional<StoredTrace> find(String traceId);

    /** Up to {@code limit} traces, newest first, strictly after {@code after} when it is not null. */
    List<TraceSummary> search(TraceFilter filter, PageCursor after, int limit);
}

package dev.opsuite.conductor;

import dev.opsuite.proto.v1.Trace;
import java.util.Optional;

/** Where finished traces go; implementations must not block the caller on the trace store. */
public interface TraceSink {
    void submit(Trace trace);

    /** A trace not yet confirmed stored (read-your-writes for GET /ops/traces/{id}). */
    Optional<Trace> pending(String traceId);
}

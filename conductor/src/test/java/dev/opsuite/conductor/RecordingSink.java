package dev.opsuite.conductor;

import dev.opsuite.proto.v1.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The traces handed over for storage, in order; each is "pending" (read-your-writes) from then on. */
final class RecordingSink implements TraceSink {
    final List<Trace> submitted = new ArrayList<>();

    @Override
    public void submit(Trace trace) {
        submitted.add(trace);
    }

    @Override
    public Optional<Trace> pending(String traceId) {
        return submitted.stream().filter(t -> t.getTraceId().equals(traceId)).reduce((a, b) -> b);
    }

    /** The one trace written; fails when there is not exactly one. */
    Trace only() {
        if (submitted.size() != 1) {
            throw new AssertionError("expected one trace, got " + submitted.size() + ": "
                    + submitted.stream().map(Trace::getFeature).toList());
        }
        return submitted.get(0);
    }

    Trace last() {
        return submitted.get(submitted.size() - 1);
    }
}

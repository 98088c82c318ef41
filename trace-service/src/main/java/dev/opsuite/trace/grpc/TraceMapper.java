package dev.opsuite.trace.grpc;

import dev.opsuite.kit.errors.OpsException;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.trace.domain.NewTrace;
import dev.opsuite.trace.domain.StoredTrace;
import dev.opsuite.trace.domain.TraceSummary;
import java.util.ArrayList;
import java.util.List;

/** Trace protos ↔ trace domain values. The whole Trace travels through the domain as proto JSON. */
final class TraceMapper {
    private TraceMapper() {}

    static List<NewTrace> toNewTraces(List<Trace> traces) {
        List<NewTrace> out = new ArrayList<>(traces.size());
        for (int i = 0; i < traces.size(); i++) {
            out.add(toNewTrace(i, traces.get(i)));
        }
        return out;
    }

    private static NewTrace toNewTrace(int index, Trace t) {
        String body;
        try {
            body = TraceJson.print(t);
        } catch (RuntimeException e) {
            // e.g. a Struct number that is NaN or infinite has no JSON form
            throw OpsException.invalid("traces[" + index + "] (trace_id '" + t.getTraceId()
                    + "') cannot be stored as JSON: " + rootMessage(e));
        }
        return new NewTrace(t.getTraceId(), t.getParentTraceId(), t.getFeature(), t.getEndpoint(), t.getMethod(),
                t.getOpsMode(), t.getQuestion(), t.getStatus(), t.getRoute(), t.getDurationMs(), t.getCreatedAt(),
                body);
    }

    /** The stored trace; created_at filled with the listed time when the writer left it empty. */
    static Trace toProto(StoredTrace stored) {
        Trace.Builder b = Structs.fromJson(stored.bodyJson(), Trace.newBuilder());
        if (b.getCreatedAt().isEmpty()) {
            b.setCreatedAt(stored.createdAt().toString());
        }
        return b.build();
    }

    static dev.opsuite.proto.v1.TraceSummary toProto(TraceSummary s) {
        return dev.opsuite.proto.v1.TraceSummary.newBuilder()
                .setTraceId(s.traceId())
                .setParentTraceId(s.parentTraceId())
                .setFeature(s.feature())
                .setEndpoint(s.endpoint())
                .setQuestion(s.question())
                .setStatus(s.status())
                .setRoute(s.route())
                .setDurationMs(s.durationMs())
                .setCreatedAt(s.createdAt().toString())
                .build();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

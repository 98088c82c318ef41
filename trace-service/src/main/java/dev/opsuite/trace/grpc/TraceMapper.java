package dev.opsuite.trace.grpc;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.PlanShape;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.trace.domain.NewTrace;
import dev.opsuite.trace.domain.StoredTrace;
import dev.opsuite.trace.domain.TraceSummary;
import java.util.ArrayList;
import java.util.List;

/** Trace protos ↔ trace domain values. The whole Trace travels through the domain as opaque bytes. */
final class TraceMapper {
    private TraceMapper() {}

    /**
     * Each trace is checked and its indexed fields read in one pass over its encoding
     * ({@link TraceWire}), and stored as received.
     */
    static List<NewTrace> toNewTraces(RawTraceBatch batch) {
        List<byte[]> traces = batch.traces();
        List<NewTrace> out = new ArrayList<>(traces.size());
        for (int i = 0; i < traces.size(); i++) {
            byte[] encoded = traces.get(i);
            TraceWire.Header h;
            try {
                h = TraceWire.scan(encoded);
            } catch (InvalidProtocolBufferException e) {
                throw OpsException.invalid("traces[" + i + "] is not a valid ops.v1.Trace: " + e.getMessage());
            } catch (TraceWire.NonFiniteNumber e) {
                throw OpsException.invalid("traces[" + i + "] cannot be stored: " + e.getMessage());
            }
            TraceTimings.Read timings = TraceTimings.read(encoded);
            String shape = PlanShape.of(h.text(Trace.FEATURE_FIELD_NUMBER), h.text(Trace.OPS_MODE_FIELD_NUMBER),
                    h.text(Trace.ROUTE_FIELD_NUMBER), timings.intent(), timings.view());
            out.add(new NewTrace(h.text(Trace.TRACE_ID_FIELD_NUMBER), h.text(Trace.PARENT_TRACE_ID_FIELD_NUMBER),
                    h.text(Trace.FEATURE_FIELD_NUMBER), h.text(Trace.ENDPOINT_FIELD_NUMBER),
                    h.text(Trace.METHOD_FIELD_NUMBER), h.text(Trace.OPS_MODE_FIELD_NUMBER),
                    h.text(Trace.QUESTION_FIELD_NUMBER), h.text(Trace.STATUS_FIELD_NUMBER),
                    h.text(Trace.ROUTE_FIELD_NUMBER), h.durationMs(), h.text(Trace.CREATED_AT_FIELD_NUMBER), encoded,
                    h.text(Trace.CALLER_FIELD_NUMBER), shape, timings.stageMs()));
        }
        return out;
    }

    /** The stored trace; created_at filled with the listed time when the writer left it empty. */
    static Trace toProto(StoredTrace stored) {
        Trace t = decode(stored);
        return t.getCreatedAt().isEmpty() ? t.toBuilder().setCreatedAt(stored.createdAt().toString()).build() : t;
    }

    /** Binary bodies; rows stored before binary storage hold proto JSON. */
    static Trace decode(StoredTrace stored) {
        if (stored.legacyJson() != null) {
            return Structs.fromJson(stored.legacyJson(), Trace.newBuilder()).build();
        }
        try {
            return Trace.parseFrom(stored.body());
        } catch (InvalidProtocolBufferException e) {
            throw new OpsException(ErrorCode.INTERNAL, "stored trace cannot be decoded: " + e.getMessage(), e);
        }
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
                .setCaller(s.caller())
                .setDurationMs(s.durationMs())
                .setCreatedAt(s.createdAt().toString())
                .setPlanShape(s.planShape())
                .putAllStageMs(s.stageMs())
                .build();
    }
}

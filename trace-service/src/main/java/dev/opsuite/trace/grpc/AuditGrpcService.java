package dev.opsuite.trace.grpc;

import dev.opsuite.kit.grpc.Unary;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AuditEvent;
import dev.opsuite.proto.v1.AuditServiceGrpc;
import dev.opsuite.proto.v1.SearchAuditEventsRequest;
import dev.opsuite.proto.v1.SearchAuditEventsResponse;
import dev.opsuite.proto.v1.WriteAuditEventsRequest;
import dev.opsuite.proto.v1.WriteAuditEventsResponse;
import dev.opsuite.trace.domain.AuditLog;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Thin gRPC layer over {@link AuditLog}. */
public final class AuditGrpcService extends AuditServiceGrpc.AuditServiceImplBase {
    private final AuditLog log;
    private final TraceServiceMeters meters;

    public AuditGrpcService(AuditLog log) {
        this(log, TraceServiceMeters.off());
    }

    public AuditGrpcService(AuditLog log, TraceServiceMeters meters) {
        this.log = log;
        this.meters = meters;
    }

    @Override
    public void writeAuditEvents(WriteAuditEventsRequest request, StreamObserver<WriteAuditEventsResponse> out) {
        Unary.respond(out, () -> {
            List<AuditLog.Event> events = new ArrayList<>(request.getEventsCount());
            for (AuditEvent e : request.getEventsList()) {
                Instant at;
                try {
                    at = e.getAt().isEmpty() ? Instant.now() : Instant.parse(e.getAt());
                } catch (DateTimeParseException x) {
                    throw OpsException.invalid("audit event at must be an RFC 3339 instant");
                }
                events.add(new AuditLog.Event(0, at, e.getPrincipal(), e.getAction(), e.getTarget(), e.getOutcome(),
                        e.getRemote(), e.getDetail(), e.getEventId()));
            }
            int written = log.append(events);
            meters.auditEvents(events.size(), written);
            return WriteAuditEventsResponse.newBuilder().setWritten(written).build();
        });
    }

    @Override
    public void searchAuditEvents(SearchAuditEventsRequest r, StreamObserver<SearchAuditEventsResponse> out) {
        Unary.respond(out, () -> {
            AuditLog.Page page = log.search(r.getLimit(), r.getBeforeId(), r.getPrincipal(), r.getAction(),
                    r.getOutcome());
            SearchAuditEventsResponse.Builder b = SearchAuditEventsResponse.newBuilder()
                    .setNextBeforeId(page.nextBeforeId());
            for (AuditLog.Event e : page.events()) {
                b.addEvents(AuditEvent.newBuilder().setId(e.id()).setAt(e.at().toString()).setPrincipal(e.principal())
                        .setAction(e.action()).setTarget(e.target()).setOutcome(e.outcome()).setRemote(e.remote())
                        .setDetail(e.detail()).setEventId(e.eventId()));
            }
            return b.build();
        });
    }
}

package dev.opsuite.gateway.auth;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.proto.v1.AuditEvent;
import dev.opsuite.proto.v1.WriteAuditEventsRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's side of the audit log: every asset write, publish, archive, schema scan, key
 * change, import, demo removal and metric retention (with its outcome), and every refused request (unauthenticated,
 * denied, rate limited), queued and written to trace-service (PostgreSQL, ops.audit) in batches by
 * one thread, off the request path. Bounded: a full queue drops the event and counts it (logged);
 * a failed batch is retried with backoff while the gateway runs.
 */
public final class AuditTrail implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    /** Operations recorded whatever their outcome; everything else only when refused. */
    public static final Set<String> AUDITED = Set.of("CreateAssetVersion", "PublishAssetVersion", "ArchiveAssetVersion",
            "ScanSourceSchema", "CreateApiKey", "RevokeApiKey", "RemoveDemoEstate", "Import", "CreateGoldenQuery",
            "SetGoldenBaseline", "DeleteGoldenQuery", "ReviewAssetVersion", "ApplyRetention");
    private static final Set<String> NEVER_IN_TARGET = Set.of("content", "token", "password", "secret", "params",
            "test_plan", "patch");
    private static final int TARGET_MAX = 300;

    private final BlockingQueue<AuditEvent> queue;
    private final Consumer<WriteAuditEventsRequest> writer;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread worker;
    private volatile boolean closed;

    public AuditTrail(Consumer<WriteAuditEventsRequest> writer, int capacity) {
        this.writer = writer;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.worker = new Thread(this::drain, "audit-trail");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    /** Records one event (never blocks; a full queue drops it). */
    public void record(String principal, String action, String target, String outcome, String remote, String detail) {
        AuditEvent e = AuditEvent.newBuilder().setAt(Instant.now().toString()).setPrincipal(bound(principal))
                .setAction(bound(action)).setTarget(bound(target)).setOutcome(outcome).setRemote(bound(remote))
                .setDetail(bound(detail))
                // the store keeps one row per id: a batch sent again after a trace-service replica died is not doubled
                .setEventId(java.util.UUID.randomUUID().toString()).build();
        if (!queue.offer(e)) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                log.warn("audit queue full: {} events dropped so far", n);
            }
        }
    }

    /** Records the request of the current context. */
    public void record(ServiceRequestContext ctx, String principal, String action, String target, String outcome,
                       String detail) {
        record(principal, action, target, outcome, ctx == null || ctx.remoteAddress() == null ? ""
                : ctx.remoteAddress().getAddress().getHostAddress(), detail);
    }

    public long dropped() {
        return dropped.get();
    }

    /** The outcome word for a refusal or failure of this code. */
    public static String outcome(ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED -> "unauthenticated";
            case POLICY_DENIED -> "denied";
            case TOO_MANY_REQUESTS -> "rate_limited";
            case INVALID_ARGUMENT, FAILED_PRECONDITION, NOT_FOUND, CONFLICT, ABORTED, PAYLOAD_TOO_LARGE -> "invalid";
            default -> "failed";
        };
    }

    /** A request's identifying fields ("asset_type=query name=ci_queries version=3"), never contents or secrets. */
    public static String target(Message request) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<FieldDescriptor, Object> f : request.getAllFields().entrySet()) {
            FieldDescriptor d = f.getKey();
            String name = d.getName();
            if (d.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    || NEVER_IN_TARGET.stream().anyMatch(n -> name.toLowerCase(Locale.ROOT).contains(n))) {
                continue;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(name).append('=').append(f.getValue());
            if (b.length() > TARGET_MAX) {
                break;
            }
        }
        return b.toString();
    }

    private static String bound(String s) {
        String t = s == null ? "" : s.replace('\0', ' ');
        return t.length() > 500 ? t.substring(0, 500) + "…" : t;
    }

    private void drain() {
        List<AuditEvent> batch = new ArrayList<>();
        long backoff = 100;
        while (!closed || !queue.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    AuditEvent first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, 199);
                }
                writer.accept(WriteAuditEventsRequest.newBuilder().addAllEvents(batch).build());
                batch.clear();
                backoff = 100;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    log.warn("audit: {} events not written at shutdown: {}", batch.size() + queue.size(), e.getMessage());
                    return;
                }
                log.warn("audit: writing {} events failed, retrying in {} ms: {}", batch.size(), backoff, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    /** Writes what is queued (bounded wait), then stops. */
    @Override
    public void close() {
        closed = true;
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

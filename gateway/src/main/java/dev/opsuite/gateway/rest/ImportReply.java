package dev.opsuite.gateway.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.sse.ServerSentEvent;
import com.linecorp.armeria.common.stream.StreamMessage;
import com.linecorp.armeria.common.stream.StreamWriter;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.streaming.ServerSentEvents;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.proto.v1.ImportFileResponse;
import dev.opsuite.proto.v1.ImportProgress;
import io.netty.util.AttributeKey;
import java.util.concurrent.CompletableFuture;

/**
 * How POST /ops/import/{kind} answers: once, as it always has ({@link #plain}), or — for a caller whose
 * Accept header names {@code text/event-stream} — as Server-Sent Events ({@link #events}): {@code
 * event: progress} (data: phase, rows_read, rows_written, rows_refused, bytes_consumed, bytes_total,
 * elapsed_ms, rows_per_second, bytes_per_second and, once a byte is read, eta_ms) as the executor reports them, then {@code event: result} (data: what the plain
 * answer carries as data), or {@code event: error} (data: the plain answer's error envelope). A failure
 * before the first event (a wrong kind, a body over the bound, a full import queue) is the plain HTTP
 * error. Callbacks come from gRPC and the uploading thread; the first answer wins.
 */
abstract class ImportReply {
    /** The status a streamed import ended with, for the audit (its HTTP status is 200 once it streams). */
    static final AttributeKey<HttpStatus> ENDED_WITH = AttributeKey.valueOf(ImportReply.class, "ENDED_WITH");
    private static final ResponseHeaders SSE = ResponseHeaders.builder(HttpStatus.OK)
            .contentType(MediaType.EVENT_STREAM).add("cache-control", "no-cache").build();

    final CompletableFuture<HttpResponse> response = new CompletableFuture<>();

    abstract void progress(ImportProgress p);

    abstract void result(ImportFileResponse r);

    /** A failure, as the envelope the plain answer carries ({@link Envelopes}). */
    abstract void failure(AggregatedHttpResponse envelope);

    /**
     * Events when the Accept header names text/event-stream with a quality above 0; anything else —
     * none, {@code *}{@code /*}, {@code text/*}, a type we do not stream, a value that does not parse —
     * gets the plain answer.
     */
    static boolean wantsEvents(RequestHeaders headers) {
        for (String value : headers.getAll("accept")) {
            for (String one : value.split(",")) {
                try {
                    MediaType type = MediaType.parse(one.strip());
                    if ("text".equals(type.type()) && "event-stream".equals(type.subtype())
                            && type.qualityFactor() > 0) {
                        return true;
                    }
                } catch (IllegalArgumentException e) {
                    // not a media type: ignored, as a server may
                }
            }
        }
        return false;
    }

    static ImportReply plain() {
        return new ImportReply() {
            @Override
            void progress(ImportProgress p) {
            }

            @Override
            void result(ImportFileResponse r) {
                // the data only, in the envelope every REST answer has
                response.complete(RestEnvelope.wrap(AggregatedHttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8,
                        data(r).toString())));
            }

            @Override
            void failure(AggregatedHttpResponse envelope) {
                response.complete(envelope.toHttpResponse());
            }
        };
    }

    static ImportReply events(ServiceRequestContext ctx) {
        return new Events(ctx);
    }

    /** Today's answer's data: the import's figures. */
    static ObjectNode data(ImportFileResponse r) {
        ObjectNode data = ModelJson.MAPPER.createObjectNode();
        data.put("file_kind", r.getFileKind());
        data.put("file_name", r.getFileName());
        data.put("rows_read", r.getRowsRead());
        data.put("rows_upserted", r.getRowsUpserted());
        data.put("duration_ms", r.getDurationMs());
        return data;
    }

    static ObjectNode progressData(ImportProgress p) {
        ObjectNode data = ModelJson.MAPPER.createObjectNode();
        data.put("phase", p.getPhase());
        data.put("rows_read", p.getRowsRead());
        data.put("rows_written", p.getRowsWritten());
        data.put("rows_refused", p.getRowsRefused());
        data.put("bytes_consumed", p.getBytesConsumed());
        data.put("bytes_total", p.getBytesTotal());
        data.put("elapsed_ms", p.getElapsedMs());
        data.put("rows_per_second", p.getRowsPerSecond());
        data.put("bytes_per_second", p.getBytesPerSecond());
        if (p.getEtaMs() >= 0 && (p.getEtaMs() > 0 || p.getBytesConsumed() > 0)) { // -1 (or unset): not known yet
            data.put("eta_ms", p.getEtaMs());
        }
        return data;
    }

    /**
     * The event stream: within a pass, at most one progress event waits for the client (a newer one is
     * dropped while it does, so a slow reader costs one event of memory); the first of each pass and the
     * last event always go.
     * A client that leaves does not stop the import: as with the plain answer, it runs to its end.
     */
    private static final class Events extends ImportReply {
        private final ServiceRequestContext ctx;
        private final StreamWriter<ServerSentEvent> events = StreamMessage.streaming();
        private boolean waiting;
        private String phase = "";

        Events(ServiceRequestContext ctx) {
            this.ctx = ctx;
        }

        @Override
        synchronized void progress(ImportProgress p) {
            start();
            // a new pass always goes (five at most); within one, a newer figure waits for none
            if (!events.isOpen() || waiting && phase.equals(p.getPhase())) {
                return;
            }
            phase = p.getPhase();
            waiting = true;
            events.tryWrite(sse("progress", progressData(p).toString()));
            events.whenConsumed().whenComplete((v, t) -> {
                synchronized (this) {
                    waiting = false;
                }
            });
        }

        @Override
        synchronized void result(ImportFileResponse r) {
            start();
            events.tryWrite(sse("result", data(r).toString()));
            events.close();
        }

        @Override
        synchronized void failure(AggregatedHttpResponse envelope) {
            if (response.complete(envelope.toHttpResponse())) {
                events.abort();
                return;
            }
            if (events.isOpen()) {
                ctx.setAttr(ENDED_WITH, envelope.status());
                events.tryWrite(sse("error", envelope.contentUtf8()));
                events.close();
            }
        }

        private void start() {
            response.complete(ServerSentEvents.fromPublisher(SSE, events));
        }

        private static ServerSentEvent sse(String name, String data) {
            return ServerSentEvent.builder().event(name).data(data).build();
        }
    }
}

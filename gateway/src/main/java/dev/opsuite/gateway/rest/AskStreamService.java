package dev.opsuite.gateway.rest;

import com.linecorp.armeria.common.AggregatedHttpRequest;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.ContentTooLargeException;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.common.sse.ServerSentEvent;
import com.linecorp.armeria.common.stream.StreamMessage;
import com.linecorp.armeria.common.stream.StreamWriter;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.streaming.ServerSentEvents;
import dev.opsuite.conductor.Conductor;
import dev.opsuite.gateway.grpc.AskStreams;
import dev.opsuite.kit.grpc.GrpcErrors;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.AskStreamRequest;
import dev.opsuite.proto.v1.AskStreamResponse;
import dev.opsuite.proto.v1.OpsServiceGrpc;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /ops/ci/ask/stream}: AskStream as Server-Sent Events, for curl and browsers. The body
 * is Ask's, read with the REST edge's JSON mapping ({@link RestJson}); the gate (role, caller limits)
 * has admitted the call before it gets here, and the server bounds the body. A failure before the
 * first stage has finished — the body, a field, a value, a draft the caller may not use, a store
 * down — answers the plain HTTP error in the REST envelope that POST /ops/ci/ask would, and no
 * stream. Then {@code event: stage} per stage run (data: a StageProgress), {@code event: answer}
 * (data: the AskResponse, Ask's {@code data}) and the end of the stream; a failure after the stream
 * began is one {@code event: error} whose data is the REST error envelope
 * {@code {time, code, message, data: {trace_id}}}. A client that disconnects cancels the ask.
 * Nothing here runs on an event loop but the hand-over: the body is read, checked and asked on a
 * blocking-task thread.
 */
public final class AskStreamService implements HttpService {
    private static final Logger log = LoggerFactory.getLogger(AskStreamService.class);
    private static final ResponseHeaders SSE = ResponseHeaders.builder(HttpStatus.OK)
            .contentType(MediaType.EVENT_STREAM).add("cache-control", "no-cache").build();

    private final AskStreams asks;
    private final RestJson json;
    private final EnvelopeErrorHandler errors;

    public AskStreamService(AskStreams asks, RestJson json, EnvelopeErrorHandler errors) {
        this.asks = asks;
        this.json = json;
        this.errors = errors;
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        MediaType type = req.contentType();
        if (type == null || !type.isJson()) {
            // as the transcoded POST /ops/ci/ask: a body that is not JSON is refused before it is read
            return refusal(ctx, OpsException.invalid("the body must be JSON (content-type: application/json)"));
        }
        CompletableFuture<HttpResponse> response = new CompletableFuture<>();
        req.aggregate().handleAsync((body, failure) -> {
            if (failure != null) {
                response.complete(unread(failure));
                return null;
            }
            AskRequest ask;
            try {
                ask = asks.check(parse(body));
            } catch (RuntimeException e) {
                response.complete(refusal(ctx, e));
                return null;
            }
            stream(ask, response);
            return null;
        }, ctx.blockingTaskExecutor());
        return HttpResponse.of(response);
    }

    private AskStreamRequest parse(AggregatedHttpRequest body) {
        byte[] bytes = body.content().isEmpty() ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : body.content().array();
        try {
            return json.read(OpsServiceGrpc.getAskStreamMethod(), bytes);
        } catch (IOException | RuntimeException e) {
            throw OpsException.invalid("invalid request body: malformed JSON or a field of the wrong type");
        }
    }

    /**
     * Runs the ask on this (blocking-task) thread. The response starts with the first stage event: a
     * failure before it (the caller may not use a draft, the asset registry is down…) is the plain HTTP
     * error POST /ops/ci/ask would answer; one after it is an error event.
     */
    private void stream(AskRequest ask, CompletableFuture<HttpResponse> response) {
        StreamWriter<ServerSentEvent> events = StreamMessage.streaming();
        CompletableFuture<Void> gone = new CompletableFuture<>();
        // an aborted stream is a client that left (a normal end completes it without a cause)
        events.whenComplete().whenComplete((v, cause) -> {
            if (cause != null) {
                gone.complete(null);
            }
        });
        try {
            asks.run(ask, new AskStreams.Events() {
                @Override
                public boolean send(AskStreamResponse event) {
                    boolean sent = events.tryWrite(event.hasStage() ? sse("stage", json.write(event.getStage()))
                            : sse("answer", json.write(event.getAnswer())));
                    response.complete(ServerSentEvents.fromPublisher(SSE, events));
                    return sent;
                }

                @Override
                public boolean gone() {
                    return !events.isOpen();
                }
            }, gone);
            events.close();
        } catch (Conductor.TracedFailure f) {
            end(response, events, f.failure(), f.traceId());
        } catch (RuntimeException e) {
            end(response, events, e, null);
        }
    }

    /** A failure: the HTTP error when no event was sent yet, else the last event. */
    private static void end(CompletableFuture<HttpResponse> response, StreamWriter<ServerSentEvent> events,
                            Throwable t, String traceId) {
        AggregatedHttpResponse envelope = Envelopes.of(GrpcErrors.toStatus(t),
                GrpcErrors.errorInfo(GrpcErrors.details(t, traceId)));
        if (response.complete(envelope.toHttpResponse())) {
            events.abort();
        } else {
            events.tryWrite(sse("error", envelope.contentUtf8()));
            events.close();
        }
    }

    /** A request refused before any event: the envelope of the failure, as the other routes render it. */
    private HttpResponse refusal(ServiceRequestContext ctx, Throwable failure) {
        return errors.onServiceException(ctx, failure);
    }

    /**
     * The body could not be read whole: over the server's bound (413), or the exchange already ended
     * (the server answered 413 from the content-length, or the client left) — nothing is left to tell.
     */
    private static HttpResponse unread(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof ContentTooLargeException) {
            return Envelopes.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, null).toHttpResponse();
        }
        log.debug("ask stream body not read", t);
        return Envelopes.of(HttpStatus.BAD_REQUEST, "the request body could not be read").toHttpResponse();
    }

    private static ServerSentEvent sse(String name, String data) {
        return ServerSentEvent.builder().event(name).data(data).build();
    }
}

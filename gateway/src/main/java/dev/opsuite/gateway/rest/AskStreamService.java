package dev.opsuite.gateway.rest;

import com.linecorp.armeria.common.AggregatedHttpRequest;
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
 * has admitted the call before it gets here, and the server bounds the body. Everything wrong with
 * the request — body, fields, values — answers a plain HTTP error in the REST envelope before any
 * event, as POST /ops/ci/ask would. Then {@code event: stage} per stage run (data: a StageProgress),
 * {@code event: answer} (data: the AskResponse, Ask's {@code data}) and the end of the stream; a
 * failure after the stream began is one {@code event: error} whose data is the REST error envelope
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
        CompletableFuture<HttpResponse> response = new CompletableFuture<>();
        req.aggregate().handleAsync((body, failure) -> {
            if (failure != null) {
                response.complete(refusal(ctx, failure));
                return null;
            }
            AskRequest ask;
            try {
                ask = asks.check(parse(body));
            } catch (RuntimeException e) {
                response.complete(refusal(ctx, e));
                return null;
            }
            StreamWriter<ServerSentEvent> events = StreamMessage.streaming();
            response.complete(ServerSentEvents.fromPublisher(SSE, events));
            stream(ask, events);
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
            // the words POST /ops/ci/ask answers a body that does not parse into the request with
            throw OpsException.invalid("invalid request body: malformed JSON or a field of the wrong type");
        }
    }

    /** Runs the ask on this (blocking-task) thread, writing its events until it ends or the client leaves. */
    private void stream(AskRequest ask, StreamWriter<ServerSentEvent> events) {
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
                    return events.tryWrite(event.hasStage() ? sse("stage", json.write(event.getStage()))
                            : sse("answer", json.write(event.getAnswer())));
                }

                @Override
                public boolean gone() {
                    return !events.isOpen();
                }
            }, gone);
        } catch (Conductor.TracedFailure f) {
            events.tryWrite(sse("error", envelope(f.failure(), f.traceId())));
        } catch (RuntimeException e) {
            events.tryWrite(sse("error", envelope(e, null)));
        } finally {
            events.close();
        }
    }

    /** The REST error envelope of a failure, as POST /ops/ci/ask would answer it. */
    private static String envelope(Throwable t, String traceId) {
        return Envelopes.of(GrpcErrors.toStatus(t), GrpcErrors.errorInfo(GrpcErrors.details(t, traceId)))
                .contentUtf8();
    }

    private HttpResponse refusal(ServiceRequestContext ctx, Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof ContentTooLargeException) {
            return Envelopes.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, null).toHttpResponse();
        }
        if (!(t instanceof OpsException)) {
            log.debug("ask stream refused on {}", ctx.path(), t);
        }
        return errors.onServiceException(ctx, t);
    }

    private static ServerSentEvent sse(String name, String data) {
        return ServerSentEvent.builder().event(name).data(data).build();
    }
}

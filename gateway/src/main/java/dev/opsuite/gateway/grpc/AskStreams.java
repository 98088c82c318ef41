package dev.opsuite.gateway.grpc;

import com.linecorp.armeria.server.ServiceRequestContext;
import dev.opsuite.conductor.Conductor;
import dev.opsuite.conductor.StageListener;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.AskStreamRequest;
import dev.opsuite.proto.v1.AskStreamResponse;
import dev.opsuite.proto.v1.StageProgress;
import io.grpc.Context;
import java.util.concurrent.CompletionStage;

/**
 * AskStream's one implementation, behind both of its edges — gRPC ({@link OpsGrpcService#askStream})
 * and Server-Sent Events ({@code rest/AskStreamService}): the request checked as Ask's, the conductor
 * run with a {@link StageListener} that sends each finished stage as a {@link StageProgress}, then the
 * answer. Runs on a blocking-task thread, in the call's request context.
 *
 * <p>The caller leaving — its context cancelled (a gRPC cancel, a closed connection, the request
 * timeout), {@code gone} completing, or an event it can no longer be sent — cancels a gRPC context
 * the ask runs under: the stage call in flight (a blocking stub, which inherits it) is cancelled, the
 * conductor starts no further stage, and the trace is written with status cancelled.
 */
public final class AskStreams {
    /** The REST path, and the trace's endpoint. */
    public static final String ENDPOINT = "/ops/ci/ask/stream";

    /** Where the events of one ask go. */
    public interface Events {
        /** Sends one event; false when the caller can no longer be written to. */
        boolean send(AskStreamResponse event);

        /** Whether the caller is gone (checked before each stage). */
        boolean gone();
    }

    private final Conductor conductor;
    private final RequestChecks checks;

    public AskStreams(Conductor conductor, RequestChecks checks) {
        this.conductor = conductor;
        this.checks = checks;
    }

    /** The request as Ask's, checked as Ask's (INVALID_ARGUMENT naming the field at fault). */
    public AskRequest check(AskStreamRequest request) {
        AskRequest ask = asAsk(request);
        checks.ask(ask);
        return ask;
    }

    /**
     * The gRPC edge: a client that cancels is seen through the request context (the cancel handler of
     * the observer would only run after this method returns): the stage call in flight is cancelled
     * with it and no other stage starts.
     */
    void serve(AskStreamRequest request, io.grpc.stub.StreamObserver<AskStreamResponse> observer) {
        io.grpc.stub.ServerCallStreamObserver<AskStreamResponse> call =
                (io.grpc.stub.ServerCallStreamObserver<AskStreamResponse>) observer;
        // set, so that an event sent after a cancel is dropped instead of thrown
        call.setOnCancelHandler(() -> { });
        try {
            run(check(request), new Events() {
                @Override
                public boolean send(AskStreamResponse event) {
                    if (call.isCancelled()) {
                        return false;
                    }
                    call.onNext(event);
                    return true;
                }

                @Override
                public boolean gone() {
                    return call.isCancelled();
                }
            }, new java.util.concurrent.CompletableFuture<Void>());
        } catch (Throwable t) {
            GrpcFailures.fail(observer, t);
            return;
        }
        observer.onCompleted();
    }

    /**
     * Runs the checked ask, sending each stage as it finishes and then the answer. A failure is thrown
     * as Ask's would be ({@link Conductor.TracedFailure} naming the trace); an ask whose caller left
     * ends the same way, the trace status cancelled.
     */
    public void run(AskRequest ask, Events events, CompletionStage<?> gone) {
        Context.CancellableContext call = Context.current().withCancellation();
        ServiceRequestContext ctx = ServiceRequestContext.currentOrNull();
        if (ctx != null) {
            ctx.whenRequestCancelling().thenAccept(call::cancel);
        }
        gone.whenComplete((ignored, cause) -> call.cancel(cause));
        StageListener listener = new StageListener() {
            @Override
            public void finished(StageEvent e) {
                if (!events.send(AskStreamResponse.newBuilder().setStage(progress(e)).build())) {
                    call.cancel(null);
                }
            }

            @Override
            public boolean cancelled() {
                if (!call.isCancelled() && events.gone()) {
                    call.cancel(null);
                }
                return call.isCancelled();
            }
        };
        Context previous = call.attach();
        try {
            Conductor.Outcome outcome = conductor.ask(ask, CallerRoles.current(), ENDPOINT, "ci", listener);
            events.send(AskStreamResponse.newBuilder().setAnswer(outcome.data()).build());
        } finally {
            call.detach(previous);
            call.close();
        }
    }

    static StageProgress progress(StageListener.StageEvent e) {
        return StageProgress.newBuilder().setSeq(e.seq()).setStage(e.stage()).setStatus(e.status())
                .setDurationMs(e.durationMs()).setSummary(e.summary()).addAllReplans(e.replans()).build();
    }

    /** AskStreamRequest mirrors AskRequest field for field (AskStreamMirrorTest): the bytes carry over. */
    static AskRequest asAsk(AskStreamRequest request) {
        try {
            return AskRequest.parseFrom(request.toByteString());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException("AskStreamRequest no longer mirrors AskRequest", e);
        }
    }
}

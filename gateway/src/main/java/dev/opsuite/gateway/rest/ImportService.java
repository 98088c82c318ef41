package dev.opsuite.gateway.rest;

import com.google.protobuf.ByteString;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.opsuite.proto.v1.EstateServiceGrpc;
import dev.opsuite.proto.v1.ImportFileRequest;
import dev.opsuite.proto.v1.ImportFileStreamRequest;
import dev.opsuite.proto.v1.ImportFileStreamResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * POST /ops/import/{kind}: streams a CSV body (or, for kind document, one Markdown or text
 * document, named by its path under docs/ and optionally a collection) to executor-service's
 * EstateService.ImportFileStream with gRPC flow control (never more than a few chunks in flight), on
 * the blocking executor, and answers as {@link ImportReply} says: once, as always, or — asked with
 * {@code Accept: text/event-stream} — the import's progress as Server-Sent Events, then the same result
 * or error envelope as a last event.
 *
 * <p>Why a stream on the request itself rather than an import job id with a progress GET: the progress
 * belongs to the one exchange that carries the file, so nothing outlives it — no job registry to bound,
 * expire, authorise per caller or share between gateway replicas behind a balancer — and a caller that
 * does not ask sees no change at all. The stream is the house's (POST /ops/ci/ask/stream), read by curl
 * {@code -N} and by {@code ./ops import}. The executor reports at most every 100 ms; the events are
 * written from gRPC's threads, never an event loop's, and at most one waits for a slow client.
 */
public final class ImportService implements HttpService {
    private static final Set<String> KINDS = Set.of("cis", "relations", "metrics", "events", "document");
    /** A document's path under docs/: letters (any script), digits, '._ -' and '/', no '..' step. */
    private static final java.util.regex.Pattern DOC_PATH = java.util.regex.Pattern.compile(
            "(?!.*(^|/)\\.\\.(/|$))[\\p{L}\\p{N}._ -][\\p{L}\\p{N}._ /-]{0,299}");
    private static final int CHUNK = 256 * 1024;

    private final ManagedChannel executor;
    private final long maxBytes;

    private final java.util.concurrent.atomic.AtomicLong generation;

    public ImportService(ManagedChannel executor, long maxBytes, java.util.concurrent.atomic.AtomicLong generation) {
        this.executor = executor;
        this.maxBytes = maxBytes;
        this.generation = generation;
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) {
        String kind = ctx.pathParam("kind");
        if (kind == null || !KINDS.contains(kind)) {
            return Envelopes.of(HttpStatus.BAD_REQUEST, "file kind must be one of " + KINDS).toHttpResponse();
        }
        boolean document = kind.equals("document");
        String fileName = ctx.queryParam("file_name") == null ? (document ? "" : kind + ".csv")
                : ctx.queryParam("file_name");
        if (document ? !DOC_PATH.matcher(fileName).matches() : !fileName.matches("[A-Za-z0-9_.-]{1,100}")) {
            return Envelopes.of(HttpStatus.BAD_REQUEST, document
                    ? "file_name must be the document's relative path under docs/ (letters, digits, '._ -/', no '..')"
                    : "file_name must be a plain file name").toHttpResponse();
        }
        String collection = ctx.queryParam("collection") == null ? "" : ctx.queryParam("collection");
        if (!collection.isEmpty() && !collection.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            return Envelopes.of(HttpStatus.BAD_REQUEST,
                    "collection must be 1-64 lower-case letters, digits, '_' or '-'").toHttpResponse();
        }
        InputStream body = req.toInputStream(o -> o instanceof HttpData d ? d : HttpData.empty());
        ImportReply reply = ImportReply.wantsEvents(req.headers()) ? ImportReply.events(ctx) : ImportReply.plain();
        ctx.blockingTaskExecutor().execute(() -> send(kind, fileName, collection, body, reply));
        return HttpResponse.of(reply.response);
    }

    /** The status a streamed import ended with when it ended in an error event, else the one sent. */
    public static HttpStatus endedWith(ServiceRequestContext ctx, HttpStatus sent) {
        HttpStatus ended = ctx.attr(ImportReply.ENDED_WITH);
        return ended == null ? sent : ended;
    }

    /** Uploads the body on this (blocking-task) thread; the reply hears of the import from gRPC's. */
    private void send(String kind, String fileName, String collection, InputStream body, ImportReply reply) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Object lock = new Object();
        ClientResponseObserver<ImportFileStreamRequest, ImportFileStreamResponse> responses = new ClientResponseObserver<>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<ImportFileStreamRequest> requestStream) {
                requestStream.setOnReadyHandler(() -> {
                    synchronized (lock) {
                        lock.notifyAll();
                    }
                });
            }

            @Override
            public void onNext(ImportFileStreamResponse event) {
                if (event.hasProgress()) {
                    reply.progress(event.getProgress());
                } else if (event.hasResult()) {
                    generation.incrementAndGet(); // the planner reloads its estate dictionary before the next question
                    reply.result(event.getResult());
                    done.complete(null);
                }
            }

            @Override
            public void onError(Throwable t) {
                reply.failure(t instanceof StatusRuntimeException sre ? Envelopes.of(sre)
                        : Envelopes.of(Status.INTERNAL.withDescription("import failed")));
                done.complete(null);
                synchronized (lock) {
                    lock.notifyAll();
                }
            }

            @Override
            public void onCompleted() {
            }
        };
        ClientCallStreamObserver<ImportFileStreamRequest> requests = (ClientCallStreamObserver<ImportFileStreamRequest>)
                EstateServiceGrpc.newStub(executor).withDeadlineAfter(60, TimeUnit.MINUTES).importFileStream(responses);
        try (InputStream in = body) {
            requests.onNext(part(ImportFileRequest.newBuilder().setFileKind(kind).setFileName(fileName)
                    .setCollection(collection)));
            byte[] buf = new byte[CHUNK];
            int n;
            while ((n = in.readNBytes(buf, 0, CHUNK)) > 0 && !done.isDone()) {
                synchronized (lock) {
                    while (!requests.isReady() && !done.isDone()) {
                        lock.wait(100);
                    }
                }
                requests.onNext(part(ImportFileRequest.newBuilder().setChunk(ByteString.copyFrom(buf, 0, n))));
            }
            requests.onCompleted();
        } catch (IOException e) {
            // answered before the cancellation's own status can be
            reply.failure(Envelopes.of(HttpStatus.BAD_REQUEST, "request body could not be read: " + e.getMessage()));
            requests.onError(Status.CANCELLED.withDescription("request body broken").asRuntimeException());
        } catch (InterruptedException e) {
            reply.failure(Envelopes.of(HttpStatus.SERVICE_UNAVAILABLE, "import did not finish in time"));
            requests.onError(Status.CANCELLED.asRuntimeException());
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            reply.failure(e instanceof StatusRuntimeException sre ? Envelopes.of(sre) : Envelopes.of(Status.INTERNAL));
            requests.onError(Status.CANCELLED.asRuntimeException());
        }
    }

    private static ImportFileStreamRequest part(ImportFileRequest.Builder part) {
        return ImportFileStreamRequest.newBuilder().setPart(part).build();
    }
}

package dev.opsuite.gateway.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.proto.v1.EstateServiceGrpc;
import dev.opsuite.proto.v1.ImportFileRequest;
import dev.opsuite.proto.v1.ImportFileResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * POST /ops/import/{kind}: streams a CSV body (or, for kind document, one Markdown or text
 * document, named by its path under docs/ and optionally a collection) to executor-service's
 * EstateService.ImportFile with gRPC flow control (never more than a few chunks in flight), on the
 * blocking executor.
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
        CompletableFuture<HttpResponse> result = CompletableFuture.supplyAsync(
                () -> send(kind, fileName, collection, body), ctx.blockingTaskExecutor());
        return HttpResponse.of(result);
    }

    private HttpResponse send(String kind, String fileName, String collection, InputStream body) {
        CompletableFuture<ImportFileResponse> done = new CompletableFuture<>();
        Object lock = new Object();
        ClientResponseObserver<ImportFileRequest, ImportFileResponse> responses = new ClientResponseObserver<>() {
            @Override
            public void beforeStart(ClientCallStreamObserver<ImportFileRequest> requestStream) {
                requestStream.setOnReadyHandler(() -> {
                    synchronized (lock) {
                        lock.notifyAll();
                    }
                });
            }

            @Override
            public void onNext(ImportFileResponse value) {
                done.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
                synchronized (lock) {
                    lock.notifyAll();
                }
            }

            @Override
            public void onCompleted() {
            }
        };
        ClientCallStreamObserver<ImportFileRequest> requests = (ClientCallStreamObserver<ImportFileRequest>)
                EstateServiceGrpc.newStub(executor).withDeadlineAfter(60, TimeUnit.MINUTES).importFile(responses);
        try (InputStream in = body) {
            requests.onNext(ImportFileRequest.newBuilder().setFileKind(kind).setFileName(fileName)
                    .setCollection(collection).build());
            byte[] buf = new byte[CHUNK];
            int n;
            while ((n = in.readNBytes(buf, 0, CHUNK)) > 0 && !done.isDone()) {
                synchronized (lock) {
                    while (!requests.isReady() && !done.isDone()) {
                        lock.wait(100);
                    }
                }
                requests.onNext(ImportFileRequest.newBuilder().setChunk(ByteString.copyFrom(buf, 0, n)).build());
            }
            requests.onCompleted();
            ImportFileResponse r = done.get(60, TimeUnit.MINUTES);
            generation.incrementAndGet(); // the planner reloads its estate dictionary before the next question
            ObjectNode data = ModelJson.MAPPER.createObjectNode();
            data.put("file_kind", r.getFileKind());
            data.put("file_name", r.getFileName());
            data.put("rows_read", r.getRowsRead());
            data.put("rows_upserted", r.getRowsUpserted());
            data.put("duration_ms", r.getDurationMs());
            // the data only: RestEnvelope wraps it like every REST answer
            return HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, data.toString());
        } catch (ExecutionException e) {
            return (e.getCause() instanceof StatusRuntimeException sre ? Envelopes.of(sre)
                    : Envelopes.of(Status.INTERNAL.withDescription("import failed"))).toHttpResponse();
        } catch (IOException e) {
            requests.onError(Status.CANCELLED.withDescription("request body broken").asRuntimeException());
            return Envelopes.of(HttpStatus.BAD_REQUEST, "request body could not be read: " + e.getMessage())
                    .toHttpResponse();
        } catch (InterruptedException | TimeoutException e) {
            requests.onError(Status.CANCELLED.asRuntimeException());
            Thread.currentThread().interrupt();
            return Envelopes.of(HttpStatus.SERVICE_UNAVAILABLE, "import did not finish in time").toHttpResponse();
        } catch (RuntimeException e) {
            requests.onError(Status.CANCELLED.asRuntimeException());
            return (e instanceof StatusRuntimeException sre ? Envelopes.of(sre) : Envelopes.of(Status.INTERNAL))
                    .toHttpResponse();
        }
    }
}

package dev.opsuite.executor.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.opsuite.estate.EstateTestSupport;
import dev.opsuite.kit.grpc.GrpcServerRunner;
import dev.opsuite.proto.v1.EstateServiceGrpc;
import dev.opsuite.proto.v1.GetEstateStatsRequest;
import dev.opsuite.proto.v1.GetEstateStatsResponse;
import dev.opsuite.proto.v1.ImportFileRequest;
import dev.opsuite.proto.v1.ImportFileResponse;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** EstateService over real gRPC on loopback. */
class EstateGrpcServiceTest extends EstateTestSupport {
    private static final long MAX_BYTES = 4_096;
    private Path spool;
    private EstateGrpcService service;
    private GrpcServerRunner server;
    private ManagedChannel channel;

    @BeforeEach
    void serve() throws Exception {
        spool = Files.createDirectories(dir.resolve("spool"));
        service = new EstateGrpcService(importer, new EstateImportConfig(MAX_BYTES, 1, 2, spool));
        server = GrpcServerRunner.start("estate-test", "127.0.0.1", 0, List.of(service));
        channel = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    }

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
        service.close();
    }

    @Test
    void uploadsInChunksAndReportsStats() throws Exception {
        // 5-byte chunks split multi-byte Korean characters: the spool must keep raw bytes
        ImportFileResponse cis = upload("cis", "cis.csv", CIS.getBytes(StandardCharsets.UTF_8), 5);
        assertEquals(4, cis.getRowsRead());
        assertEquals(4, cis.getRowsUpserted());
        assertEquals("cis.csv", cis.getFileName());
        upload("relations", "relations.csv", RELATIONS.getBytes(StandardCharsets.UTF_8), 1024);
        ImportFileResponse metrics = upload("metrics", "/home/op/metrics.csv", METRICS.getBytes(StandardCharsets.UTF_8), 64);
        assertEquals("metrics.csv", metrics.getFileName());
        assertEquals(5, metrics.getRowsUpserted());

        GetEstateStatsResponse stats = EstateServiceGrpc.newBlockingStub(channel)
                .withDeadlineAfter(10, TimeUnit.SECONDS).getEstateStats(GetEstateStatsRequest.getDefaultInstance());
        assertEquals(GetEstateStatsResponse.newBuilder().setCis(4).setRelations(3).setMetricRows(5)
                .setGraphNodes(4).setGraphEdges(3).build(), stats);
        assertSpoolEmpty();
    }

    @Test
    void badFileIsInvalidArgumentWithItsLocation() throws Exception {
        upload("cis", "cis.csv", CIS.getBytes(StandardCharsets.UTF_8), 100);
        Status status = failure("metrics", "m.csv",
                "ts,ci_code,metric_name,value\n2026-11-25T10:00:00Z,SVR001,cpu_usage,abc\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
        assertEquals("m.csv line 2 column 4 (value): not a number: 'abc'", status.getDescription());
        assertEquals(0, importer.stats().metricRows());
        assertSpoolEmpty();
    }

    @Test
    void oversizedUploadIsResourceExhausted() throws Exception {
        Status status = failure("metrics", "big.csv", new byte[(int) MAX_BYTES + 1]);
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, status.getCode());
        assertTrue(status.getDescription().contains("limit of 4096 bytes"), status.getDescription());
        assertSpoolEmpty();
    }

    @Test
    void unknownKindAndEmptyStreamAreInvalidArguments() throws Exception {
        assertEquals(Status.Code.INVALID_ARGUMENT, failure("servers", "x.csv", new byte[10]).getCode());
        CompletableFuture<ImportFileResponse> done = new CompletableFuture<>();
        StreamObserver<ImportFileRequest> requests = stub().importFile(observer(done));
        requests.onCompleted();
        Status status = Status.fromThrowable(assertFails(done));
        assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
        assertTrue(status.getDescription().contains("file_kind"), status.getDescription());
        assertSpoolEmpty();
    }

    @Test
    void theStreamedImportReportsEachPhaseThenTheSameResult() throws Exception {
        ImportFileResponse plain = upload("cis", "cis.csv", CIS.getBytes(StandardCharsets.UTF_8), 100);
        List<dev.opsuite.proto.v1.ImportFileStreamResponse> events = streamed("cis", CIS);
        List<String> phases = events.stream().filter(e -> e.hasProgress()).map(e -> e.getProgress().getPhase())
                .distinct().toList();
        assertEquals(List.of("validate", "copy", "upsert", "graph"), phases);
        dev.opsuite.proto.v1.ImportFileStreamResponse last = events.get(events.size() - 1);
        assertEquals(plain.toBuilder().setRowsUpserted(0).setDurationMs(last.getResult().getDurationMs()).build(),
                last.getResult(), "the same file again: the same figures, nothing changed");
        assertEquals(3L * CIS.getBytes(StandardCharsets.UTF_8).length,
                events.get(0).getProgress().getBytesTotal());
        assertSpoolEmpty();
    }

    @Test
    void aStreamedImportOfABadFileEndsWithTheSameStatus() throws Exception {
        upload("cis", "cis.csv", CIS.getBytes(StandardCharsets.UTF_8), 100);
        CompletableFuture<List<dev.opsuite.proto.v1.ImportFileStreamResponse>> done = new CompletableFuture<>();
        List<dev.opsuite.proto.v1.ImportFileStreamResponse> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        sendStreamed("metrics", "ts,ci_code,metric_name,value\n2026-11-25T10:00:00Z,SVR001,cpu_usage,abc\n", seen, done);
        Status status = Status.fromThrowable(assertFails(done));
        assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
        assertEquals("metrics.csv line 2 column 4 (value): not a number: 'abc'", status.getDescription());
        assertEquals(List.of("validate"), seen.stream().map(e -> e.getProgress().getPhase()).distinct().toList());
        assertSpoolEmpty();
    }

    private List<dev.opsuite.proto.v1.ImportFileStreamResponse> streamed(String kind, String content) throws Exception {
        CompletableFuture<List<dev.opsuite.proto.v1.ImportFileStreamResponse>> done = new CompletableFuture<>();
        sendStreamed(kind, content, new java.util.concurrent.CopyOnWriteArrayList<>(), done);
        return done.get(30, TimeUnit.SECONDS);
    }

    private void sendStreamed(String kind, String content, List<dev.opsuite.proto.v1.ImportFileStreamResponse> seen,
                              CompletableFuture<List<dev.opsuite.proto.v1.ImportFileStreamResponse>> done) {
        StreamObserver<dev.opsuite.proto.v1.ImportFileStreamRequest> requests = stub().importFileStream(new StreamObserver<>() {
            @Override
            public void onNext(dev.opsuite.proto.v1.ImportFileStreamResponse value) {
                seen.add(value);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                done.complete(seen);
            }
        });
        requests.onNext(dev.opsuite.proto.v1.ImportFileStreamRequest.newBuilder().setPart(ImportFileRequest.newBuilder()
                .setFileKind(kind).setFileName(kind + ".csv").setChunk(ByteString.copyFromUtf8(content))).build());
        requests.onCompleted();
    }

    private ImportFileResponse upload(String kind, String name, byte[] content, int chunk) throws Exception {
        CompletableFuture<ImportFileResponse> done = new CompletableFuture<>();
        send(kind, name, content, chunk, done);
        return done.get(30, TimeUnit.SECONDS);
    }

    private Status failure(String kind, String name, byte[] content) throws Exception {
        CompletableFuture<ImportFileResponse> done = new CompletableFuture<>();
        send(kind, name, content, 1024, done);
        return Status.fromThrowable(assertFails(done));
    }

    private void send(String kind, String name, byte[] content, int chunk, CompletableFuture<ImportFileResponse> done) {
        StreamObserver<ImportFileRequest> requests = stub().importFile(observer(done));
        for (int off = 0; off < content.length || off == 0; off += chunk) {
            ImportFileRequest.Builder b = ImportFileRequest.newBuilder()
                    .setChunk(ByteString.copyFrom(content, off, Math.min(chunk, content.length - off)));
            if (off == 0) {
                b.setFileKind(kind).setFileName(name);
            }
            requests.onNext(b.build());
            if (content.length == 0) {
                break;
            }
        }
        requests.onCompleted();
    }

    private EstateServiceGrpc.EstateServiceStub stub() {
        return EstateServiceGrpc.newStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private static StreamObserver<ImportFileResponse> observer(CompletableFuture<ImportFileResponse> done) {
        return new StreamObserver<>() {
            private ImportFileResponse last;

            @Override
            public void onNext(ImportFileResponse value) {
                last = value;
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                done.complete(last);
            }
        };
    }

    private static Throwable assertFails(CompletableFuture<?> done) throws Exception {
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the call should have failed");
    }

    /** The spool is deleted after the answer is sent; allow the import thread a moment to finish. */
    private void assertSpoolEmpty() throws Exception {
        for (int i = 0; i < 50; i++) {
            try (Stream<Path> files = Files.list(spool)) {
                if (files.findAny().isEmpty()) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        try (Stream<Path> files = Files.list(spool)) {
            throw new AssertionError("spool not empty: " + files.toList());
        }
    }
}

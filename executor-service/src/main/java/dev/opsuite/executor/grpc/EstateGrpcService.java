package dev.opsuite.executor.grpc;

import dev.opsuite.estate.EstateImporter;
import dev.opsuite.estate.EstateStats;
import dev.opsuite.kit.grpc.Unary;
import dev.opsuite.proto.v1.EstateServiceGrpc;
import dev.opsuite.proto.v1.GetEstateStatsRequest;
import dev.opsuite.proto.v1.GetEstateStatsResponse;
import dev.opsuite.proto.v1.ImportFileRequest;
import dev.opsuite.proto.v1.ImportFileResponse;
import dev.opsuite.proto.v1.ImportFileStreamRequest;
import dev.opsuite.proto.v1.ImportFileStreamResponse;
import io.grpc.stub.StreamObserver;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** EstateService: thin mapping between the proto contract and {@link EstateImporter}. */
public final class EstateGrpcService extends EstateServiceGrpc.EstateServiceImplBase implements AutoCloseable {
    private final EstateImporter importer;
    private final EstateImportConfig config;
    private final ExecutorService imports;
    private final java.util.Optional<dev.opsuite.executor.documents.DocumentImporter> documents;

    public EstateGrpcService(EstateImporter importer, EstateImportConfig config) {
        this(importer, config, java.util.Optional.empty());
    }

    /** @param documents the document importer, or empty when this executor keeps no document index */
    public EstateGrpcService(EstateImporter importer, EstateImportConfig config,
                             java.util.Optional<dev.opsuite.executor.documents.DocumentImporter> documents) {
        this.documents = documents;
        this.importer = importer;
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        // Bounded both ways: imports are heavy (COPY of millions of rows), so a few at a time and
        // a short queue; beyond that the caller is told to retry instead of piling up spools.
        this.imports = new ThreadPoolExecutor(config.importThreads(), config.importThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.importQueue()), r -> {
                    Thread t = new Thread(r, "estate-import-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @Override
    public StreamObserver<ImportFileRequest> importFile(StreamObserver<ImportFileResponse> responseObserver) {
        return new ImportUpload(importer, config, imports, ImportAnswer.single(responseObserver), documents);
    }

    /** ImportFile with its progress: the same upload, each message's part handed on as ImportFile's. */
    @Override
    public StreamObserver<ImportFileStreamRequest> importFileStream(StreamObserver<ImportFileStreamResponse> responses) {
        ImportUpload upload = new ImportUpload(importer, config, imports, ImportAnswer.streamed(responses), documents);
        return new StreamObserver<>() {
            @Override
            public void onNext(ImportFileStreamRequest request) {
                upload.onNext(request.getPart());
            }

            @Override
            public void onError(Throwable t) {
                upload.onError(t);
            }

            @Override
            public void onCompleted() {
                upload.onCompleted();
            }
        };
    }

    /** Two count queries; runs on the server's handler executor, which is not an event loop. */
    @Override
    public void getEstateStats(GetEstateStatsRequest request, StreamObserver<GetEstateStatsResponse> responses) {
        Unary.respond(responses, () -> {
            EstateStats s = importer.stats();
            return GetEstateStatsResponse.newBuilder()
                    .setCis(s.cis())
                    .setRelations(s.relations())
                    .setMetricRows(s.metricRows())
                    .setEvents(s.events())
                    .setGraphNodes(s.graphNodes())
                    .setDemoCis(s.demoCis())
                    .setGraphEdges(s.graphEdges())
                    .build();
        });
    }

    @Override
    public void removeOrigin(dev.opsuite.proto.v1.RemoveOriginRequest request,
                             StreamObserver<dev.opsuite.proto.v1.RemoveOriginResponse> responses) {
        Unary.respond(responses, () -> {
            if (!request.getOrigin().matches("[A-Za-z0-9_.-]{1,64}")) {
                throw dev.opsuite.model.errors.OpsException.invalid("origin must be 1-64 characters of [A-Za-z0-9_.-]");
            }
            long cis = importer.removeOrigin(request.getOrigin());
            long documents = "demo".equals(request.getOrigin())
                    ? documents().map(d -> d.removeDemoDocuments()).orElse(0L) : 0L;
            return dev.opsuite.proto.v1.RemoveOriginResponse.newBuilder().setRemovedCis(cis)
                    .setRemovedDocuments(documents).build();
        });
    }

    @Override
    public void applyMetricRetention(dev.opsuite.proto.v1.ApplyMetricRetentionRequest request,
                                     StreamObserver<dev.opsuite.proto.v1.ApplyMetricRetentionResponse> responses) {
        Unary.respond(responses, () -> {
            EstateImporter.RetentionReport r = importer.applyMetricRetention(request.getKeep(), java.time.Instant.now());
            return dev.opsuite.proto.v1.ApplyMetricRetentionResponse.newBuilder().setCutoff(r.cutoff().toString())
                    .addAllDroppedPartitions(r.droppedPartitions()).setDeletedMetricRows(r.deletedMetricRows())
                    .setDeletedRollupRows(r.deletedRollupRows()).build();
        });
    }

    private java.util.Optional<dev.opsuite.executor.documents.DocumentImporter> documents() {
        return documents;
    }

    /** Stops taking imports; running ones finish on their daemon threads. */
    @Override
    public void close() {
        imports.shutdown();
    }
}

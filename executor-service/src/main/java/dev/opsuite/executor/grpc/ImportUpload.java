package dev.opsuite.executor.grpc;

import dev.opsuite.estate.EstateImportException;
import dev.opsuite.estate.EstateImporter;
import dev.opsuite.estate.FileKind;
import dev.opsuite.estate.ImportProgress;
import dev.opsuite.estate.ImportReport;
import dev.opsuite.executor.documents.DocumentImporter;
import dev.opsuite.kit.grpc.GrpcErrors;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.ImportFileRequest;
import dev.opsuite.proto.v1.ImportFileResponse;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ImportFile (or ImportFileStream) call: spools the chunks, then runs the import on the bounded
 * import executor (never on a gRPC thread) and answers — with its progress on the way when the
 * {@link ImportAnswer} takes it. gRPC delivers these callbacks one at a time.
 */
final class ImportUpload implements StreamObserver<ImportFileRequest> {
    private static final Logger log = LoggerFactory.getLogger(ImportUpload.class);

    private final EstateImporter importer;
    private final EstateImportConfig config;
    private final ExecutorService imports;
    private final ImportAnswer responses;
    private final java.util.Optional<DocumentImporter> documents;
    private FileKind kind; // null for a document
    private String fileName;
    private String collection;
    private UploadSpool spool;
    private boolean done;

    ImportUpload(EstateImporter importer, EstateImportConfig config, ExecutorService imports,
                 ImportAnswer responses, java.util.Optional<DocumentImporter> documents) {
        this.documents = documents;
        this.importer = importer;
        this.config = config;
        this.imports = imports;
        this.responses = responses;
    }

    @Override
    public void onNext(ImportFileRequest request) {
        if (done) {
            return;
        }
        try {
            if (spool == null) {
                // Checked on the first message so a wrong kind fails before megabytes are uploaded.
                kind = document(request.getFileKind()) ? null : FileKind.parse(request.getFileKind());
                fileName = request.getFileName();
                collection = request.getCollection();
                spool = new UploadSpool(config.spoolDir(), config.maxUploadBytes(), config.minFreeBytes());
            } else if (!request.getFileKind().isEmpty() && (kind == null ? !document(request.getFileKind())
                    : document(request.getFileKind()) || FileKind.parse(request.getFileKind()) != kind)) {
                throw OpsException.invalid("file_kind changed in the middle of the upload");
            }
            spool.append(request.getChunk());
        } catch (Throwable t) {
            fail(t);
        }
    }

    @Override
    public void onError(Throwable t) {
        // The client went away: nothing to answer, only the spool to remove.
        done = true;
        discardSpool();
    }

    @Override
    public void onCompleted() {
        if (done) {
            return;
        }
        done = true;
        if (spool == null) {
            fail(OpsException.invalid("empty upload: the first message must name file_kind"));
            return;
        }
        UploadSpool upload = spool;
        Path file;
        try {
            file = upload.finish();
            imports.execute(() -> runImport(upload, file));
        } catch (RejectedExecutionException e) {
            fail(new OpsException(ErrorCode.TOO_MANY_REQUESTS, "too many imports queued; retry later", e));
        } catch (Throwable t) {
            fail(t);
        }
    }

    private void runImport(UploadSpool upload, Path file) {
        try {
            if (responses.cancelled()) {
                return; // cancelled while queued: do not write what nobody waits for
            }
            if (kind == null) {
                responses.progress(new ImportProgress(ImportProgress.Phase.INDEX, 0, 0, 0, 0, 0, 0, 0));
            }
            ImportReport r = kind == null ? documents.orElseThrow().importFile(collection, fileName, file)
                    : importer.importFile(kind.wireName(), fileName, file, responses, config.progressInterval());
            responses.result(ImportFileResponse.newBuilder()
                    .setFileKind(r.fileKind())
                    .setFileName(r.fileName())
                    .setRowsRead(r.rowsRead())
                    .setRowsUpserted(r.rowsUpserted())
                    .setDurationMs((int) Math.min(Integer.MAX_VALUE, r.durationMs()))
                    .build());
        } catch (Throwable t) {
            respondError(t);
        } finally {
            upload.close();
        }
    }

    /** A document upload, refused here when this executor keeps no document index. */
    private boolean document(String wire) {
        if (!DocumentImporter.KIND.equals(wire == null ? "" : wire.strip())) {
            return false;
        }
        if (documents.isEmpty()) {
            throw new OpsException(ErrorCode.FAILED_PRECONDITION,
                    "this executor keeps no document index (OPS_DOCS_DIR is not set): documents cannot be imported");
        }
        return true;
    }

    private void fail(Throwable t) {
        done = true;
        discardSpool();
        respondError(t);
    }

    private void respondError(Throwable t) {
        Throwable mapped = t instanceof EstateImportException e
                ? new OpsException(ErrorCode.INVALID_ARGUMENT, e.getMessage(), e)
                : t;
        try {
            responses.error(GrpcErrors.toException(mapped));
        } catch (RuntimeException e) {
            log.debug("could not answer an import call (already closed?)", e);
        }
    }

    private void discardSpool() {
        if (spool != null) {
            try {
                spool.close();
            } catch (RuntimeException e) {
                log.warn("upload spool not deleted", e);
            }
        }
    }
}

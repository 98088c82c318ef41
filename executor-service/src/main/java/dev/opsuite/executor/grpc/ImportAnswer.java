package dev.opsuite.executor.grpc;

import dev.opsuite.estate.ImportProgress;
import dev.opsuite.proto.v1.ImportFileResponse;
import dev.opsuite.proto.v1.ImportFileStreamResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * Where one import call's answer goes: ImportFile's one response, or ImportFileStream's progress
 * events and then its result. Progress is a sample, the next one supersedes it: an event the caller
 * is not ready to read is dropped, never queued, so a slow reader cannot hold the import or its memory —
 * except the first event of each pass (validate, copy, upsert, graph: at most four per file), which
 * callers and the docs count on seeing.
 */
abstract class ImportAnswer implements ImportProgress.Listener {
    private final StreamObserver<?> responses;

    private ImportAnswer(StreamObserver<?> responses) {
        this.responses = responses;
    }

    abstract void result(ImportFileResponse response);

    /** The caller has gone (cancelled, or the connection closed). */
    final boolean cancelled() {
        return responses instanceof ServerCallStreamObserver<?> call && call.isCancelled();
    }

    /** The call's status, already mapped ({@link dev.opsuite.kit.grpc.GrpcErrors#toException}). */
    final void error(Throwable status) {
        responses.onError(status);
    }

    static ImportAnswer single(StreamObserver<ImportFileResponse> responses) {
        return new ImportAnswer(responses) {
            @Override
            public void progress(ImportProgress p) {
                // ImportFile answers once
            }

            @Override
            void result(ImportFileResponse response) {
                responses.onNext(response);
                responses.onCompleted();
            }
        };
    }

    static ImportAnswer streamed(StreamObserver<ImportFileStreamResponse> responses) {
        return new ImportAnswer(responses) {
            /** The pass of the last event sent: a pass's first event always goes (a few per file at most). */
            private Object lastPhase;

            @Override
            public void progress(ImportProgress p) {
                boolean newPass = !p.phase().equals(lastPhase);
                if (responses instanceof ServerCallStreamObserver<?> call
                        && (call.isCancelled() || !call.isReady() && !newPass)) {
                    return;
                }
                lastPhase = p.phase();
                dev.opsuite.proto.v1.ImportProgress.Builder event = dev.opsuite.proto.v1.ImportProgress.newBuilder()
                        .setPhase(p.phase().wireName())
                        .setRowsRead(p.rowsRead())
                        .setRowsWritten(p.rowsWritten())
                        .setRowsRefused(p.rowsRefused())
                        .setBytesConsumed(p.bytesConsumed())
                        .setBytesTotal(p.bytesTotal())
                        .setElapsedMs(p.elapsedMs())
                        .setRowsPerSecond(p.rowsPerSecond())
                        .setBytesPerSecond(p.bytesPerSecond())
                        .setEtaMs(p.etaMs() >= 0 ? p.etaMs() : -1); // -1: not known yet
                responses.onNext(ImportFileStreamResponse.newBuilder().setProgress(event).build());
            }

            @Override
            void result(ImportFileResponse response) {
                responses.onNext(ImportFileStreamResponse.newBuilder().setResult(response).build());
                responses.onCompleted();
            }
        };
    }
}

package dev.opsuite.executor.grpc;

import dev.opsuite.estate.ImportProgress;
import dev.opsuite.proto.v1.ImportFileResponse;
import dev.opsuite.proto.v1.ImportFileStreamResponse;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

/**
 * Where one import call's answer goes: ImportFile's one response, or ImportFileStream's progress
 * events and then its result. Progress is a sample, the next one supersedes it: an event the caller
 * is not ready to read is dropped, never queued, so a slow reader cannot hold the import or its memory.
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
            @Override
            public void progress(ImportProgress p) {
                if (responses instanceof ServerCallStreamObserver<?> call && (!call.isReady() || call.isCancelled())) {
                    return;
                }
                responses.onNext(ImportFileStreamResponse.newBuilder().setProgress(
                        dev.opsuite.proto.v1.ImportProgress.newBuilder()
                                .setPhase(p.phase().wireName())
                                .setRowsRead(p.rowsRead())
                                .setRowsWritten(p.rowsWritten())
                                .setRowsRefused(p.rowsRefused())
                                .setBytesConsumed(p.bytesConsumed())
                                .setBytesTotal(p.bytesTotal())
                                .setElapsedMs(p.elapsedMs())).build());
            }

            @Override
            void result(ImportFileResponse response) {
                responses.onNext(ImportFileStreamResponse.newBuilder().setResult(response).build());
                responses.onCompleted();
            }
        };
    }
}

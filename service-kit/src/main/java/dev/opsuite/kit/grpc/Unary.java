package dev.opsuite.kit.grpc;

import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** Runs a unary (or server-streaming) handler body and maps any failure once, through {@link GrpcErrors}. */
public final class Unary {
    private Unary() {}

    public static <T> void respond(StreamObserver<T> observer, Supplier<T> body) {
        T response;
        try {
            response = body.get();
        } catch (Throwable t) {
            observer.onError(GrpcErrors.toException(t));
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }

    /** A server-streaming body: every response it computes is sent, then the call completes; a failure maps once. */
    public static <T> void stream(StreamObserver<T> observer, Supplier<java.util.List<T>> body) {
        java.util.List<T> responses;
        try {
            responses = body.get();
        } catch (Throwable t) {
            observer.onError(GrpcErrors.toException(t));
            return;
        }
        responses.forEach(observer::onNext);
        observer.onCompleted();
    }
}

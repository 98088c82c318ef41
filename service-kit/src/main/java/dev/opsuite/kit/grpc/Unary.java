package dev.opsuite.kit.grpc;

import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** Runs a unary handler body and maps any failure once, through {@link GrpcErrors}. */
public final class Unary {
    private Unary() {}

    public static <T> void respond(StreamObserver<T> observer, Supplier<T> body) {
        T response;
        try {
            response = body.get();
        } catch (Throwable t) {
            observer.onError(GrpcErrors.toStatus(t).asRuntimeException());
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }
}

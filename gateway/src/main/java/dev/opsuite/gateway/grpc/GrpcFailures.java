package dev.opsuite.gateway.grpc;

import dev.opsuite.conductor.Conductor;
import dev.opsuite.kit.grpc.GrpcErrors;
import io.grpc.stub.StreamObserver;

/** The one place a failure of an OpsService call becomes its gRPC status and google.rpc details. */
final class GrpcFailures {
    private GrpcFailures() {}

    /** Ends the call with the failure as a status and its details. */
    static void fail(StreamObserver<?> observer, Throwable t) {
        if (t instanceof GateRefused g) {
            observer.onError(GrpcErrors.toException(g, null, g.report()));
        } else if (t instanceof Conductor.TracedFailure f) {
            // the failed request's trace id travels in the status details (ErrorInfo.metadata.trace_id)
            observer.onError(GrpcErrors.toException(f.failure(), f.traceId()));
        } else {
            observer.onError(GrpcErrors.toException(t));
        }
    }
}

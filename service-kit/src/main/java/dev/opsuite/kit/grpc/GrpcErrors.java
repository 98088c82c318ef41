package dev.opsuite.kit.grpc;

import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one mapping between domain errors and gRPC statuses. */
public final class GrpcErrors {
    private static final Logger log = LoggerFactory.getLogger(GrpcErrors.class);

    private GrpcErrors() {}

    public static Status toStatus(Throwable t) {
        if (t instanceof StatusRuntimeException sre) {
            return sre.getStatus();
        }
        if (t instanceof StatusException se) {
            return se.getStatus();
        }
        if (t instanceof OpsException ops) {
            String message = ops.getMessage();
            if (ops.code() == ErrorCode.TOO_MANY_REQUESTS && !rateLimited(message)) {
                message = RATE_LIMITED + message; // the only thing that tells it from "too large" on the wire
            }
            return statusOf(ops.code()).withDescription(message);
        }
        if (t instanceof IllegalArgumentException) {
            return Status.INVALID_ARGUMENT.withDescription(t.getMessage());
        }
        log.error("internal error", t);
        return Status.INTERNAL.withDescription("internal error: " + t.getClass().getSimpleName());
    }

    public static Status statusOf(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
            case NOT_FOUND -> Status.NOT_FOUND;
            case UNAUTHENTICATED -> Status.UNAUTHENTICATED;
            case POLICY_DENIED -> Status.PERMISSION_DENIED;
            case CONFLICT -> Status.ALREADY_EXISTS;
            case PAYLOAD_TOO_LARGE, TOO_MANY_REQUESTS -> Status.RESOURCE_EXHAUSTED;
            case UNAVAILABLE -> Status.UNAVAILABLE;
            case DEADLINE_EXCEEDED -> Status.DEADLINE_EXCEEDED;
            case INTERNAL -> Status.INTERNAL;
        };
    }

    /** How a rate-limit refusal's description starts: RESOURCE_EXHAUSTED is also "too large". */
    public static final String RATE_LIMITED = "rate limited: ";

    public static boolean rateLimited(String description) {
        return description != null && description.startsWith(RATE_LIMITED);
    }

    /** Maps a status from a downstream call back to a domain error (for the conductor). */
    public static OpsException fromStatus(String what, Status status) {
        ErrorCode code = switch (status.getCode()) {
            case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> ErrorCode.INVALID_ARGUMENT;
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case UNAUTHENTICATED -> ErrorCode.UNAUTHENTICATED;
            case PERMISSION_DENIED -> ErrorCode.POLICY_DENIED;
            case ALREADY_EXISTS, ABORTED -> ErrorCode.CONFLICT;
            case RESOURCE_EXHAUSTED -> rateLimited(status.getDescription()) ? ErrorCode.TOO_MANY_REQUESTS
                    : ErrorCode.PAYLOAD_TOO_LARGE;
            case UNAVAILABLE, CANCELLED -> ErrorCode.UNAVAILABLE;
            case DEADLINE_EXCEEDED -> ErrorCode.DEADLINE_EXCEEDED;
            default -> ErrorCode.INTERNAL;
        };
        String detail = status.getDescription() == null ? status.getCode().name() : status.getDescription();
        return new OpsException(code, what + ": " + detail, status.asRuntimeException());
    }
}

package dev.opsuite.kit.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one mapping between domain errors and gRPC statuses. A failure leaves a service as a
 * google.rpc.Status: the code, the message, an {@link ErrorInfo} (reason = the {@link ErrorCode}'s
 * name, domain {@value #DOMAIN}, metadata {@code trace_id} when the failure has a trace) and, when
 * one field of the request is at fault, a {@link BadRequest} naming it.
 */
public final class GrpcErrors {
    private static final Logger log = LoggerFactory.getLogger(GrpcErrors.class);
    /** ErrorInfo.domain of every error this product writes. */
    public static final String DOMAIN = "ops.opsuite.dev";
    /** ErrorInfo.metadata key of the failed request's trace id. */
    public static final String TRACE_ID = "trace_id";

    private GrpcErrors() {}

    public static Status toStatus(Throwable t) {
        if (t instanceof StatusRuntimeException sre) {
            return sre.getStatus();
        }
        if (t instanceof StatusException se) {
            return se.getStatus();
        }
        if (t instanceof OpsException ops) {
            return statusOf(ops.code()).withDescription(ops.getMessage());
        }
        if (t instanceof IllegalArgumentException) {
            return Status.INVALID_ARGUMENT.withDescription(t.getMessage());
        }
        log.error("internal error", t);
        return Status.INTERNAL.withDescription("internal error: " + t.getClass().getSimpleName());
    }

    /** The failure as it goes on the wire: status, message and details. */
    public static StatusRuntimeException toException(Throwable t) {
        return toException(t, null);
    }

    /** As {@link #toException(Throwable)}, the trace id (if any) in the ErrorInfo's metadata. */
    public static StatusRuntimeException toException(Throwable t, String traceId) {
        return StatusProto.toStatusRuntimeException(details(t, traceId));
    }

    /** As {@link #toException(Throwable, String)}, with more details (e.g. a report) after the ErrorInfo. */
    public static StatusRuntimeException toException(Throwable t, String traceId, com.google.protobuf.Message... more) {
        com.google.rpc.Status.Builder rich = details(t, traceId).toBuilder();
        for (com.google.protobuf.Message m : more) {
            rich.addDetails(Any.pack(m));
        }
        return StatusProto.toStatusRuntimeException(rich.build());
    }

    /** The trailers that carry the details of {@code t}'s status (for a call closed by hand). */
    public static Metadata trailers(Throwable t) {
        Metadata m = toException(t).getTrailers();
        return m == null ? new Metadata() : m;
    }

    /** The failure as a google.rpc.Status: code, message, ErrorInfo first, then any other details. */
    public static com.google.rpc.Status details(Throwable t, String traceId) {
        Status s = toStatus(t);
        com.google.rpc.Status known = t instanceof StatusRuntimeException || t instanceof StatusException
                ? StatusProto.fromThrowable(t) : null;
        com.google.rpc.Status.Builder rich = com.google.rpc.Status.newBuilder().setCode(s.getCode().value())
                .setMessage(s.getDescription() == null ? s.getCode().name().toLowerCase(java.util.Locale.ROOT)
                        : s.getDescription());
        ErrorInfo.Builder info = ErrorInfo.newBuilder().setDomain(DOMAIN).setReason(reason(t, s));
        if (known != null) {
            for (Any d : known.getDetailsList()) {
                if (d.is(ErrorInfo.class)) {
                    info.mergeFrom(unpack(d, ErrorInfo.class));
                } else {
                    rich.addDetails(d);
                }
            }
        }
        if (traceId != null && !traceId.isEmpty()) {
            info.putMetadata(TRACE_ID, traceId);
        }
        rich.addDetails(0, Any.pack(info.build()));
        if (t instanceof OpsException ops && ops.field() != null) {
            rich.addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
                    .setField(ops.field()).setDescription(ops.getMessage())).build()));
        }
        return rich.build();
    }

    private static String reason(Throwable t, Status s) {
        if (t instanceof OpsException ops) {
            return ops.code().name();
        }
        return fromCode(s.getCode(), null).name();
    }

    public static Status statusOf(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT -> Status.INVALID_ARGUMENT;
            case FAILED_PRECONDITION -> Status.FAILED_PRECONDITION;
            case NOT_FOUND -> Status.NOT_FOUND;
            case UNAUTHENTICATED -> Status.UNAUTHENTICATED;
            case POLICY_DENIED -> Status.PERMISSION_DENIED;
            case CONFLICT -> Status.ALREADY_EXISTS;
            case ABORTED -> Status.ABORTED;
            case PAYLOAD_TOO_LARGE, TOO_MANY_REQUESTS -> Status.RESOURCE_EXHAUSTED;
            case UNAVAILABLE -> Status.UNAVAILABLE;
            case DEADLINE_EXCEEDED -> Status.DEADLINE_EXCEEDED;
            case INTERNAL -> Status.INTERNAL;
        };
    }

    /** How a rate-limit refusal's message starts (for people; the ErrorInfo reason is what a program reads). */
    public static final String RATE_LIMITED = "rate limited: ";

    /** The ErrorInfo of a failure that came over the wire, if it carries one. */
    public static Optional<ErrorInfo> errorInfo(com.google.rpc.Status rich) {
        if (rich == null) {
            return Optional.empty();
        }
        return rich.getDetailsList().stream().filter(d -> d.is(ErrorInfo.class)).findFirst()
                .map(d -> unpack(d, ErrorInfo.class));
    }

    /** The domain code of a status and its ErrorInfo reason (if one came with it). */
    public static ErrorCode fromCode(Status.Code code, String reason) {
        if (reason != null) {
            try {
                ErrorCode named = ErrorCode.valueOf(reason);
                if (statusOf(named).getCode() == code) {
                    return named;
                }
            } catch (IllegalArgumentException notOurs) {
                // another domain's reason: the status code decides
            }
        }
        return switch (code) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> ErrorCode.INVALID_ARGUMENT;
            case FAILED_PRECONDITION -> ErrorCode.FAILED_PRECONDITION;
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case UNAUTHENTICATED -> ErrorCode.UNAUTHENTICATED;
            case PERMISSION_DENIED -> ErrorCode.POLICY_DENIED;
            case ALREADY_EXISTS -> ErrorCode.CONFLICT;
            case ABORTED -> ErrorCode.ABORTED;
            case RESOURCE_EXHAUSTED -> ErrorCode.TOO_MANY_REQUESTS;
            case UNAVAILABLE, CANCELLED -> ErrorCode.UNAVAILABLE;
            case DEADLINE_EXCEEDED -> ErrorCode.DEADLINE_EXCEEDED;
            default -> ErrorCode.INTERNAL;
        };
    }

    /** The domain code of a status closed with these trailers (reads the ErrorInfo reason in them). */
    public static ErrorCode fromCode(Status status, Metadata trailers) {
        com.google.rpc.Status rich = trailers == null ? null : StatusProto.fromStatusAndTrailers(status, trailers);
        return fromCode(status.getCode(), errorInfo(rich).map(ErrorInfo::getReason).orElse(null));
    }

    /** Maps a failed downstream call back to a domain error (for the conductor), its details kept. */
    public static OpsException fromStatus(String what, StatusRuntimeException e) {
        Status status = e.getStatus();
        ErrorCode code = fromCode(status, e.getTrailers());
        String detail = status.getDescription() == null ? status.getCode().name() : status.getDescription();
        return new OpsException(code, what + ": " + detail, e);
    }

    private static <T extends com.google.protobuf.Message> T unpack(Any any, Class<T> type) {
        try {
            return any.unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a malformed " + type.getSimpleName() + " in an error's details", e);
        }
    }
}

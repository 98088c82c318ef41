package dev.opsuite.gateway.rest;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.HttpStatusException;
import com.linecorp.armeria.server.ServerErrorHandler;
import com.linecorp.armeria.server.ServiceConfig;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.grpc.UnframedGrpcErrorHandler;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.kit.grpc.GrpcErrors;
import io.grpc.Status;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every REST failure as the envelope: transcoded gRPC errors, Armeria's own statuses
 * (unknown path, body too large, bad method) and unexpected exceptions.
 */
public final class EnvelopeErrorHandler implements ServerErrorHandler, UnframedGrpcErrorHandler {
    private static final Logger log = LoggerFactory.getLogger(EnvelopeErrorHandler.class);
    private static final String DETAILS = "grpc-status-details-bin";

    @Override
    public HttpResponse handle(ServiceRequestContext ctx, Status status, AggregatedHttpResponse response) {
        if (status.getCode() == Status.Code.UNKNOWN || status.getCode() == Status.Code.INTERNAL) {
            Throwable cause = status.getCause();
            if (cause != null && isJsonProblem(cause)) {
                return Envelopes.of(HttpStatus.BAD_REQUEST, "malformed JSON body: " + shortMessage(cause)).toHttpResponse();
            }
            log.warn("internal error on {}: {}", ctx.path(), status, cause);
            return Envelopes.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal error").toHttpResponse();
        }
        if (status.getCode() == Status.Code.INVALID_ARGUMENT
                && (status.getDescription() == null || status.getDescription().isBlank())) {
            // Armeria's transcoder refuses unparseable bodies without a description
            return Envelopes.of(HttpStatus.BAD_REQUEST,
                    "invalid request body: malformed JSON or a field of the wrong type").toHttpResponse();
        }
        // a transcoded status arrives as the grpc-message header wrote it: percent-encoded
        com.google.rpc.Status rich = richStatus(response);
        return Envelopes.of(status.withDescription(Envelopes.grpcMessage(status.getDescription())),
                GrpcErrors.errorInfo(rich), Envelopes.extraData(rich)).toHttpResponse();
    }

    @Override
    public HttpResponse onServiceException(ServiceRequestContext ctx, Throwable cause) {
        if (cause instanceof HttpStatusException hse) {
            return Envelopes.of(hse.httpStatus(), null).toHttpResponse();
        }
        if (cause instanceof OpsException || cause instanceof IllegalArgumentException) {
            return Envelopes.of(GrpcErrors.toStatus(cause), GrpcErrors.errorInfo(GrpcErrors.details(cause, null)))
                    .toHttpResponse();
        }
        if (isJsonProblem(cause)) {
            return Envelopes.of(HttpStatus.BAD_REQUEST, "malformed JSON body: " + shortMessage(cause)).toHttpResponse();
        }
        log.warn("unexpected error on {}", ctx.path(), cause);
        return Envelopes.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal error").toHttpResponse();
    }

    @Override
    public AggregatedHttpResponse renderStatus(ServiceRequestContext ctx, ServiceConfig config, RequestHeaders headers,
                                               HttpStatus status, String description, Throwable cause) {
        return Envelopes.of(status, description);
    }

    @Override
    public AggregatedHttpResponse onProtocolViolation(ServiceConfig config, RequestHeaders headers, HttpStatus status,
                                                      String description, Throwable cause) {
        return Envelopes.of(status, description);
    }

    /** A failed call's google.rpc.Status from grpc-status-details-bin (trailers, or headers of a trailers-only reply). */
    static com.google.rpc.Status richStatus(AggregatedHttpResponse response) {
        String bin = response.trailers().get(DETAILS);
        if (bin == null) {
            bin = response.headers().get(DETAILS);
        }
        if (bin == null) {
            return null;
        }
        try {
            return com.google.rpc.Status.parseFrom(Base64.getDecoder().decode(bin));
        } catch (IllegalArgumentException | com.google.protobuf.InvalidProtocolBufferException e) {
            log.debug("unreadable grpc-status-details-bin", e);
            return null;
        }
    }

    private static boolean isJsonProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String n = c.getClass().getName();
            if (n.contains("Json") || n.contains("InvalidProtocolBuffer") || n.contains("Parse")) {
                return true;
            }
        }
        return false;
    }

    private static String shortMessage(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        m = m.split("\\R", 2)[0];
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }
}

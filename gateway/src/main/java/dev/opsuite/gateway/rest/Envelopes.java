package dev.opsuite.gateway.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.google.rpc.ErrorInfo;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.kit.grpc.GrpcErrors;
import dev.opsuite.kit.json.ModelJson;
import io.grpc.Status;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The REST error envelope {time, code, message, data}: one mapping from gRPC status (and its
 * ErrorInfo reason) to HTTP status, the failed request's trace id as data.trace_id, and a message a
 * person can act on (never a stack trace, never "UNKNOWN").
 */
public final class Envelopes {
    private Envelopes() {}

    /** The HTTP status of a gRPC code (google.rpc's mapping); see {@link #httpStatus(Status.Code, String)}. */
    public static HttpStatus httpStatus(Status.Code code) {
        return httpStatus(code, null);
    }

    /**
     * The HTTP status of a gRPC code and its ErrorInfo reason: RESOURCE_EXHAUSTED is 429 (a limit,
     * a full queue) unless the reason is PAYLOAD_TOO_LARGE (413).
     */
    public static HttpStatus httpStatus(Status.Code code, String reason) {
        return switch (code) {
            case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case ALREADY_EXISTS, ABORTED -> HttpStatus.CONFLICT;
            case RESOURCE_EXHAUSTED -> ErrorCode.PAYLOAD_TOO_LARGE.name().equals(reason)
                    ? HttpStatus.REQUEST_ENTITY_TOO_LARGE : HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE, CANCELLED -> HttpStatus.SERVICE_UNAVAILABLE;
            case DEADLINE_EXCEEDED -> HttpStatus.GATEWAY_TIMEOUT;
            case UNIMPLEMENTED -> HttpStatus.NOT_IMPLEMENTED;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    /** A status without details (a failure raised in the gateway itself). */
    public static AggregatedHttpResponse of(Status status) {
        return of(status, Optional.empty());
    }

    /** A failed gRPC call's status with the details its trailers carry. */
    public static AggregatedHttpResponse of(io.grpc.StatusRuntimeException e) {
        return of(e.getStatus(), GrpcErrors.errorInfo(io.grpc.protobuf.StatusProto.fromThrowable(e)));
    }

    /** A failure with its google.rpc details: the reason picks the HTTP status, the trace id goes to data. */
    public static AggregatedHttpResponse of(Status status, Optional<ErrorInfo> info) {
        return of(status, info, Map.of());
    }

    /**
     * The details a REST caller sees in data besides trace_id: a publish gate's report as data.gate
     * (the same JSON as PublishAssetVersionResponse.gate).
     */
    public static Map<String, String> extraData(com.google.rpc.Status rich) {
        if (rich == null) {
            return Map.of();
        }
        for (com.google.protobuf.Any d : rich.getDetailsList()) {
            if (d.is(dev.opsuite.proto.v1.GateReport.class)) {
                try {
                    return Map.of("gate", dev.opsuite.kit.json.Structs.toJson(d.unpack(dev.opsuite.proto.v1.GateReport.class)));
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    return Map.of();
                }
            }
        }
        return Map.of();
    }

    /** As {@link #of(Status, Optional)}, with more members of data (name → JSON text). */
    public static AggregatedHttpResponse of(Status status, Optional<ErrorInfo> info, Map<String, String> extra) {
        String reason = info.map(ErrorInfo::getReason).orElse(null);
        HttpStatus http = httpStatus(status.getCode(), reason);
        String description = status.getDescription();
        String traceId = info.map(i -> i.getMetadataOrDefault(GrpcErrors.TRACE_ID, "")).orElse("");
        AggregatedHttpResponse r = of(http, description == null || description.isBlank() ? defaultMessage(http)
                : description, traceId, extra);
        if (http == HttpStatus.TOO_MANY_REQUESTS) {
            return AggregatedHttpResponse.of(r.headers().toBuilder().add("retry-after", "1").build(), r.content());
        }
        return r;
    }

    public static AggregatedHttpResponse of(HttpStatus http, String message) {
        return of(http, message, "", Map.of());
    }

    private static AggregatedHttpResponse of(HttpStatus http, String message, String traceId, Map<String, String> extra) {
        String text = sanitize(message == null ? "" : message);
        ObjectNode body = ModelJson.MAPPER.createObjectNode();
        body.put("time", Instant.now().toString());
        body.put("code", http.code());
        body.put("message", text.isBlank() ? defaultMessage(http) : text);
        ObjectNode data = body.putObject("data");
        if (!traceId.isEmpty()) {
            data.put("trace_id", traceId);
        }
        extra.forEach((k, json) -> {
            try {
                data.set(k, ModelJson.MAPPER.readTree(json));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                data.put(k, json);
            }
        });
        return AggregatedHttpResponse.of(http, MediaType.JSON_UTF_8, body.toString());
    }

    /**
     * A transcoded call's status description as it was written: the grpc-message header carries it
     * percent-encoded (UTF-8 bytes outside printable ASCII, and '%' itself), which a Korean message
     * would otherwise show as "%EC%9D%98…".
     */
    public static String grpcMessage(String s) {
        if (s == null || s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        byte[] in = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                out.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    private static String defaultMessage(HttpStatus http) {
        return switch (http.code()) {
            case 400 -> "bad request";
            case 404 -> "not found";
            case 405 -> "method not allowed";
            case 413 -> "request too large";
            case 415 -> "unsupported media type";
            case 503 -> "service unavailable";
            default -> http.reasonPhrase();
        };
    }

    private static final Pattern JAVA_TYPE = Pattern.compile(
            "(?:\\b[a-z][a-z0-9_]*\\.)*\\b[A-Z][\\w$]*(?:Exception|Error)\\b:?\\s*");

    /** One line, bounded, no Java class names. */
    static String sanitize(String s) {
        String line = s.split("\\R", 2)[0];
        line = JAVA_TYPE.matcher(line).replaceAll("").trim();
        return line.length() > 500 ? line.substring(0, 500) + "…" : line;
    }
}

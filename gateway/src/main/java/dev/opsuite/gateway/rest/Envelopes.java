package dev.opsuite.gateway.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import dev.opsuite.kit.json.ModelJson;
import io.grpc.Status;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST error envelope {time, code, message, data}: one mapping from gRPC status to HTTP
 * status, and a message a person can act on (never a stack trace, never "UNKNOWN").
 */
public final class Envelopes {
    private static final Pattern TRACE = Pattern.compile("\\s*\\[trace_id=([A-Za-z0-9_-]+)]");

    private Envelopes() {}

    public static HttpStatus httpStatus(Status.Code code) {
        return switch (code) {
            case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case PERMISSION_DENIED -> HttpStatus.FORBIDDEN;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case ALREADY_EXISTS, ABORTED -> HttpStatus.CONFLICT;
            case RESOURCE_EXHAUSTED -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case UNAVAILABLE, CANCELLED -> HttpStatus.SERVICE_UNAVAILABLE;
            case DEADLINE_EXCEEDED -> HttpStatus.GATEWAY_TIMEOUT;
            case UNIMPLEMENTED -> HttpStatus.NOT_IMPLEMENTED;
            default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    public static AggregatedHttpResponse of(Status status) {
        HttpStatus http = httpStatus(status.getCode());
        String description = status.getDescription();
        if (status.getCode() == Status.Code.RESOURCE_EXHAUSTED && dev.opsuite.kit.grpc.GrpcErrors.rateLimited(description)) {
            AggregatedHttpResponse r = of(HttpStatus.TOO_MANY_REQUESTS, description);
            return AggregatedHttpResponse.of(r.headers().toBuilder().add("retry-after", "1").build(), r.content());
        }
        return of(http, description == null || description.isBlank() ? defaultMessage(http) : description);
    }

    public static AggregatedHttpResponse of(HttpStatus http, String message) {
        String text = message == null ? "" : message;
        ObjectNode body = ModelJson.MAPPER.createObjectNode();
        body.put("time", Instant.now().toString());
        body.put("code", http.code());
        ObjectNode data = ModelJson.MAPPER.createObjectNode();
        Matcher m = TRACE.matcher(text);
        if (m.find()) {
            data.put("trace_id", m.group(1));
            text = m.replaceAll("");
        }
        text = sanitize(text);
        body.put("message", text.isBlank() ? defaultMessage(http) : text);
        body.set("data", data);
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

package dev.opsuite.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import dev.opsuite.kit.grpc.GrpcErrors;
import dev.opsuite.model.errors.ErrorCode;
import io.grpc.Status;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode body(AggregatedHttpResponse response) {
        try {
            return JSON.readTree(response.contentUtf8());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.contentUtf8(), e);
        }
    }

    private static String message(String description) {
        return body(Envelopes.of(Status.INVALID_ARGUMENT.withDescription(description))).path("message").asText();
    }

    @Test
    void everyGrpcCodeMapsToOneHttpStatus() {
        Map<Status.Code, Integer> expected = new EnumMap<>(Status.Code.class);
        expected.put(Status.Code.OK, 500);
        expected.put(Status.Code.CANCELLED, 503);
        expected.put(Status.Code.UNKNOWN, 500);
        expected.put(Status.Code.INVALID_ARGUMENT, 400);
        expected.put(Status.Code.DEADLINE_EXCEEDED, 504);
        expected.put(Status.Code.NOT_FOUND, 404);
        expected.put(Status.Code.ALREADY_EXISTS, 409);
        expected.put(Status.Code.PERMISSION_DENIED, 403);
        expected.put(Status.Code.RESOURCE_EXHAUSTED, 429);
        expected.put(Status.Code.FAILED_PRECONDITION, 400);
        expected.put(Status.Code.ABORTED, 409);
        expected.put(Status.Code.OUT_OF_RANGE, 400);
        expected.put(Status.Code.UNIMPLEMENTED, 501);
        expected.put(Status.Code.INTERNAL, 500);
        expected.put(Status.Code.UNAVAILABLE, 503);
        expected.put(Status.Code.DATA_LOSS, 500);
        expected.put(Status.Code.UNAUTHENTICATED, 401);
        assertEquals(Status.Code.values().length, expected.size(), "every code is covered");

        for (Status.Code code : Status.Code.values()) {
            assertEquals(expected.get(code).intValue(), Envelopes.httpStatus(code).code(), code.name());
            AggregatedHttpResponse response = Envelopes.of(Status.fromCode(code).withDescription("x"));
            assertEquals(expected.get(code).intValue(), response.status().code(), code.name());
            assertEquals(expected.get(code).intValue(), body(response).path("code").asInt(), code.name());
        }
    }

    @Test
    void domainErrorCodesKeepTheirEnvelopeCodeThroughGrpc() {
        for (ErrorCode code : ErrorCode.values()) {
            var failure = new dev.opsuite.model.errors.OpsException(code, "something");
            io.grpc.StatusRuntimeException wire = GrpcErrors.toException(failure);
            var info = GrpcErrors.errorInfo(io.grpc.protobuf.StatusProto.fromThrowable(wire));
            assertEquals(code.name(), info.orElseThrow().getReason(), code.name());
            assertEquals(code.envelopeCode(), Envelopes.of(wire.getStatus(), info).status().code(), code.name());
            assertEquals(code, GrpcErrors.fromStatus("call", wire).code(), code.name());
        }
    }

    @Test
    void bodyHasTimeCodeMessageAndData() {
        Instant before = Instant.now();
        AggregatedHttpResponse response = Envelopes.of(Status.NOT_FOUND.withDescription("trace t-1 not found"));

        assertEquals(HttpStatus.NOT_FOUND, response.status());
        assertTrue(response.contentType() != null && response.contentType().is(MediaType.JSON),
                "content type " + response.contentType());
        JsonNode body = body(response);
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("time", "code", "message", "data"), fields);
        Instant time = Instant.parse(body.path("time").asText());
        assertFalse(time.isBefore(before.minus(Duration.ofSeconds(1))), "time " + time);
        assertTrue(body.path("code").isInt());
        assertEquals(404, body.path("code").asInt());
        assertEquals("trace t-1 not found", body.path("message").asText());
        assertTrue(body.path("data").isObject());
        assertEquals(0, body.path("data").size());
    }

    @Test
    void traceIdComesFromTheErrorInfoAndTheMessageIsLeftAlone() {
        var failure = dev.opsuite.model.errors.OpsException.unavailable("executor-service: source postgres_main is unavailable", null);
        io.grpc.StatusRuntimeException wire = GrpcErrors.toException(failure, "abc");
        JsonNode body = body(Envelopes.of(wire.getStatus(),
                GrpcErrors.errorInfo(io.grpc.protobuf.StatusProto.fromThrowable(wire))));

        assertEquals(503, body.path("code").asInt());
        assertEquals("abc", body.path("data").path("trace_id").asText());
        assertEquals("executor-service: source postgres_main is unavailable", body.path("message").asText());
    }

    @Test
    void aRateLimitIs429WithRetryAfterAndATooLargePayload413() {
        var limited = GrpcErrors.toException(new dev.opsuite.model.errors.OpsException(ErrorCode.TOO_MANY_REQUESTS, "slow down"));
        var large = GrpcErrors.toException(new dev.opsuite.model.errors.OpsException(ErrorCode.PAYLOAD_TOO_LARGE, "too big"));
        AggregatedHttpResponse r429 = Envelopes.of(limited.getStatus(),
                GrpcErrors.errorInfo(io.grpc.protobuf.StatusProto.fromThrowable(limited)));
        AggregatedHttpResponse r413 = Envelopes.of(large.getStatus(),
                GrpcErrors.errorInfo(io.grpc.protobuf.StatusProto.fromThrowable(large)));

        assertEquals(429, r429.status().code());
        assertEquals("1", r429.headers().get("retry-after"));
        assertEquals(413, r413.status().code());
        assertEquals(null, r413.headers().get("retry-after"));
    }

    @Test
    void aStackTraceInAMessageIsCutToItsFirstLine() {
        JsonNode body = body(Envelopes.of(Status.INTERNAL.withDescription(
                "boom\n\tat dev.opsuite.gateway.Foo.bar(Foo.java:12)")));

        assertEquals("boom", body.path("message").asText());
    }

    @Test
    void onlyTheFirstLineOfAMessageIsShown() {
        assertEquals("query failed", message("query failed\nDetail: secret table layout\n\tat x.Y.z(Y.java:1)"));
        assertEquals("first", message("first\r\nsecond"));
    }

    @Test
    void javaExceptionClassNamesAreRemoved() {
        assertEquals("pool closed", message("java.lang.IllegalStateException: pool closed"));
        assertEquals("UNAVAILABLE: io exception", message("io.grpc.StatusRuntimeException: UNAVAILABLE: io exception"));
        assertEquals("planner failed: Java heap space",
                message("planner failed: java.lang.OutOfMemoryError: Java heap space"));
        String m = message("wrapped com.fasterxml.jackson.core.JsonParseException: Unexpected character");
        assertFalse(m.contains("JsonParseException"), m);
        assertFalse(m.contains("com.fasterxml"), m);
    }

    @Test
    void ordinaryTextWithDotsIsKept() {
        assertEquals("cannot reach db.example.com:5432 (ci_queries@2)",
                message("cannot reach db.example.com:5432 (ci_queries@2)"));
    }

    @Test
    void longMessagesAreBounded() {
        String m = message("x".repeat(2_000));

        assertEquals(501, m.length());
        assertTrue(m.endsWith("…"));
    }

    @Test
    void missingDescriptionGetsADefaultMessage() {
        assertEquals("service unavailable", body(Envelopes.of(Status.UNAVAILABLE)).path("message").asText());
        assertEquals("not found", body(Envelopes.of(Status.NOT_FOUND.withDescription("  "))).path("message").asText());
        assertEquals("bad request", body(Envelopes.of(HttpStatus.BAD_REQUEST, null)).path("message").asText());
        assertEquals("request too large",
                body(Envelopes.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "")).path("message").asText());
        String timeout = body(Envelopes.of(Status.DEADLINE_EXCEEDED)).path("message").asText();
        assertFalse(timeout.isBlank());
        assertFalse(timeout.contains("DEADLINE_EXCEEDED"), timeout);
    }

    @Test
    void armeriaStatusesUseTheSameEnvelope() {
        AggregatedHttpResponse r = Envelopes.of(HttpStatus.METHOD_NOT_ALLOWED, null);

        assertEquals(405, r.status().code());
        assertEquals(405, body(r).path("code").asInt());
        assertEquals("method not allowed", body(r).path("message").asText());
    }

    @Test
    void aPercentEncodedGrpcMessageReadsAsWritten() {
        org.junit.jupiter.api.Assertions.assertEquals("의존 관계 그래프 저장소(neo4j_graph)에 연결할 수 없어 100% 실패",
                Envelopes.grpcMessage("%EC%9D%98%EC%A1%B4 %EA%B4%80%EA%B3%84 %EA%B7%B8%EB%9E%98%ED%94%84 "
                        + "%EC%A0%80%EC%9E%A5%EC%86%8C(neo4j_graph)%EC%97%90 %EC%97%B0%EA%B2%B0%ED%95%A0 %EC%88%98 "
                        + "%EC%97%86%EC%96%B4 100%25 %EC%8B%A4%ED%8C%A8"));
        org.junit.jupiter.api.Assertions.assertEquals("50% off %zz", Envelopes.grpcMessage("50% off %zz"));
    }
}

package dev.opsuite.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestEnvelopeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AggregatedHttpResponse serve(MediaType requestType, HttpResponse answer) throws Exception {
        com.linecorp.armeria.common.RequestHeadersBuilder h = RequestHeaders.builder(HttpMethod.POST, "/ops/ci/ask");
        if (requestType != null) {
            h.contentType(requestType);
        }
        HttpRequest req = HttpRequest.of(h.build());
        ServiceRequestContext ctx = ServiceRequestContext.of(req);
        return RestEnvelope.decorate((c, r) -> answer).serve(ctx, req).aggregate().join();
    }

    @Test
    void aJsonAnswerBecomesTheGuidesEnvelopeWithTheResponseAsData() throws Exception {
        AggregatedHttpResponse r = serve(MediaType.JSON_UTF_8,
                HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, "{\"answer\":\"서버A\",\"blocks\":[]}"));

        assertEquals(HttpStatus.OK, r.status());
        JsonNode body = JSON.readTree(r.contentUtf8());
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("time", "code", "message", "data"), fields);
        assertEquals(0, body.path("code").asInt(-1));
        assertTrue(body.path("code").isInt());
        assertEquals("OK", body.path("message").asText());
        assertEquals("서버A", body.path("data").path("answer").asText());
        assertEquals(r.content().length(), Integer.parseInt(r.headers().get("content-length", "" + r.content().length())));
    }

    @Test
    void anEmptyResponseIsAnEmptyDataObject() throws Exception {
        AggregatedHttpResponse r = serve(null, HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, "{}"));
        assertEquals(0, JSON.readTree(r.contentUtf8()).path("data").size());
        assertTrue(JSON.readTree(r.contentUtf8()).path("data").isObject());
    }

    @Test
    void grpcCallsAndFailuresPassThroughUntouched() throws Exception {
        String grpcBody = "raw-frames";
        AggregatedHttpResponse grpc = serve(MediaType.parse("application/grpc+proto"),
                HttpResponse.of(HttpStatus.OK, MediaType.JSON_UTF_8, grpcBody));
        assertEquals(grpcBody, grpc.contentUtf8());

        String failure = "{\"time\":\"t\",\"code\":404,\"message\":\"no trace\",\"data\":{}}";
        AggregatedHttpResponse notFound = serve(MediaType.JSON_UTF_8,
                HttpResponse.of(HttpStatus.NOT_FOUND, MediaType.JSON_UTF_8, failure));
        assertEquals(failure, notFound.contentUtf8(), "an error is enveloped once, by the error handler");

        AggregatedHttpResponse text = serve(null, HttpResponse.of(HttpStatus.OK, MediaType.PLAIN_TEXT_UTF_8, "hi"));
        assertEquals("hi", text.contentUtf8(), "only JSON answers are data");
    }
}

package dev.opsuite.gateway.rest;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpData;
import com.linecorp.armeria.common.HttpHeaderNames;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.MediaType;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import com.linecorp.armeria.server.SimpleDecoratingHttpService;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The REST edge's success envelope, added in one place: an RPC's response is its data, and a
 * transcoded (HTTP/JSON) call answers {@code {"time", "code": 0, "message": "OK", "data": <response>}}
 * as the user guide shows. gRPC calls pass through untouched; failures are enveloped by
 * {@link EnvelopeErrorHandler}. Nothing blocks: the transcoded body is already whole when it is wrapped.
 */
public final class RestEnvelope extends SimpleDecoratingHttpService {
    private RestEnvelope(HttpService delegate) {
        super(delegate);
    }

    public static RestEnvelope decorate(HttpService delegate) {
        return new RestEnvelope(delegate);
    }

    @Override
    public HttpResponse serve(ServiceRequestContext ctx, HttpRequest req) throws Exception {
        MediaType type = req.contentType();
        if (type != null && type.subtype().startsWith("grpc")) {
            return unwrap().serve(ctx, req);
        }
        HttpResponse response = unwrap().serve(ctx, req);
        return HttpResponse.of(response.aggregate().thenApply(RestEnvelope::wrap));
    }

    static HttpResponse wrap(AggregatedHttpResponse r) {
        MediaType type = r.contentType();
        if (r.status() != HttpStatus.OK || type == null || !type.is(MediaType.JSON)) {
            return r.toHttpResponse();
        }
        byte[] head = ("{\"time\":\"" + Instant.now() + "\",\"code\":0,\"message\":\"OK\",\"data\":")
                .getBytes(StandardCharsets.UTF_8);
        byte[] data = r.content().isEmpty() ? "{}".getBytes(StandardCharsets.UTF_8) : r.content().array();
        byte[] body = new byte[head.length + data.length + 1];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(data, 0, body, head.length, data.length);
        body[body.length - 1] = '}';
        ResponseHeaders headers = r.headers().toBuilder().removeAndThen(HttpHeaderNames.CONTENT_LENGTH).build();
        return AggregatedHttpResponse.of(headers, HttpData.wrap(body), r.trailers()).toHttpResponse();
    }
}

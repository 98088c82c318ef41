package dev.opsuite.gateway.rest;

import com.linecorp.armeria.common.AggregatedHttpResponse;
import com.linecorp.armeria.common.HttpMethod;
import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.ResponseHeaders;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;
import java.util.concurrent.Semaphore;

/**
 * Load shedding at the door: at most {@code maxInFlight} requests that do work (every POST — asks,
 * queries, UI actions, stage tests, previews, scans, imports, asset writes — over REST or gRPC) run
 * at once across all callers; one more is refused on the event loop, before it is parsed or queued
 * for a worker thread, with 503 ("overloaded: …", Retry-After: 1; gRPC: UNAVAILABLE). Queued behind
 * the others it would only wait until every answer is too late. Health, ping, reflection and reads
 * (GET) are never shed. The per-caller limits (429) come after this, in the gate.
 */
public final class LoadShedder implements DecoratingHttpServiceFunction {
    public static final String OVERLOADED = "overloaded: ";

    private final Semaphore permits;
    private final int maxInFlight;

    public LoadShedder(int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("OPS_MAX_IN_FLIGHT must be >= 1");
        }
        this.maxInFlight = maxInFlight;
        this.permits = new Semaphore(maxInFlight);
    }

    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        if (!doesWork(req)) {
            return delegate.serve(ctx, req);
        }
        if (!permits.tryAcquire()) {
            String message = OVERLOADED + maxInFlight + " requests are already running; retry after 1 s";
            String type = req.contentType() == null ? "" : req.contentType().toString();
            if (type.startsWith("application/grpc")) {
                return HttpResponse.of(ResponseHeaders.builder(HttpStatus.OK).contentType(req.contentType())
                        .add("grpc-status", "14").add("grpc-message", message).build());
            }
            AggregatedHttpResponse r = Envelopes.of(HttpStatus.SERVICE_UNAVAILABLE, message);
            return HttpResponse.of(r.headers().toBuilder().add("retry-after", "1").build(), r.content());
        }
        ctx.log().whenComplete().thenRun(permits::release);
        return delegate.serve(ctx, req);
    }

    private static boolean doesWork(HttpRequest req) {
        if (req.method() != HttpMethod.POST) {
            return false;
        }
        String path = req.path();
        return !path.startsWith("/grpc.") && !path.endsWith("/Ping") && !path.endsWith("/GetHealth");
    }
}

package dev.opsuite.gateway.rest;

import com.linecorp.armeria.common.HttpRequest;
import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.server.DecoratingHttpServiceFunction;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServiceRequestContext;

/**
 * Headers every HTTP response of the gateway carries, whatever the route: a browser never sniffs a
 * JSON answer into a script or page, never frames one, never sends the URL (with a trace id in it) as a
 * referrer, and never keeps an answer of /ops — it may hold estate data or a trace — in a cache. The
 * console's own routes set stricter ones (its Content-Security-Policy, caching of its hashed assets);
 * being nearer the service, theirs win.
 */
public final class SecurityHeaders implements DecoratingHttpServiceFunction {
    @Override
    public HttpResponse serve(HttpService delegate, ServiceRequestContext ctx, HttpRequest req) throws Exception {
        boolean api = ctx.path().startsWith("/ops/") || ctx.path().equals("/ops");
        ctx.mutateAdditionalResponseHeaders(h -> {
            h.set("x-content-type-options", "nosniff");
            h.set("x-frame-options", "DENY");
            h.set("referrer-policy", "no-referrer");
            if (api) {
                h.set("cache-control", "no-store");
                h.set("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
            }
        });
        return delegate.serve(ctx, req);
    }
}

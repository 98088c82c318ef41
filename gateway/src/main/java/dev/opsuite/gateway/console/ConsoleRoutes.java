package dev.opsuite.gateway.console;

import com.linecorp.armeria.common.HttpResponse;
import com.linecorp.armeria.common.HttpStatus;
import com.linecorp.armeria.common.ServerCacheControl;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.ServerBuilder;
import com.linecorp.armeria.server.encoding.EncodingService;
import com.linecorp.armeria.server.file.FileService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's web console at {@code /console/}: the static files of the {@code console} module's
 * jar ({@code console/index.html} and {@code console/assets/*}, built by Vite), same origin as
 * {@code /ops}. The page holds no credential of its own: it calls the REST API with the API key its
 * user enters, as any client would. Every response carries a strict Content-Security-Policy (scripts
 * and styles from this origin only, no inline script, no framing, API calls to this origin only).
 * Hashed files under {@code assets/} are immutable; {@code index.html} is revalidated on each load.
 */
public final class ConsoleRoutes {
    private static final Logger log = LoggerFactory.getLogger(ConsoleRoutes.class);
    static final String ROOT = "console";
    static final String CSP = String.join("; ",
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'");

    private ConsoleRoutes() {}

    /** Adds /console (a redirect) and /console/** to the server; without the console jar, a 404 and a warning. */
    public static ServerBuilder addTo(ServerBuilder sb) {
        ClassLoader cl = ConsoleRoutes.class.getClassLoader();
        if (cl.getResource(ROOT + "/index.html") == null) {
            log.warn("the console's files are not on the classpath (module console): /console answers 404");
        }
        HttpService files = FileService.builder(cl, ROOT).autoIndex(false).build()
                .decorate(EncodingService.newDecorator())
                .decorate((delegate, ctx, req) -> {
                    ctx.mutateAdditionalResponseHeaders(h -> h
                            .set("content-security-policy", CSP)
                            .set("x-content-type-options", "nosniff")
                            .set("x-frame-options", "DENY")
                            .set("referrer-policy", "no-referrer")
                            .set("cross-origin-opener-policy", "same-origin")
                            .set("cross-origin-resource-policy", "same-origin")
                            .set("cache-control", (ctx.path().startsWith("/console/assets/")
                                    ? ServerCacheControl.IMMUTABLE : ServerCacheControl.REVALIDATED).asHeaderValue()));
                    return delegate.serve(ctx, req);
                });
        return sb.service("/console", (ctx, req) -> HttpResponse.ofRedirect(HttpStatus.FOUND, "/console/"))
                .serviceUnder("/console/", files);
    }
}

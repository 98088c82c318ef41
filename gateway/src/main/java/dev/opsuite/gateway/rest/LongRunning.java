package dev.opsuite.gateway.rest;

import com.linecorp.armeria.common.util.TimeoutMode;
import com.linecorp.armeria.server.HttpService;
import com.linecorp.armeria.server.SimpleDecoratingHttpService;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The calls that run golden queries one after another — a publish through the gate, a regression run
 * (with repeat) and a set run — may take longer than the server's 60 s request timeout: the gate runs up
 * to 200 bound queries, each a whole ask. For those routes alone (REST and gRPC) the timeout is
 * {@link #TIMEOUT}; the caller's own gRPC deadline still applies, and the gate stops at the first query
 * after a cancelled call (nothing is published then). Everything else keeps the 60 s.
 */
public final class LongRunning extends SimpleDecoratingHttpService {
    /** 200 queries at 4.5 s each: far above what the default set needs (≈ 0.4 s a query here). */
    public static final Duration TIMEOUT = Duration.ofMinutes(15);
    private static final Pattern ROUTES = Pattern.compile(
            "/ops/assets/[^/]+/[^/]+/publish|/ops/golden-queries/(?:[^/]+/)?run-regression"
                    + "|/ops\\.v1\\.OpsService/(?:PublishAssetVersion|RunRegression|RunRegressionSet)");

    private LongRunning(HttpService delegate) {
        super(delegate);
    }

    public static LongRunning decorate(HttpService delegate) {
        return new LongRunning(delegate);
    }

    static boolean matches(String path) {
        return ROUTES.matcher(path).matches();
    }

    @Override
    public com.linecorp.armeria.common.HttpResponse serve(com.linecorp.armeria.server.ServiceRequestContext ctx,
                                                           com.linecorp.armeria.common.HttpRequest req) throws Exception {
        if (matches(ctx.path())) {
            ctx.setRequestTimeout(TimeoutMode.SET_FROM_NOW, TIMEOUT);
        }
        return unwrap().serve(ctx, req);
    }
}

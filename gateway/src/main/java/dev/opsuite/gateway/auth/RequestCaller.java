package dev.opsuite.gateway.auth;

import dev.opsuite.conductor.Caller;

/** The conductor's caller: the principal {@link Authenticator} established for the current request. */
public final class RequestCaller implements Caller {
    public static final RequestCaller INSTANCE = new RequestCaller();

    private RequestCaller() {}

    @Override
    public String id() {
        return Authenticator.currentId();
    }

    @Override
    public void mustSee(String traceId, String traceCaller) {
        Authenticator.mustSee(traceId, traceCaller);
    }
}

package dev.opsuite.gateway.auth;

import com.linecorp.armeria.server.ServiceRequestContext;
import dev.opsuite.model.errors.OpsException;

/**
 * The one door of every operation — gRPC, transcoded REST and the import route alike: the role the
 * {@link Access} table asks for, the caller {@link Authenticator} establishes, the caller's
 * {@link CallerLimits}; a refusal is written to the {@link AuditTrail} and thrown.
 */
public final class Gate {
    /** An admitted call: who (null for open operations) and what to release when it ends. */
    public record Admission(Principal caller, Runnable release) {}

    private final Authenticator auth;
    private final CallerLimits limits;
    private final AuditTrail audit;
    private final PolicyAccess policy;

    public Gate(Authenticator auth, CallerLimits limits, AuditTrail audit) {
        this(auth, limits, audit, PolicyAccess.none());
    }

    /** @param policy the Policy asset's narrowing of the access table (never a widening) */
    public Gate(Authenticator auth, CallerLimits limits, AuditTrail audit, PolicyAccess policy) {
        this.policy = policy;
        this.auth = auth;
        this.limits = limits;
        this.audit = audit;
    }

    public AuditTrail audit() {
        return audit;
    }

    /**
     * The gate in front of an HTTP-only route (the gRPC services have {@link AuthInterceptor}): the call
     * is admitted as {@code operation} before the route runs — a refusal is thrown, and the server's
     * error handler renders it — and its permit is released when the exchange ends.
     */
    public com.linecorp.armeria.server.DecoratingHttpServiceFunction guard(String operation) {
        return (delegate, ctx, req) -> {
            Admission admitted = admit(ctx, operation);
            ctx.log().whenComplete().thenAccept(l -> admitted.release().run());
            return delegate.serve(ctx, req);
        };
    }

    public Admission admit(ServiceRequestContext ctx, String operation) {
        Principal caller = null;
        try {
            String role = Access.required(operation).orElseThrow(() ->
                    OpsException.denied(operation + " has no row in the access table"));
            if (Access.OPEN.equals(role)) {
                return new Admission(null, () -> { });
            }
            if (ctx == null) {
                throw OpsException.unauthenticated("no request context");
            }
            caller = auth.authenticate(ctx);
            auth.require(ctx, role, operation);
            if (!policy.allows(operation, caller)) {
                throw OpsException.denied(operation + " is limited by the Policy asset (rbac.operations) to "
                        + policy.limitOf(operation).map(r -> String.join(", ", new java.util.TreeSet<>(r))).orElse("")
                        + "; the caller holds " + String.join(", ", caller.roles()));
            }
            return new Admission(caller, CallerLimits.limited(operation) ? limits.acquire(caller, operation) : () -> { });
        } catch (OpsException e) {
            audit.record(ctx, caller == null ? "" : caller.id(), operation,
                    ctx == null ? "" : ctx.path() + (ctx.query() == null ? "" : "?" + ctx.query()),
                    AuditTrail.outcome(e.code()), e.getMessage());
            throw e;
        }
    }
}

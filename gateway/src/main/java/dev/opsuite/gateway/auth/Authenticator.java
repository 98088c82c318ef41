package dev.opsuite.gateway.auth;

import com.linecorp.armeria.common.RequestHeaders;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.opsuite.model.errors.OpsException;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/**
 * Establishes the caller of every request — REST and gRPC alike — from an API key presented as
 * {@code authorization: Bearer ops_…} (or gRPC metadata of that name). Without credentials a caller
 * on loopback is anonymous with the configured role (default viewer; "none" refuses them), anyone
 * else is refused. A request that names its own roles (x-ops-roles) is refused: roles come only from
 * the key.
 */
public final class Authenticator {
    public static final String LEGACY_ROLES_HEADER = "x-ops-roles";
    static final AttributeKey<Principal> PRINCIPAL = AttributeKey.valueOf(Authenticator.class, "principal");

    private final ApiKeys keys;
    private final String anonymousRole;
    private final Optional<OidcVerifier> oidc;

    /** @param anonymousRole the role of unauthenticated loopback callers, or "none" */
    public Authenticator(ApiKeys keys, String anonymousRole) {
        this(keys, anonymousRole, Optional.empty());
    }

    /** @param oidc when present, bearer JWTs from the configured issuer are accepted beside API keys */
    public Authenticator(ApiKeys keys, String anonymousRole, Optional<OidcVerifier> oidc) {
        this.keys = keys;
        this.anonymousRole = anonymousRole;
        this.oidc = oidc;
        if (!"none".equals(anonymousRole) && !"viewer".equals(anonymousRole)
                && (Principal.ROLES.contains(anonymousRole) || !Principal.ROLE_NAME.matcher(anonymousRole).matches())) {
            throw new IllegalArgumentException("OPS_ANONYMOUS_ROLE must be none, viewer or a lesser role the Policy "
                    + "asset names (such as guest); anonymous callers never get " + Principal.ROLES.subList(1, Principal.ROLES.size()));
        }
    }

    public ApiKeys keys() {
        return keys;
    }

    public String anonymousRole() {
        return anonymousRole;
    }

    /** The principal of this request (authenticated once, then kept on the request context). */
    public Principal authenticate(ServiceRequestContext ctx) {
        Principal known = ctx.attr(PRINCIPAL);
        if (known != null) {
            return known;
        }
        Principal p = authenticate(ctx.request().headers(), ctx.remoteAddress());
        ctx.setAttr(PRINCIPAL, p);
        return p;
    }

    Principal authenticate(RequestHeaders headers, InetSocketAddress remote) {
        if (headers.contains(LEGACY_ROLES_HEADER)) {
            throw OpsException.denied(LEGACY_ROLES_HEADER + " is not accepted: roles come from the API key "
                    + "(authorization: Bearer ops_…)");
        }
        String auth = headers.get("authorization");
        if (auth != null) {
            if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw OpsException.unauthenticated("authorization must be 'Bearer <API key>'");
            }
            String token = auth.substring(7).trim();
            if (oidc.isPresent() && OidcVerifier.looksLikeJwt(token)) {
                return oidc.get().verify(token).orElseThrow(() -> OpsException.unauthenticated(
                        "the bearer token is not valid (signature, issuer, audience or expiry)"));
            }
            return keys.verify(token)
                    .orElseThrow(() -> OpsException.unauthenticated("the API key is not valid (unknown, malformed or revoked)"));
        }
        if (!"none".equals(anonymousRole) && loopback(remote)) {
            return Principal.anonymous(anonymousRole);
        }
        throw OpsException.unauthenticated("authentication required: send authorization: Bearer <API key>");
    }

    /** Authenticates the request and refuses it unless the caller holds the role. */
    public Principal require(ServiceRequestContext ctx, String role, String what) {
        Principal p = authenticate(ctx);
        if (Access.ANY_ROLE.equals(role) ? p.roles().isEmpty() : !p.has(role)) {
            throw OpsException.denied(what + " needs " + (Access.ANY_ROLE.equals(role) ? "a role" : "the role " + role)
                    + " (the caller has " + p.roles() + ")");
        }
        return p;
    }

    /** The id of the current caller for Trace.caller ("" outside a request, e.g. in-process tools). */
    public static String currentId() {
        return current().map(Principal::id).orElse("");
    }

    /** Refuses (as not found: existence is not revealed) a trace the current caller may not see. */
    public static void mustSee(String traceId, String traceCaller) {
        Principal p = current().orElse(null);
        if (p != null && !p.maySee(traceCaller)) {
            throw OpsException.notFound("no trace " + traceId);
        }
    }

    /** The principal already established for the current request, if any. */
    public static Optional<Principal> current() {
        ServiceRequestContext ctx = ServiceRequestContext.currentOrNull();
        return ctx == null ? Optional.empty() : Optional.ofNullable(ctx.attr(PRINCIPAL));
    }

    static boolean loopback(InetSocketAddress remote) {
        InetAddress a = remote == null ? null : remote.getAddress();
        return a != null && a.isLoopbackAddress();
    }
}

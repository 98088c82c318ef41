package dev.opsuite.gateway.auth;

import com.linecorp.armeria.server.ServiceRequestContext;
import dev.opsuite.kit.errors.OpsException;
import dev.opsuite.kit.grpc.GrpcErrors;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.Set;

/**
 * Authenticates and authorises every call of the gateway's gRPC services — and so every transcoded
 * REST route — before it reaches a handler: the caller from {@link Authenticator}, the role the
 * operation needs from {@link Access}. Health checks and reflection stay open: they reveal nothing.
 */
public final class AuthInterceptor implements ServerInterceptor {
    private static final Set<String> OPEN_SERVICES = Set.of("grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");

    private final Authenticator auth;
    private final CallerLimits limits;

    public AuthInterceptor(Authenticator auth, CallerLimits limits) {
        this.auth = auth;
        this.limits = limits;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        var method = call.getMethodDescriptor();
        if (OPEN_SERVICES.contains(method.getServiceName())) {
            return next.startCall(call, headers);
        }
        String operation = method.getBareMethodName();
        Runnable release = () -> { };
        try {
            String role = Access.required(operation).orElseThrow(() ->
                    OpsException.denied(operation + " has no row in the access table"));
            if (!Access.OPEN.equals(role)) {
                ServiceRequestContext ctx = ServiceRequestContext.currentOrNull();
                if (ctx == null) {
                    throw OpsException.unauthenticated("no request context");
                }
                Principal caller = auth.require(ctx, role, operation);
                if (CallerLimits.limited(operation)) {
                    release = limits.acquire(caller, operation);
                }
            }
        } catch (OpsException e) {
            call.close(GrpcErrors.toStatus(e), new Metadata());
            return new ServerCall.Listener<>() {};
        }
        Runnable done = release;
        try {
            return next.startCall(new io.grpc.ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                @Override
                public void close(io.grpc.Status status, Metadata trailers) {
                    done.run();
                    super.close(status, trailers);
                }
            }, headers);
        } catch (RuntimeException e) {
            done.run();
            throw e;
        }
    }
}

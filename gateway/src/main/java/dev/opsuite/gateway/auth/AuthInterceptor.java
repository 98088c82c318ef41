package dev.opsuite.gateway.auth;

import com.google.protobuf.Message;
import com.linecorp.armeria.server.ServiceRequestContext;
import dev.opsuite.kit.grpc.GrpcErrors;
import dev.opsuite.model.errors.OpsException;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Authenticates and authorises every call of the gateway's gRPC services — and so every transcoded
 * REST route — before it reaches a handler: the caller from {@link Authenticator}, the role the
 * operation needs from {@link Access}, the caller's limits from {@link CallerLimits}. Refusals and
 * the outcome of every audited operation go to the {@link AuditTrail}. Health checks and reflection
 * stay open: they reveal nothing.
 */
public final class AuthInterceptor implements ServerInterceptor {
    private static final Set<String> OPEN_SERVICES = Set.of("grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection", "grpc.reflection.v1alpha.ServerReflection");

    private final Gate gate;

    public AuthInterceptor(Gate gate) {
        this.gate = gate;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        var method = call.getMethodDescriptor();
        if (OPEN_SERVICES.contains(method.getServiceName())) {
            return next.startCall(call, headers);
        }
        String operation = method.getBareMethodName();
        ServiceRequestContext ctx = ServiceRequestContext.currentOrNull();
        Gate.Admission admitted;
        try {
            admitted = gate.admit(ctx, operation);
        } catch (OpsException e) {
            call.close(GrpcErrors.toStatus(e), GrpcErrors.trailers(e));
            return new ServerCall.Listener<>() {};
        }
        AuditTrail audit = gate.audit();
        Runnable done = admitted.release();
        boolean audited = AuditTrail.AUDITED.contains(operation);
        String who = admitted.caller() == null ? "" : admitted.caller().id();
        AtomicReference<String> target = new AtomicReference<>(ctx == null ? "" : ctx.path());
        ServerCall<Q, R> closing = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                done.run();
                if (audited) {
                    audit.record(ctx, who, operation, target.get(), status.isOk() ? "ok"
                            : AuditTrail.outcome(GrpcErrors.fromCode(status, trailers)),
                            status.isOk() ? "" : String.valueOf(status.getDescription()));
                }
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> listener;
        try {
            listener = next.startCall(closing, headers);
        } catch (RuntimeException e) {
            done.run();
            throw e;
        }
        if (!audited) {
            return listener;
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                if (message instanceof Message m) {
                    target.set(AuditTrail.target(m));
                }
                super.onMessage(message);
            }
        };
    }
}

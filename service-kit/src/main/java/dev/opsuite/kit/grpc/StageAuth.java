package dev.opsuite.kit.grpc;

import dev.opsuite.kit.config.Env;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may call a stage service (planner, executor, trace): only the product itself. Every call but
 * health and reflection must carry {@code authorization: Bearer <stage token>}, the token the
 * all-in-one generates at start (and writes to $OPS_DATA_DIR/stage.key, 0600, for people replaying
 * one stage with buf curl / grpcurl) or OPS_STAGE_TOKEN when the services run as separate processes.
 * Channels built by {@link Channels} present it. Without a token configured nothing is checked —
 * the services then must not be reachable by anyone else (they bind 127.0.0.1 by default).
 */
public final class StageAuth {
    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static volatile String token = "";

    private StageAuth() {}

    /** Sets the token of this process (empty: no check). */
    public static void configure(String value) {
        token = value == null ? "" : value.strip();
    }

    /** OPS_STAGE_TOKEN, when set. */
    public static void configure(Env env) {
        env.get("OPS_STAGE_TOKEN").ifPresent(StageAuth::configure);
    }

    public static String token() {
        return token;
    }

    /** Refuses a call without the stage token (UNAUTHENTICATED), when one is configured. */
    public static ServerInterceptor server() {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                               ServerCallHandler<Q, R> next) {
                String expected = token;
                if (!expected.isEmpty()) {
                    String given = headers.get(AUTHORIZATION);
                    byte[] want = ("Bearer " + expected).getBytes(StandardCharsets.UTF_8);
                    if (given == null || !MessageDigest.isEqual(want, given.getBytes(StandardCharsets.UTF_8))) {
                        call.close(Status.UNAUTHENTICATED.withDescription("stage services answer the product only: "
                                + "send authorization: Bearer <stage token> ($OPS_DATA_DIR/stage.key)"), new Metadata());
                        return new ServerCall.Listener<>() {};
                    }
                }
                return next.startCall(call, headers);
            }
        };
    }

    /** Presents the stage token on every call (when one is configured). */
    public static ClientInterceptor client() {
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        String t = token;
                        if (!t.isEmpty() && !headers.containsKey(AUTHORIZATION)) {
                            headers.put(AUTHORIZATION, "Bearer " + t);
                        }
                        super.start(listener, headers);
                    }
                };
            }
        };
    }
}

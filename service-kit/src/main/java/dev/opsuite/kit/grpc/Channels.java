package dev.opsuite.kit.grpc;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Client channels to a stage target ({@link StageTarget}: host:port, a replica list, dns:///name:port). When a {@link GrpcServerRunner} in this JVM serves that
 * target and co-location is allowed, the channel is gRPC's in-process transport to the same
 * server (same services, interceptors, handler pool, deadlines and status codes; the messages are
 * handed over instead of encoded, framed and sent through loopback TCP). Any other target gets a
 * Netty channel with the stage credentials of the calling identity ({@link StageAuth}: mutual TLS
 * with that identity's certificate, or plaintext with the stage token). Both carry the current W3C
 * {@code traceparent} ({@link TraceParent#client()}), so the stage services' work joins the caller's trace. The all-in-one runs its services in one JVM, so its stage calls stay in
 * the JVM; services deployed apart talk TCP as before.
 */
public final class Channels {
    /** "host:port" served in this JVM -> in-process server name. */
    private static final Map<String, String> LOCAL = new ConcurrentHashMap<>();

    static {
        io.grpc.NameResolverRegistry.getDefaultRegistry().register(new ReplicaListResolver.Provider());
    }

    private Channels() {}

    /** How a channel reaches its target. */
    public enum Transport {
        /** in-process when this JVM serves the target, else TCP */
        AUTO,
        /** always TCP, even to a server in this JVM */
        TCP;

        /** "auto" (default) or "tcp"; anything else is a configuration error. */
        public static Transport parse(String value) {
            return switch (value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "", "auto" -> AUTO;
                case "tcp" -> TCP;
                default -> throw new IllegalArgumentException("OPS_STAGE_TRANSPORT must be auto or tcp, not " + value);
            };
        }
    }

    /**
     * A channel to {@code target} for calls made as {@code identity} (gateway, planner, executor,
     * trace, operator — see {@link StagePki#IDENTITIES}), without client-side health checks; see
     * {@link #to(String, int, Transport, String, String)}.
     */
    public static ManagedChannel to(String target, int maxInboundBytes, Transport transport, String identity) {
        return to(target, maxInboundBytes, transport, identity, null);
    }

    /**
     * A channel to {@code target} — one {@code host:port}, a replica list {@code host:port,host:port},
     * or {@code dns:///name:port} ({@link StageTarget}) — for calls made as {@code identity}.
     * A single {@code host:port} served by this JVM stays in-process (with {@link Transport#AUTO}).
     * Over TCP the channel balances round_robin over every replica the target names or resolves to,
     * with gRPC's client-side health checking of {@code healthService} (grpc.health.v1; a replica
     * that answers NOT_SERVING — it is shutting down — or whose connection is lost gets no calls), and
     * retries a call that fails UNAVAILABLE on the next replica unless {@link StageRetries} lists its
     * method as unsafe to repeat. Keep-alive pings every 30 s.
     *
     * @param healthService the grpc.health.v1 service name a replica reports (e.g. {@code ops.v1.ExecutorService});
     *                      null: no client-side health checks (connectivity only)
     */
    public static ManagedChannel to(String target, int maxInboundBytes, Transport transport, String identity,
                                    String healthService) {
        StageTarget parsed = StageTarget.parse("stage target", target);
        String local = transport == Transport.AUTO && parsed.kind() == StageTarget.Kind.SINGLE
                ? LOCAL.get(parsed.text()) : null;
        if (local != null) {
            return InProcessChannelBuilder.forName(local).maxInboundMessageSize(maxInboundBytes)
                    .intercept(TraceParent.client()).build();
        }
        NettyChannelBuilder builder;
        if (parsed.isList()) {
            builder = NettyChannelBuilder.forTarget(ReplicaListResolver.SCHEME + ":///replicas",
                            StageAuth.channelCredentials(identity))
                    .setNameResolverArg(ReplicaListResolver.ENDPOINTS, parsed.endpoints());
        } else { // host:port and dns:///name:port: gRPC's own DNS resolver
            builder = NettyChannelBuilder.forTarget(parsed.text(), StageAuth.channelCredentials(identity));
        }
        return builder.defaultServiceConfig(StageRetries.serviceConfig(healthService)).disableServiceConfigLookUp()
                .enableRetry().maxRetryAttempts(StageRetries.MAX_ATTEMPTS)
                // a request larger than this is not kept for a retry (it fails as it did without replicas)
                .perRpcBufferLimit(StageRetries.RETRY_BUFFER_PER_CALL).retryBufferSize(StageRetries.RETRY_BUFFER)
                .maxInboundMessageSize(maxInboundBytes).keepAliveTime(30, TimeUnit.SECONDS)
                .intercept(StageAuth.client(), TraceParent.client()).build();
    }

    /** True when a channel to {@code target} with {@link Transport#AUTO} stays in this JVM. */
    public static boolean isLocal(String target) {
        return LOCAL.containsKey(target);
    }

    /** The targets a server bound to {@code host:port} answers to in this JVM. */
    static List<String> targetsOf(String host, int port) {
        boolean loopbackOrAny = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("0.0.0.0")
                || host.equals("::") || host.equals("::1");
        return loopbackOrAny ? List.of("127.0.0.1:" + port, "localhost:" + port) : List.of(host + ":" + port);
    }

    static void register(List<String> targets, String inProcessName) {
        targets.forEach(t -> LOCAL.put(t, inProcessName));
    }

    static void unregister(List<String> targets, String inProcessName) {
        targets.forEach(t -> LOCAL.remove(t, inProcessName));
    }
}

package dev.opsuite.kit.grpc;

import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Client channels to a "host:port" target. When a {@link GrpcServerRunner} in this JVM serves that
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
     * trace, operator — see {@link StagePki#IDENTITIES}); keep-alive pings every 30 s on TCP.
     */
    public static ManagedChannel to(String target, int maxInboundBytes, Transport transport, String identity) {
        String local = transport == Transport.AUTO ? LOCAL.get(target) : null;
        if (local != null) {
            return InProcessChannelBuilder.forName(local).maxInboundMessageSize(maxInboundBytes)
                    .intercept(TraceParent.client()).build();
        }
        return NettyChannelBuilder.forTarget(target, StageAuth.channelCredentials(identity))
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

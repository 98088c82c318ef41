package dev.opsuite.kit.grpc;

import dev.opsuite.kit.config.Env;
import dev.opsuite.kit.metrics.ProcessMetrics;
import io.grpc.BindableService;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gRPC server with grpc.health.v1, server reflection (v1), a bounded handler pool and
 * graceful shutdown. Every service process is started through this. Besides the TCP port, the
 * same services (same interceptors and handler pool) are served in-process, so that a client in
 * this JVM can reach them without loopback TCP (see {@link Channels}). A service run apart may also serve
 * grpc.health.v1 alone, in plaintext, on a port of its own ({@link #configureHealthPort}): for probes that
 * cannot present a stage certificate, such as Kubernetes' gRPC probes. Given a {@link ProcessMetrics}, every
 * call (TCP or in-process) is timed by RPC and status.
 */
public final class GrpcServerRunner implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GrpcServerRunner.class);

    /** The plaintext health-only port of every server this process starts; -1: none (see configureHealthPort). */
    private static volatile int healthPort = -1;

    private final String name;
    private final Server server;
    private final Server healthServer;
    private final List<ServerServiceDefinition> definitions;
    private final int maxInboundBytes;
    private Server inProcess;
    private List<String> localTargets = List.of();
    private String inProcessName;
    private final HealthStatusManager health = new HealthStatusManager();
    private final ExecutorService handlers;
    private final List<String> serviceNames;

    private GrpcServerRunner(String name, String host, int port, List<BindableService> services,
                             List<ServerInterceptor> interceptors, int handlerThreads, int maxInboundBytes,
                             ProcessMetrics metrics) {
        this.name = name;
        AtomicInteger n = new AtomicInteger();
        // Bounded: a flood queues (up to a limit) rather than spawning unbounded threads.
        this.handlers = new ThreadPoolExecutor(handlerThreads, handlerThreads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(10_000), r -> {
                    Thread t = new Thread(r, name + "-grpc-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(host, port),
                        StageAuth.serverCredentials(identityOf(name)))
                .executor(handlers)
                .maxInboundMessageSize(maxInboundBytes)
                // the gateway's channels ping every 30 s (StageClients); under the 5-minute default a
                // long call — a 10-million-row import stream — was cut with GOAWAY too_many_pings
                .permitKeepAliveTime(20, TimeUnit.SECONDS)
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance());
        this.serviceNames = services.stream().map(s -> s.bindService().getServiceDescriptor().getName()).toList();
        // the caller is authenticated first (the last interceptor runs first); health and reflection stay
        // open on plaintext (a TLS server answers only certificates of the stage CA)
        // then the caller's W3C traceparent (the gateway's span) becomes current for the handler
        List<ServerInterceptor> tcp = new java.util.ArrayList<>(interceptors);
        tcp.add(TraceParent.server());
        tcp.add(StageAuth.server());
        List<ServerInterceptor> local = new java.util.ArrayList<>(interceptors);
        local.add(TraceParent.server());
        local.add(StageAuth.inProcess());
        // outermost: every call is timed by RPC and status, a refused caller's too (ops_rpc_server_duration_seconds)
        ServerInterceptor timed = metrics.rpcServer(name);
        tcp.add(timed);
        local.add(timed);
        this.definitions = services.stream().map(s -> ServerInterceptors.intercept(s, local)).toList();
        services.stream().map(s -> ServerInterceptors.intercept(s, tcp)).forEach(builder::addService);
        this.server = builder.build();
        // the same health status, and nothing else (no reflection, no stage RPCs), without TLS
        this.healthServer = healthPort < 0 ? null
                : NettyServerBuilder.forAddress(new InetSocketAddress(host, healthPort), InsecureServerCredentials.create())
                        .executor(handlers).addService(health.getHealthService()).build();
        this.maxInboundBytes = maxInboundBytes;
    }

    /**
     * A service run as its own process (its main class): OPS_GRPC_HEALTH_PORT, when set, is the port on which
     * its server also answers grpc.health.v1 — only that, in plaintext, on the service's own address — for
     * probes that cannot present a stage certificate (Kubernetes' gRPC probes). Unset: no such port.
     */
    public static void configureHealthPort(Env env) {
        healthPort = env.get("OPS_GRPC_HEALTH_PORT").map(v -> {
            try {
                int port = Integer.parseInt(v.strip());
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new IllegalArgumentException("OPS_GRPC_HEALTH_PORT must be a port number (0-65535), got '" + v + "'");
        }).orElse(-1);
    }

    /** The health-only port, once started; -1 without one. */
    public int healthPort() {
        return healthServer == null ? -1 : healthServer.getPort();
    }

    /** The stage identity a server presents: "planner-service" → planner. */
    static String identityOf(String serverName) {
        String id = serverName.endsWith("-service") ? serverName.substring(0, serverName.length() - "-service".length())
                : serverName;
        return StagePki.IDENTITIES.contains(id) ? id : "gateway";
    }

    /** The in-process twin of the TCP server, named after the bound address; then clients may find it. */
    private void startInProcess(String host) throws IOException {
        inProcessName = name + "@" + host + ":" + port();
        InProcessServerBuilder builder = InProcessServerBuilder.forName(inProcessName).executor(handlers)
                .maxInboundMessageSize(maxInboundBytes)
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance());
        definitions.forEach(builder::addService);
        inProcess = builder.build().start();
        localTargets = Channels.targetsOf(host, port());
        Channels.register(localTargets, inProcessName);
    }

    public static GrpcServerRunner start(String name, String host, int port, List<BindableService> services)
            throws IOException {
        return start(name, host, port, services, ProcessMetrics.off());
    }

    /** A server whose calls are timed in {@code metrics}: its own metrics port's registry, or the all-in-one's. */
    public static GrpcServerRunner start(String name, String host, int port, List<BindableService> services,
                                         ProcessMetrics metrics) throws IOException {
        return start(name, host, port, services, List.of(), Math.max(8, Runtime.getRuntime().availableProcessors() * 8),
                16 * 1024 * 1024, metrics);
    }

    public static GrpcServerRunner start(String name, String host, int port, List<BindableService> services,
                                         List<ServerInterceptor> interceptors, int handlerThreads,
                                         int maxInboundBytes) throws IOException {
        return start(name, host, port, services, interceptors, handlerThreads, maxInboundBytes, ProcessMetrics.off());
    }

    public static GrpcServerRunner start(String name, String host, int port, List<BindableService> services,
                                         List<ServerInterceptor> interceptors, int handlerThreads,
                                         int maxInboundBytes, ProcessMetrics metrics) throws IOException {
        GrpcServerRunner runner = new GrpcServerRunner(name, host, port, services, interceptors, handlerThreads,
                maxInboundBytes, metrics);
        runner.server.start();
        try {
            if (runner.healthServer != null) {
                runner.healthServer.start();
            }
            runner.startInProcess(host);
        } catch (IOException | RuntimeException e) {
            runner.close();
            throw e;
        }
        runner.health.setStatus("", ServingStatus.SERVING);
        for (String s : runner.serviceNames) { // each stage service: SERVING until close (see setServing)
            runner.health.setStatus(s, ServingStatus.SERVING);
        }
        log.info("{} listening on {}:{} ({})", name, host, runner.port(), runner.serviceNames);
        if (runner.healthServer != null) {
            log.info("{} answers grpc.health.v1 alone, in plaintext, on {}:{}", name, host, runner.healthPort());
        }
        return runner;
    }

    public int port() {
        return server.getPort();
    }

    /**
     * Marks the server as a whole ("") SERVING or NOT_SERVING — its stores reachable or not
     * ({@link StoreProbe}); readiness checks read it. Each service's own name stays SERVING until
     * {@link #close()}: that is what the channels' client-side health checks read ({@link Channels}),
     * so a replica leaves rotation when it shuts down, while one whose store is down still answers
     * (with that store's error, naming the failed source) as a single instance does.
     */
    public void setServing(boolean serving) {
        health.setStatus("", serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING);
    }

    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    /** Stops taking calls, lets in-flight calls finish for up to 5 s, then cancels the rest. */
    @Override
    public void close() {
        health.enterTerminalState();
        Channels.unregister(localTargets, inProcessName);
        List<Server> servers = new java.util.ArrayList<>(List.of(server));
        if (inProcess != null) {
            servers.add(inProcess);
        }
        if (healthServer != null) {
            servers.add(healthServer);
        }
        servers.forEach(Server::shutdown);
        try {
            for (Server s : servers) {
                if (!s.awaitTermination(5, TimeUnit.SECONDS)) {
                    s.shutdownNow();
                    s.awaitTermination(2, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            servers.forEach(Server::shutdownNow);
            Thread.currentThread().interrupt();
        }
        handlers.shutdownNow();
        log.info("{} stopped", name);
    }
}

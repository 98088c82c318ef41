package dev.opsuite.kit.grpc;

import io.grpc.Attributes;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.Status;
import io.grpc.StatusOr;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The name resolver of a static replica list ({@code host:port,host:port}): gRPC ships DNS (one
 * name) but nothing for a list. Each endpoint becomes one address group — one subchannel the
 * round_robin policy balances over — carrying its own {@code host:port} as authority, so mutual TLS
 * checks every replica's certificate against that replica's own host. Names are looked up off the
 * channel's synchronization context (the offload executor) and again when the channel asks for a
 * refresh (a replica lost), at most once a second.
 */
final class ReplicaListResolver extends NameResolver {
    static final String SCHEME = "ops-replicas";
    /** The endpoints of the channel's target, handed to the resolver as a channel argument. */
    static final Args.Key<List<StageTarget.Endpoint>> ENDPOINTS = Args.Key.create("ops-replica-endpoints");
    private static final long MIN_REFRESH_NANOS = 1_000_000_000L;

    private final List<StageTarget.Endpoint> endpoints;
    private final Executor offload;
    private final io.grpc.SynchronizationContext sync;
    private final AtomicBoolean resolving = new AtomicBoolean();
    private volatile long lastResolved;
    private Listener2 listener;
    private volatile boolean shutdown;

    private ReplicaListResolver(List<StageTarget.Endpoint> endpoints, Args args) {
        this.endpoints = endpoints;
        this.offload = args.getOffloadExecutor() != null ? args.getOffloadExecutor() : Runnable::run;
        this.sync = args.getSynchronizationContext();
    }

    @Override
    public String getServiceAuthority() {
        return endpoints.get(0).authority();
    }

    @Override
    public void start(Listener2 listener) {
        this.listener = listener;
        resolve();
    }

    @Override
    public void refresh() {
        if (System.nanoTime() - lastResolved >= MIN_REFRESH_NANOS) {
            resolve();
        }
    }

    private void resolve() {
        if (shutdown || !resolving.compareAndSet(false, true)) {
            return;
        }
        offload.execute(() -> {
            List<EquivalentAddressGroup> groups = new ArrayList<>();
            List<String> unresolved = new ArrayList<>();
            for (StageTarget.Endpoint e : endpoints) {
                try {
                    List<SocketAddress> addresses = new ArrayList<>();
                    for (InetAddress a : InetAddress.getAllByName(e.host())) {
                        addresses.add(new InetSocketAddress(a, e.port()));
                    }
                    groups.add(new EquivalentAddressGroup(addresses, Attributes.newBuilder()
                            .set(EquivalentAddressGroup.ATTR_AUTHORITY_OVERRIDE, e.authority()).build()));
                } catch (UnknownHostException ex) {
                    unresolved.add(e.authority());
                }
            }
            lastResolved = System.nanoTime();
            sync.execute(() -> {
                resolving.set(false);
                if (shutdown) {
                    return;
                }
                // the replicas that resolve are used; only when none does is the target unavailable
                StatusOr<List<EquivalentAddressGroup>> result = groups.isEmpty()
                        ? StatusOr.fromStatus(Status.UNAVAILABLE.withDescription("no replica resolves: " + unresolved))
                        : StatusOr.fromValue(groups);
                listener.onResult2(ResolutionResult.newBuilder().setAddressesOrError(result).build());
            });
        });
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    /** Registered once by {@link Channels}; makes {@code ops-replicas:///…} targets resolvable. */
    static final class Provider extends NameResolverProvider {
        @Override
        protected boolean isAvailable() {
            return true;
        }

        @Override
        protected int priority() {
            return 1; // below DNS (5): a target without a scheme stays DNS
        }

        @Override
        public String getDefaultScheme() {
            return SCHEME;
        }

        @Override
        public NameResolver newNameResolver(URI targetUri, Args args) {
            if (!SCHEME.equals(targetUri.getScheme())) {
                return null;
            }
            List<StageTarget.Endpoint> endpoints = args.getArg(ENDPOINTS);
            if (endpoints == null || endpoints.isEmpty()) {
                throw new IllegalArgumentException(targetUri + ": a replica list channel needs its endpoints");
            }
            return new ReplicaListResolver(endpoints, args);
        }

        @Override
        public java.util.Collection<Class<? extends SocketAddress>> getProducedSocketAddressTypes() {
            return List.of(InetSocketAddress.class);
        }
    }
}

package dev.opsuite.kit.grpc;

import dev.opsuite.kit.config.Env;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.ForwardingClientCall;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/**
 * Who may call a stage service (planner, executor, trace), and what. Three ways in:
 * <ul>
 *   <li>in-process (the all-in-one's own stage calls): the product itself, everything allowed;</li>
 *   <li>mutual TLS (the default over TCP): the caller presents a certificate of the stage CA in
 *       {@link StagePki}'s directory ($OPS_DATA_DIR/tls in the all-in-one, OPS_STAGE_TLS_DIR for
 *       services run apart); its CN is its identity, and {@link #MAY_CALL} says which RPCs that
 *       identity may call — the gateway all, planner and executor only what they need of each other,
 *       {@code operator} (a person replaying one stage with buf curl / grpcurl) the stage RPCs and
 *       reads, never writes, imports or source checks;</li>
 *   <li>a shared bearer token (OPS_STAGE_TLS=off with OPS_STAGE_TOKEN; plaintext, weaker: a holder is
 *       the product).</li>
 * </ul>
 * Health and reflection stay open on plaintext servers; a TLS server answers nobody without a
 * certificate of its CA. The identity of the current call is {@link #caller()}; only the product
 * itself may send asset contents that differ from the registry's ({@link #mayOverrideAssets()}).
 */
public final class StageAuth {
    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    /** The caller of the current stage call; unset outside one. */
    private static final Context.Key<String> CALLER = Context.key("ops-stage-caller");
    public static final String IN_PROCESS = "in-process";
    public static final String TOKEN_HOLDER = "stage-token";
    /** No token and no TLS configured (a service started by a test or embedded without either). */
    public static final String UNCHECKED = "unchecked";

    /** RPCs each TLS identity may call ("service/*" for all of a service's). */
    static final Map<String, Set<String>> MAY_CALL = Map.of(
            "gateway", Set.of("*"),
            "planner", Set.of("ops.v1.ExecutorService/LoadDictionary", "ops.v1.AssetService/GetAsset"),
            "executor", Set.of("ops.v1.AssetService/GetAsset"),
            "trace", Set.of(),
            "operator", Set.of("ops.v1.PlannerService/*", "ops.v1.ExecutorService/Execute",
                    "ops.v1.ExecutorService/Compose", "ops.v1.ExecutorService/Present",
                    "ops.v1.ExecutorService/LoadDictionary", "ops.v1.TraceService/FetchTrace",
                    "ops.v1.TraceService/SearchTraces", "ops.v1.AssetService/GetAsset",
                    "ops.v1.AssetService/ListAssets", "ops.v1.AssetService/ResolveAssets",
                    "ops.v1.AssetService/DiffAssets"));
    private static final Set<String> PRODUCT = Set.of(IN_PROCESS, TOKEN_HOLDER, UNCHECKED, "gateway");

    private static volatile String token = "";
    private static volatile Path tlsDir;
    /** The PKI's files as read at configureTls: channels and servers built later never read the disk again. */
    private static volatile Map<String, byte[]> tlsFiles = Map.of();

    private StageAuth() {}

    /** Plaintext with a shared token (empty: no check). Turns TLS off. */
    public static void configure(String value) {
        token = value == null ? "" : value.strip();
        tlsDir = null;
    }

    /** Mutual TLS with the certificates in {@code dir} (see {@link StagePki}). */
    public static void configureTls(Path dir) {
        if (!Files.isReadable(StagePki.ca(dir))) {
            throw new IllegalArgumentException("no stage CA certificate at " + StagePki.ca(dir));
        }
        Map<String, byte[]> files = new java.util.HashMap<>();
        try (var list = Files.list(dir)) {
            for (Path f : list.filter(f -> f.getFileName().toString().matches("[a-z]+\\.(pem|key)")).toList()) {
                files.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("stage TLS: cannot read " + dir, e);
        }
        tlsFiles = Map.copyOf(files);
        tlsDir = dir;
        token = "";
    }

    /**
     * Writes the PKI this process uses into {@code dir} (another all-in-one in the same JVM, e.g. a
     * test stack, shares its certificates) and names it as this process's directory.
     */
    public static void exportTls(Path dir) throws IOException {
        Map<String, byte[]> files = tlsFiles;
        if (files.isEmpty()) {
            throw new IllegalStateException("stage TLS is not configured");
        }
        StagePki.writeAll(dir, files);
        tlsDir = dir;
    }

    /**
     * A service run as its own process: OPS_STAGE_TLS_DIR (mutual TLS; the all-in-one's
     * $OPS_DATA_DIR/tls copied to the host, or made by it), or OPS_STAGE_TLS=off with OPS_STAGE_TOKEN.
     * Neither is refused: a stage service open to anyone who reaches its port is not started.
     */
    public static void configure(Env env) {
        Optional<String> dir = env.get("OPS_STAGE_TLS_DIR").filter(s -> !s.isBlank());
        boolean off = "off".equalsIgnoreCase(env.get("OPS_STAGE_TLS", "on").strip());
        if (!off && dir.isPresent()) {
            configureTls(Path.of(dir.get()));
        } else if (off && env.get("OPS_STAGE_TOKEN").filter(s -> !s.isBlank()).isPresent()) {
            configure(env.get("OPS_STAGE_TOKEN").orElseThrow());
        } else {
            throw new IllegalStateException("a stage service needs OPS_STAGE_TLS_DIR (mutual TLS, the default) or "
                    + "OPS_STAGE_TLS=off with OPS_STAGE_TOKEN; refusing to start without either");
        }
    }

    public static String token() {
        return token;
    }

    public static Optional<Path> tlsDir() {
        return Optional.ofNullable(tlsDir);
    }

    /** The identity of the current stage call, or empty outside one. */
    public static Optional<String> caller() {
        return Optional.ofNullable(CALLER.get());
    }

    /** True when the current caller is the product itself (asset overrides and drafts allowed). */
    public static boolean mayOverrideAssets() {
        return caller().map(PRODUCT::contains).orElse(true);
    }

    /** How a server of {@code identity} listens: TLS requiring a client certificate of the CA, or plaintext. */
    static ServerCredentials serverCredentials(String identity) {
        if (tlsDir == null) {
            return InsecureServerCredentials.create();
        }
        try {
            return TlsServerCredentials.newBuilder().keyManager(file(identity + ".pem"), file(identity + ".key"))
                    .trustManager(file("ca.pem")).clientAuth(TlsServerCredentials.ClientAuth.REQUIRE).build();
        } catch (IOException e) {
            throw new UncheckedIOException("stage TLS: cannot use the certificate of " + identity, e);
        }
    }

    /** How a client of {@code identity} connects: TLS with its certificate, or plaintext. */
    static ChannelCredentials channelCredentials(String identity) {
        if (tlsDir == null) {
            return InsecureChannelCredentials.create();
        }
        try {
            return TlsChannelCredentials.newBuilder().keyManager(file(identity + ".pem"), file(identity + ".key"))
                    .trustManager(file("ca.pem")).build();
        } catch (IOException e) {
            throw new UncheckedIOException("stage TLS: cannot use the certificate of " + identity, e);
        }
    }

    private static java.io.InputStream file(String name) throws IOException {
        byte[] b = tlsFiles.get(name);
        if (b == null) {
            throw new java.io.FileNotFoundException(name + " is not in the stage TLS directory " + tlsDir);
        }
        return new java.io.ByteArrayInputStream(b);
    }

    /** Marks calls that arrive in-process: the product itself. */
    static ServerInterceptor inProcess() {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                               ServerCallHandler<Q, R> next) {
                return Contexts.interceptCall(Context.current().withValue(CALLER, IN_PROCESS), call, headers, next);
            }
        };
    }

    /** Authenticates a call that arrived over TCP and checks what its identity may call. */
    static ServerInterceptor server() {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                               ServerCallHandler<Q, R> next) {
                String caller;
                SSLSession tls = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
                if (tls != null) {
                    caller = identityOf(tls);
                    String method = call.getMethodDescriptor().getFullMethodName();
                    if (caller == null) {
                        return refuse(call, Status.UNAUTHENTICATED.withDescription(
                                "stage services answer certificates of the stage CA with a known identity only"));
                    }
                    if (!mayCall(caller, method)) {
                        return refuse(call, Status.PERMISSION_DENIED.withDescription(
                                "stage identity '" + caller + "' may not call " + method));
                    }
                } else if (!token.isEmpty()) {
                    String given = headers.get(AUTHORIZATION);
                    byte[] want = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
                    if (given == null || !MessageDigest.isEqual(want, given.getBytes(StandardCharsets.UTF_8))) {
                        return refuse(call, Status.UNAUTHENTICATED.withDescription("stage services answer the "
                                + "product only: send authorization: Bearer <stage token>"));
                    }
                    caller = TOKEN_HOLDER;
                } else if (tlsDir != null) {
                    // a TLS server always has a session; reaching here means the transport is not what it should be
                    return refuse(call, Status.UNAUTHENTICATED.withDescription("stage services need mutual TLS"));
                } else {
                    caller = UNCHECKED;
                }
                return Contexts.interceptCall(Context.current().withValue(CALLER, caller), call, headers, next);
            }
        };
    }

    /**
     * The TLS identities {@link #MAY_CALL} lets call an RPC ("ops.v1.PlannerService/RoutePlan"), sorted:
     * what the API reference prints beside each stage RPC.
     */
    public static List<String> identitiesAllowed(String fullMethod) {
        return MAY_CALL.keySet().stream().filter(identity -> mayCall(identity, fullMethod)).sorted().toList();
    }

    static boolean mayCall(String identity, String fullMethod) {
        Set<String> allowed = MAY_CALL.getOrDefault(identity, Set.of());
        String service = fullMethod.substring(0, Math.max(0, fullMethod.indexOf('/')));
        return allowed.contains("*") || allowed.contains(fullMethod) || allowed.contains(service + "/*");
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, Status status) {
        call.close(status, new Metadata());
        return new ServerCall.Listener<>() {};
    }

    /** The CN of the verified peer certificate when it names a known identity, else null. */
    private static String identityOf(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate peer)) {
                return null;
            }
            RDN[] cns = X500Name.getInstance(peer.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
            if (cns.length != 1) {
                return null;
            }
            String cn = IETFUtils.valueToString(cns[0].getFirst().getValue());
            return MAY_CALL.containsKey(cn) ? cn : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    /** Presents the stage token on every call (token mode only). */
    static ClientInterceptor client() {
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

    /** The identities known to the access table (for tests and docs). */
    public static List<String> identities() {
        return StagePki.IDENTITIES;
    }
}

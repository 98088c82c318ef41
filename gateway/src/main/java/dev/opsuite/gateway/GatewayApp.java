package dev.opsuite.gateway;

import com.linecorp.armeria.server.Server;
import com.linecorp.armeria.server.docs.DocService;
import com.linecorp.armeria.server.grpc.GrpcService;
import com.linecorp.armeria.server.grpc.HttpJsonTranscodingOptions;
import com.linecorp.armeria.server.grpc.HttpJsonTranscodingQueryParamMatchRule;
import dev.opsuite.gateway.auth.ApiKeys;
import dev.opsuite.gateway.auth.AuthInterceptor;
import dev.opsuite.gateway.auth.Authenticator;
import dev.opsuite.gateway.auth.AuditTrail;
import dev.opsuite.gateway.auth.CallerLimits;
import dev.opsuite.gateway.auth.Gate;
import dev.opsuite.gateway.auth.FileApiKeys;
import dev.opsuite.gateway.auth.RequestCaller;
import dev.opsuite.conductor.Conductor;
import dev.opsuite.conductor.LlmBudget;
import dev.opsuite.conductor.Stages;
import dev.opsuite.gateway.stages.GrpcStages;
import dev.opsuite.gateway.stages.StageClients;
import dev.opsuite.conductor.TraceSink;
import dev.opsuite.conductor.UiActionRunner;
import dev.opsuite.gateway.grpc.HealthProbe;
import dev.opsuite.gateway.grpc.OpsGrpcService;
import dev.opsuite.gateway.grpc.RequestChecks;
import dev.opsuite.gateway.otel.OtelExport;
import dev.opsuite.gateway.otel.W3cTraces;
import dev.opsuite.gateway.rest.EnvelopeErrorHandler;
import dev.opsuite.gateway.rest.ImportService;
import dev.opsuite.gateway.trace.TraceShipper;
import dev.opsuite.gateway.trace.TraceSpill;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root of the gateway: channels to the stage services, the trace shipper, the
 * conductor, and one Armeria server serving gRPC, REST (transcoded from the proto's
 * google.api.http rules, proto field names in JSON), the import route, the streamed ask (SSE),
 * DocService and the web console.
 */
public final class GatewayApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayApp.class);
    private static final long IMPORT_MAX_BYTES = 16L * 1024 * 1024 * 1024;
    private final Server server;
    private final StageClients clients;
    private final TraceShipper shipper;
    private final HealthStatusManager health;
    private final HealthProbe probe;
    private final ApiKeys keys;
    private final AuditTrail audit;
    private final dev.opsuite.gateway.auth.PolicyAccess policyAccess;

    private final java.util.Optional<dev.opsuite.llm.LlmClient> llm;
    private final dev.opsuite.gateway.metrics.OpsMeters meters;
    private final java.util.Optional<OtelExport> otel;

    private GatewayApp(Server server, StageClients clients, TraceShipper shipper, HealthStatusManager health,
                       HealthProbe probe, ApiKeys keys, AuditTrail audit,
                       dev.opsuite.gateway.auth.PolicyAccess policyAccess,
                       java.util.Optional<dev.opsuite.llm.LlmClient> llm,
                       dev.opsuite.gateway.metrics.OpsMeters meters, java.util.Optional<OtelExport> otel) {
        this.meters = meters;
        this.otel = otel;
        this.llm = llm;
        this.policyAccess = policyAccess;
        this.audit = audit;
        this.probe = probe;
        this.keys = keys;
        this.server = server;
        this.clients = clients;
        this.shipper = shipper;
        this.health = health;
    }

    public static GatewayApp start(GatewayConfig cfg) {
        return start(cfg, null);
    }

    /** @param startupPending not null: /ops/health stays 503 until {@link #startupDone()} */
    public static GatewayApp start(GatewayConfig cfg, String startupPending) {
        return start(cfg, startupPending, dev.opsuite.kit.metrics.ProcessMetrics.prometheus(), true);
    }

    /**
     * @param metrics the process's registry, served at GET /metrics: the all-in-one's, shared with its stage
     *                services (then {@code owned} is false and it outlives the gateway)
     */
    public static GatewayApp start(GatewayConfig cfg, String startupPending,
                                   dev.opsuite.kit.metrics.ProcessMetrics metrics, boolean owned) {
        StageClients clients = new StageClients(cfg.plannerTarget(), cfg.executorTarget(), cfg.traceTarget(),
                cfg.stageDeadlineMs(), cfg.assetsByReference(), cfg.stageTransport());
        TraceShipper shipper = new TraceShipper(
                req -> clients.callTrace("trace-service WriteTraces", () -> clients.trace().writeTraces(req)),
                new TraceSpill(cfg.traceSpillDir()), cfg.traceBatchSize(), cfg.traceQueueCapacity(),
                cfg.traceDurable().equals("off") ? null
                        : new dev.opsuite.gateway.trace.TraceJournal(cfg.traceSpillDir(), cfg.traceDurable().equals("fsync")));
        // every finished trace is charged to its caller's daily LLM budget on its way to the shipper
        LlmBudget llm = new LlmBudget(cfg.llmDailyTokens(), cfg.llmConfigured(), cfg.clock(), cfg.llmUsageFile());
        // the pipeline's figures (stages, replans, tool and model calls) are read off each finished trace
        dev.opsuite.gateway.metrics.OpsMeters meters = new dev.opsuite.gateway.metrics.OpsMeters(shipper, metrics, owned);
        TraceSink counted = new dev.opsuite.gateway.metrics.TraceMetrics(meters.registry(), llm.charging(shipper));
        // and, with OTEL_EXPORTER_OTLP_ENDPOINT set, exported as OTLP spans (off: no exporter, no thread)
        java.util.Optional<OtelExport> otel = OtelExport.start(cfg.otel());
        otel.ifPresent(o -> o.bindTo(meters.registry()));
        TraceSink traces = otel.map(o -> o.exporting(counted)).orElse(counted);
        // a caller's W3C traceparent is continued (and carried on the stage calls) whether or not we export
        W3cTraces distributed = new W3cTraces(otel.isPresent());
        // the conductor reaches the stage services through its port, carried over gRPC here
        Stages stages = new GrpcStages(clients);
        Conductor conductor = new Conductor(stages, traces, cfg.clock(), llm, RequestCaller.INSTANCE, distributed);
        HealthProbe probe = new HealthProbe(clients.channels(), startupPending, () -> breakers(clients));
        ApiKeys keys = new FileApiKeys(cfg.keysFile());
        bootstrapAdminKey(keys, cfg.adminKeyFile());
        Authenticator auth = new Authenticator(keys, cfg.anonymousRole(),
                cfg.oidc().map(dev.opsuite.gateway.auth.OidcVerifier::new));
        CallerLimits limits = new CallerLimits(cfg.ratePerSecond(), cfg.concurrentPerCaller());
        AuditTrail audit = new AuditTrail(req -> clients.callTrace("trace-service WriteAuditEvents",
                () -> clients.audit().writeAuditEvents(req)), 10_000);
        // the Policy asset may narrow the access table (rbac.operations), read in the background
        dev.opsuite.gateway.auth.PolicyAccess policyAccess = dev.opsuite.gateway.auth.PolicyAccess.refreshing(
                () -> java.util.Optional.of(conductor.publishedPolicy(cfg.accessPolicy())),
                Duration.ofMillis(cfg.accessRefreshMs()));
        Gate gate = new Gate(auth, limits, audit, policyAccess);
        // the gateway's own model call: the RCA narrative (options.use_llm); stages call theirs
        java.util.Optional<dev.opsuite.llm.LlmClient> model = dev.opsuite.llm.LlmClients.create(cfg.llm());
        OpsGrpcService ops = new OpsGrpcService(conductor, new UiActionRunner(stages, traces, cfg.clock(), llm, RequestCaller.INSTANCE,
                distributed), clients,
                traces, probe,
                new RequestChecks(cfg.maxQuestionChars()), keys, new dev.opsuite.gateway.rca.RcaNarrator(model));
        EnvelopeErrorHandler errors = new EnvelopeErrorHandler();
        HealthStatusManager health = new HealthStatusManager();
        health.setStatus("", ServingStatus.SERVING);
        health.setStatus("ops.v1.OpsService", ServingStatus.SERVING);
        GrpcService grpc = GrpcService.builder()
                .addService(ops)
                .intercept(new AuthInterceptor(gate))
                .addService(health.getHealthService())
                .addService(ProtoReflectionServiceV1.newInstance())
                .enableHttpJsonTranscoding(HttpJsonTranscodingOptions.builder()
                        .queryParamMatchRules(HttpJsonTranscodingQueryParamMatchRule.ORIGINAL_FIELD)
                        .errorHandler(errors).build())
                .jsonMarshallerFactory(dev.opsuite.gateway.rest.RestJson::marshaller)
                .useBlockingTaskExecutor(true)
                .maxRequestMessageLength(cfg.maxRequestBytes())
                .build();
        com.linecorp.armeria.server.ServerBuilder sb = Server.builder();
        // the web console's static files (module console), same origin as /ops
        dev.opsuite.gateway.console.ConsoleRoutes.addTo(sb);
        Server server = sb
                .http(new InetSocketAddress(cfg.httpHost(), cfg.httpPort()))
                .meterRegistry(meters.registry())
                // request counts and latency histograms per route (REST) and per RPC (gRPC), with status
                .decorator(com.linecorp.armeria.server.metric.MetricCollectingService.newDecorator(
                        com.linecorp.armeria.common.metric.MeterIdPrefixFunction.ofDefault(
                                dev.opsuite.gateway.metrics.OpsMeters.HTTP_PREFIX)))
                // past OPS_MAX_IN_FLIGHT working requests: 503 at once, before any worker thread is taken
                .decorator(new dev.opsuite.gateway.rest.LoadShedder(cfg.maxInFlight()))
                // nosniff, no framing, no referrer; no caching of /ops answers
                .decorator(new dev.opsuite.gateway.rest.SecurityHeaders())
                // an RPC's response is its data; a REST caller gets it inside {time, code, message, data}
                .service(grpc, dev.opsuite.gateway.rest.RestEnvelope::decorate,
                        dev.opsuite.gateway.rest.LongRunning::decorate)
                .route().post("/ops/import/{kind}").maxRequestLength(IMPORT_MAX_BYTES)
                .requestTimeout(Duration.ofMinutes(60))
                .decorator((delegate, ctx, req) -> {
                    Gate.Admission admitted = gate.admit(ctx, "Import");
                    String target = ctx.path() + (ctx.query() == null ? "" : "?" + ctx.query());
                    ctx.log().whenComplete().thenAccept(l -> {
                        admitted.release().run();
                        // a streamed import that ended in an error event is audited with the error's status
                        int status = ImportService.endedWith(ctx, l.responseHeaders().status()).code();
                        audit.record(ctx, admitted.caller().id(), "Import", target, status == 200 ? "ok"
                                : status == 429 ? "rate_limited" : status < 500 ? "invalid" : "failed",
                                status == 200 ? "" : "HTTP " + status);
                    });
                    return delegate.serve(ctx, req);
                })
                // no RestEnvelope decorator: it would hold a streamed answer whole; ImportReply envelopes its own
                .build(new ImportService(clients.executorChannel(), IMPORT_MAX_BYTES, clients.estateGeneration()))
                // AskStream as Server-Sent Events: a route of its own (the transcoder serves unary methods
                // only), behind the same gate, limits and body bound as every other call
                .route().post(dev.opsuite.gateway.grpc.AskStreams.ENDPOINT)
                .decorator(gate.guard("AskStream"))
                .build(new dev.opsuite.gateway.rest.AskStreamService(ops.askStreams(),
                        dev.opsuite.gateway.rest.RestJson.of(dev.opsuite.proto.v1.OpsServiceGrpc.getServiceDescriptor()),
                        errors))
                .serviceUnder("/docs", DocService.builder().build())
                // Prometheus scrapes with an operator's key (authorization: Bearer …), like any caller
                .route().get("/metrics")
                .decorator(gate.guard("Metrics"))
                .build(com.linecorp.armeria.server.prometheus.PrometheusExpositionService.of(
                        meters.registry().getPrometheusRegistry()))
                .errorHandler(errors)
                .maxRequestLength(cfg.maxRequestBytes())
                .requestTimeout(Duration.ofSeconds(60))
                .blockingTaskExecutor(64)
                .gracefulShutdownTimeout(Duration.ofMillis(500), Duration.ofSeconds(10))
                .build();
        server.start().join();
        return new GatewayApp(server, clients, shipper, health, probe, keys, audit, policyAccess, model, meters, otel);
    }

    /**
     * The first start (no active admin key) creates one and writes its token, readable by the owner
     * only, to the data directory, where {@code ./ops} finds it: the operator has a working admin
     * credential without any key ever being printed to a log.
     */
    static void bootstrapAdminKey(ApiKeys keys, Path adminKeyFile) {
        if (adminKeyFile == null || keys.hasActiveAdmin()) {
            return;
        }
        ApiKeys.Created created = keys.create("admin", List.of("admin"));
        try {
            Path parent = adminKeyFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".admin", ".tmp");
            FileApiKeys.ownerOnly(tmp);
            Files.writeString(tmp, created.token() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, adminKeyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            keys.revoke(created.key().id());
            throw new UncheckedIOException("the admin key file " + adminKeyFile + " cannot be written", e);
        }
        log.info("created the admin API key {} (token in {}, mode 0600)", created.key().id(), adminKeyFile);
    }

    /** The API keys this gateway accepts (tests and the launcher create keys through it). */
    public ApiKeys keys() {
        return keys;
    }

    public void startupDone() {
        probe.setStartupPending(null);
    }

    public int port() {
        return server.activeLocalPort();
    }

    public TraceShipper shipper() {
        return shipper;
    }

    /** Stops taking requests, lets in-flight ones finish, flushes traces, closes channels. */
    @Override
    public void close() {
        health.enterTerminalState();
        server.stop().join();
        shipper.close();
        otel.ifPresent(OtelExport::close);
        audit.close();
        policyAccess.close();
        clients.close();
        llm.ifPresent(dev.opsuite.llm.LlmClient::close);
        meters.close();
    }

    /** The gateway's breakers per stage service and executor-service's per Source version (when it answers). */
    private static List<dev.opsuite.proto.v1.BreakerState> breakers(StageClients clients) {
        List<dev.opsuite.proto.v1.BreakerState> out = new java.util.ArrayList<>();
        clients.breakerStates().forEach(b -> out.add(dev.opsuite.proto.v1.BreakerState.newBuilder().setName(b.name())
                .setState(b.state()).setSince(b.since()).setLastError(b.lastError()).build()));
        try {
            out.addAll(dev.opsuite.proto.v1.ExecutorServiceGrpc.newBlockingStub(clients.executorChannel())
                    .withDeadlineAfter(1, java.util.concurrent.TimeUnit.SECONDS)
                    .getBreakers(dev.opsuite.proto.v1.GetBreakersRequest.getDefaultInstance()).getBreakersList());
        } catch (io.grpc.StatusRuntimeException e) {
            // executor-service not answering shows as its own component and breaker
        }
        return out;
    }
}

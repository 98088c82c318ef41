package dev.opsuite.conductor;

import dev.opsuite.model.asset.PolicyAsset;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.AskResponse;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.Trace;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpsService conductor: resolves the asset set once, runs ROUTE+PLAN -> VALIDATE -> EXECUTE
 * -> COMPOSE -> PRESENT through the stage port, drives the control loop, assembles the Trace and hands it to
 * the shipper (the answer never waits for the trace store).
 */
public final class Conductor {
    private final Stages stages;
    private final TracedOperation traced;
    private final java.time.Clock clock;
    private final ZoneId zone;
    private final AskAssets askAssets;

    private final LlmBudget llm;

    private final DistributedTrace distributed;

    public Conductor(Stages stages, TraceSink traces, java.time.Clock clock, LlmBudget llm, Caller caller) {
        this(stages, traces, clock, llm, caller, DistributedTrace.NONE);
    }

    /** @param distributed the caller's W3C trace context, recorded in each trace and carried on its stage calls */
    public Conductor(Stages stages, TraceSink traces, java.time.Clock clock, LlmBudget llm, Caller caller,
                     DistributedTrace distributed) {
        this.llm = llm;
        this.stages = stages;
        this.distributed = distributed;
        this.traced = new TracedOperation(traces, caller, distributed);
        this.clock = clock;
        this.zone = clock.getZone();
        this.askAssets = new AskAssets(stages);
    }

    public java.time.Clock clock() {
        return clock;
    }

    /** The Policy asset an ask without overrides applies (for WhoAmI's data scope). */
    public PolicyAsset publishedPolicy() {
        return publishedPolicy(java.util.Optional.empty());
    }

    /**
     * The published Policy asset of that name (else the default one; every default when there is
     * none), from the same version-keyed cache as every ask: a version is fetched and parsed once.
     */
    public PolicyAsset publishedPolicy(java.util.Optional<String> name) {
        return askAssets.resolve(name.map(n -> Map.of("policy", n)).orElse(Map.of())).stream()
                .filter(a -> a.getAssetType().equals("policy")).findFirst()
                .map(a -> PolicyAsset.of(dev.opsuite.kit.json.AssetProtos.toDoc(a))).orElse(PolicyAsset.DEFAULTS);
    }

    public DistributedTrace distributedTrace() {
        return distributed;
    }

    public LlmBudget llm() {
        return llm;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The answer and the trace it left; the trace is already queued for storage. */
    public record Outcome(AskResponse data, Trace trace) {}

    public Outcome ask(AskRequest request, List<String> roles, String endpoint) {
        return ask(request, roles, endpoint, "ci");
    }

    public Outcome ask(AskRequest request, List<String> roles, String endpoint, String feature) {
        return ask(request, roles, endpoint, feature, null);
    }

    /**
     * The same ask, with {@code listener} told of each stage run as it finishes (null: nobody, as
     * {@link #ask(AskRequest, List, String, String)}). When the listener's caller leaves, the stages
     * not started are not run and the trace is written with status {@code cancelled}; the failure
     * reaching the edge says before or during which stage it stopped.
     */
    public Outcome ask(AskRequest request, List<String> roles, String endpoint, String feature,
                       StageListener listener) {
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Trace.Builder trace = traced.open(feature, endpoint, now, request.getMode().isEmpty() ? "real"
                : request.getMode(), request.getQuestion(), roles);
        return traced.run(trace, t -> {
            List<ResolvedAsset> assets = resolveAssets(request);
            TraceRecorder.recordApplied(t, assets);
            UnpublishedAssets.check(assets, roles);
            TraceRecorder recorder = new TraceRecorder(t, assets, listener);
            Pipeline pipeline = new Pipeline(stages, recorder, assets, roles, now, zone, llm);
            try {
                AskResponse.Builder answered = pipeline.run(request);
                recorder.answered();
                return answered;
            } catch (RuntimeException e) {
                throw recorder.failed(e);
            }
        }, (data, done) -> {
            data.getMetaBuilder().setTraceId(done.getTraceId()).setTimingMs(done.getDurationMs());
            return new Outcome(data.setTrace(ClientTraces.view(done)).build(), done);
        });
    }

    private List<ResolvedAsset> resolveAssets(AskRequest request) {
        Map<String, String> overrides = new LinkedHashMap<>(request.getAssetOverridesMap());
        putIfSet(overrides, "resolver", request.getResolverAsset());
        putIfSet(overrides, "schema", request.getSchemaAsset());
        putIfSet(overrides, "source", request.getSourceAsset());
        return askAssets.resolve(overrides);
    }

    private static void putIfSet(Map<String, String> m, String key, String value) {
        if (!value.isBlank() && !m.containsKey(key)) {
            m.put(key, value.trim());
        }
    }

    /** A failure whose trace was written: the edge reports the trace id with the error. */
    public static final class TracedFailure extends RuntimeException {
        private final OpsException cause;
        private final String traceId;

        TracedFailure(OpsException cause, String traceId) {
            super(cause.getMessage(), cause);
            this.cause = cause;
            this.traceId = traceId;
        }

        public OpsException failure() {
            return cause;
        }

        public String traceId() {
            return traceId;
        }
    }
}

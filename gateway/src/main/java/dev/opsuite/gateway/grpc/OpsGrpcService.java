package dev.opsuite.gateway.grpc;

import dev.opsuite.conductor.Conductor;
import dev.opsuite.gateway.stages.StageClients;
import dev.opsuite.conductor.TraceLookup;
import dev.opsuite.conductor.TraceSink;
import dev.opsuite.conductor.UiActionRunner;
import dev.opsuite.conductor.StageCalls;
import dev.opsuite.conductor.StageTester;
import dev.opsuite.proto.v1.GetStageCallRequest;
import dev.opsuite.proto.v1.GetStageCallResponse;
import dev.opsuite.proto.v1.StageTestRequest;
import dev.opsuite.proto.v1.StageTestResponse;
import dev.opsuite.proto.v1.QueryRequest;
import dev.opsuite.proto.v1.QueryResponse;
import dev.opsuite.proto.v1.RunUiActionRequest;
import dev.opsuite.proto.v1.RunUiActionResponse;
import dev.opsuite.proto.v1.RunUiActionResponse;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.kit.grpc.GrpcErrors;
import dev.opsuite.proto.v1.ArchiveAssetVersionRequest;
import dev.opsuite.proto.v1.ArchiveAssetVersionResponse;
import dev.opsuite.proto.v1.CheckSourceHealthRequest;
import dev.opsuite.proto.v1.CheckSourceHealthResponse;
import dev.opsuite.proto.v1.CreateAssetVersionRequest;
import dev.opsuite.proto.v1.CreateAssetVersionResponse;
import dev.opsuite.proto.v1.DiffAssetVersionsRequest;
import dev.opsuite.proto.v1.DiffAssetVersionsResponse;
import dev.opsuite.proto.v1.GetAssetVersionRequest;
import dev.opsuite.proto.v1.GetAssetVersionResponse;
import dev.opsuite.proto.v1.ListAssetVersionsRequest;
import dev.opsuite.proto.v1.ListAssetVersionsResponse;
import dev.opsuite.proto.v1.PreviewQueryAssetRequest;
import dev.opsuite.proto.v1.PreviewQueryAssetResponse;
import dev.opsuite.proto.v1.ScanSourceSchemaRequest;
import dev.opsuite.proto.v1.ScanSourceSchemaResponse;
import dev.opsuite.proto.v1.PublishAssetVersionRequest;
import dev.opsuite.proto.v1.PublishAssetVersionResponse;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.AskResponse;
import dev.opsuite.proto.v1.GetHealthRequest;
import dev.opsuite.proto.v1.GetHealthResponse;
import dev.opsuite.proto.v1.GetTraceRequest;
import dev.opsuite.proto.v1.GetTraceResponse;
import dev.opsuite.proto.v1.ListTracesRequest;
import dev.opsuite.proto.v1.ListTracesResponse;
import dev.opsuite.proto.v1.OpsServiceGrpc;
import dev.opsuite.proto.v1.PingRequest;
import dev.opsuite.proto.v1.PingResponse;
import dev.opsuite.proto.v1.SearchTracesRequest;
import dev.opsuite.proto.v1.SearchTracesResponse;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.ListTracesResponse;
import dev.opsuite.proto.v1.AskStreamRequest;
import dev.opsuite.proto.v1.AskStreamResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.function.Supplier;

/**
 * The public OpsService (gRPC and, through Armeria transcoding, REST). Thin: checks the input,
 * calls the conductor, trace-service or one of the *Api helpers, and answers with the data (the REST
 * edge adds the {time, code, message, data} envelope). Errors become gRPC statuses with their
 * google.rpc details here, once; the REST edge renders them as envelopes.
 */
public final class OpsGrpcService extends OpsServiceGrpc.OpsServiceImplBase {
    private final Conductor conductor;
    private final StageClients clients;
    private final TraceSink traces;
    private final HealthProbe health;
    private final RequestChecks checks;
    private final UiActionRunner uiActions;
    private final TraceLookup lookup;
    private final AssetApi assets;
    private final StageTester stageTester;
    private final StageCalls stageCalls;
    private final SourceAssetApi sourceAssets;
    private final RcaApi rca;
    private final GoldenApi golden;
    private final AdminApi admin;
    private final ReviewApi reviews;
    private final PublishGate publishGate;
    private final AskStreams askStreams;

    public OpsGrpcService(Conductor conductor, UiActionRunner uiActions, StageClients clients, TraceSink traces,
                          HealthProbe health, RequestChecks checks, dev.opsuite.gateway.auth.ApiKeys keys,
                          dev.opsuite.gateway.rca.RcaNarrator narrator) {
        this.uiActions = uiActions;
        this.sourceAssets = new SourceAssetApi(clients);
        this.assets = new AssetApi(clients, sourceAssets);
        dev.opsuite.conductor.Stages stages = new dev.opsuite.gateway.stages.GrpcStages(clients);
        this.lookup = new TraceLookup(stages, traces);
        this.stageTester = new StageTester(stages, traces, conductor.clock(), conductor.llm(),
                dev.opsuite.gateway.auth.RequestCaller.INSTANCE, conductor.distributedTrace());
        this.stageCalls = new StageCalls(stages, traces);
        this.rca = new RcaApi(lookup, traces, checks, conductor::publishedPolicy, request -> clients.callTrace(
                "trace-service SearchTraces", () -> clients.trace().searchTraces(request)), narrator, conductor.llm());
        this.admin = new AdminApi(clients, keys, conductor);
        this.golden = new GoldenApi(clients, conductor, lookup, checks, rca, conductor::publishedPolicy);
        this.reviews = new ReviewApi(clients);
        this.publishGate = new PublishGate(golden, assets, reviews);
        this.askStreams = new AskStreams(conductor, checks);
        this.conductor = conductor;
        this.clients = clients;
        this.traces = traces;
        this.health = health;
        this.checks = checks;
    }

    @Override
    public void ask(AskRequest request, StreamObserver<AskResponse> observer) {
        respond(observer, () -> {
            checks.ask(request);
            List<String> roles = CallerRoles.current();
            Conductor.Outcome outcome = conductor.ask(request, roles, "/ops/ci/ask");
            return outcome.data();
        });
    }

    /** AskStream's implementation, shared with the SSE route (rest/AskStreamService). */
    public AskStreams askStreams() {
        return askStreams;
    }

    /** Ask, streamed: a StageProgress per stage run, then the answer (see {@link AskStreams#serve}). */
    @Override
    public void askStream(AskStreamRequest request, StreamObserver<AskStreamResponse> observer) {
        askStreams.serve(request, observer);
    }

    @Override
    public void query(QueryRequest request, StreamObserver<QueryResponse> observer) {
        respond(observer, () -> {
            AskRequest ask = AskRequest.newBuilder().setQuestion(request.getQuestion()).setMode(request.getMode())
                    .putAllAssetOverrides(request.getAssetsMap()).build();
            checks.ask(ask);
            Conductor.Outcome outcome = conductor.ask(ask, CallerRoles.current(), "/ops/query", "ops");
            return asQuery(outcome.data());
        });
    }

    @Override
    public void getTrace(GetTraceRequest request, StreamObserver<GetTraceResponse> observer) {
        respond(observer, () -> {
            String id = checks.traceId(request.getTraceId());
            Trace trace = lookup.find(id);
            dev.opsuite.gateway.auth.Authenticator.mustSee(id, trace.getCaller());
            return GetTraceResponse.newBuilder().setTrace(dev.opsuite.conductor.ClientTraces.view(trace)).build();
        });
    }

    @Override
    public void listTraces(ListTracesRequest request, StreamObserver<ListTracesResponse> observer) {
        respond(observer, () -> {
            checks.list(request);
            SearchTracesResponse r = clients.callTrace("trace-service SearchTraces", () -> clients.trace().searchTraces(
                    SearchTracesRequest.newBuilder().setLimit(request.getLimit() == 0 ? 50 : request.getLimit())
                            .setPageToken(request.getPageToken()).setQ(request.getQ()).setRoute(request.getRoute())
                            .setStatus(request.getStatus()).setFeature(request.getFeature())
                            .setPlanShape(request.getPlanShape()).setSince(request.getSince())
                            .setUntil(request.getUntil())
                            // without the operator role, a caller lists its own traces only
                            .setCaller(CallerRoles.current().contains("operator") ? "" : ownTraces()).build()));
            return ListTracesResponse.newBuilder().addAllTraces(r.getTracesList())
                            .setNextPageToken(r.getNextPageToken()).build();
        });
    }

    @Override
    public void runUiAction(RunUiActionRequest request, StreamObserver<RunUiActionResponse> observer) {
        respond(observer, () -> {
            checks.traceId(request.getTraceId());
            if (request.getActionId().isBlank()) {
                throw OpsException.invalid("action_id is required");
            }
            return uiActions.run(request, CallerRoles.current());
        });
    }

    @Override
    public void createAssetVersion(CreateAssetVersionRequest r, StreamObserver<CreateAssetVersionResponse> o) {
        respond(o, () -> CreateAssetVersionResponse.newBuilder().setAsset(assets.create(r)).build());
    }

    @Override
    public void publishAssetVersion(PublishAssetVersionRequest r, StreamObserver<PublishAssetVersionResponse> o) {
        respond(o, () -> publishGate.publish(r, CallerRoles.current()));
    }

    @Override
    public void reviewAssetVersion(dev.opsuite.proto.v1.ReviewAssetVersionRequest r,
                                   StreamObserver<dev.opsuite.proto.v1.ReviewAssetVersionResponse> o) {
        respond(o, () -> dev.opsuite.proto.v1.ReviewAssetVersionResponse.newBuilder().setReview(reviews.review(r))
                .build());
    }

    @Override
    public void archiveAssetVersion(ArchiveAssetVersionRequest r, StreamObserver<ArchiveAssetVersionResponse> o) {
        respond(o, () -> ArchiveAssetVersionResponse.newBuilder().setAsset(assets.archive(r)).build());
    }

    @Override
    public void listAssetVersions(ListAssetVersionsRequest r, StreamObserver<ListAssetVersionsResponse> o) {
        respond(o, () -> assets.list(r));
    }

    @Override
    public void getAssetVersion(GetAssetVersionRequest r, StreamObserver<GetAssetVersionResponse> o) {
        respond(o, () -> GetAssetVersionResponse.newBuilder().setAsset(reviews.detail(assets.get(r))).build());
    }

    @Override
    public void diffAssetVersions(DiffAssetVersionsRequest r, StreamObserver<DiffAssetVersionsResponse> o) {
        respond(o, () -> assets.diff(r));
    }

    @Override
    public void checkSourceHealth(CheckSourceHealthRequest r, StreamObserver<CheckSourceHealthResponse> o) {
        respond(o, () -> assets.sourceHealth(r));
    }

    @Override
    public void stageTest(StageTestRequest r, StreamObserver<StageTestResponse> o) {
        respond(o, () -> {
            checks.stageTest(r);
            return stageTester.run(r, CallerRoles.current());
        });
    }

    @Override
    public void getStageCall(GetStageCallRequest r, StreamObserver<GetStageCallResponse> o) {
        respond(o, () -> stageCalls.of(checks.traceId(r.getTraceId()), checks.stage(r.getStage())));
    }

    @Override
    public void scanSourceSchema(ScanSourceSchemaRequest r, StreamObserver<ScanSourceSchemaResponse> o) {
        respond(o, () -> sourceAssets.scan(r));
    }

    @Override
    public void previewQueryAsset(PreviewQueryAssetRequest r, StreamObserver<PreviewQueryAssetResponse> o) {
        respond(o, () -> sourceAssets.preview(r));
    }

    /** The caller filter of a non-operator's listing; never empty (empty would mean every caller). */
    private static String ownTraces() {
        String me = dev.opsuite.gateway.auth.Authenticator.currentId();
        return me.isEmpty() ? "-" : me;
    }

    /**
     * The same answer as a QueryResponse, which mirrors AskResponse field for field (numbers and
     * types; QueryResponseMirrorTest holds them equal), so the bytes carry over with presence intact.
     */
    static QueryResponse asQuery(AskResponse answer) {
        try {
            return QueryResponse.parseFrom(answer.toByteString());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new IllegalStateException("QueryResponse no longer mirrors AskResponse", e);
        }
    }

    @Override
    public void getHealth(GetHealthRequest request, StreamObserver<GetHealthResponse> observer) {
        respond(observer, () -> {
            var report = health.check();
            if (!report.getReady()) {
                throw OpsException.unavailable("not ready: " + String.join(", ", report.getComponentsList().stream()
                        .filter(c -> !"SERVING".equals(c.getStatus())).map(c -> c.getName() + " " + c.getStatus()
                                + (c.getDetail().isEmpty() ? "" : " (" + c.getDetail() + ")")).toList()), null);
            }
            return report;
        });
    }

    /** The demo's CIs out of the estate (estate_admin, as an import). */
    @Override
    public void removeDemoEstate(dev.opsuite.proto.v1.RemoveDemoEstateRequest r,
                                 StreamObserver<dev.opsuite.proto.v1.RemoveDemoEstateResponse> o) {
        respond(o, admin::removeDemoEstate);
    }

    /** Metric samples older than the kept days out of the estate (estate_admin, as an import). */
    @Override
    public void applyRetention(dev.opsuite.proto.v1.ApplyRetentionRequest r,
                               StreamObserver<dev.opsuite.proto.v1.ApplyRetentionResponse> o) {
        respond(o, () -> admin.applyRetention(r));
    }

    @Override
    public void createApiKey(dev.opsuite.proto.v1.CreateApiKeyRequest r,
                             StreamObserver<dev.opsuite.proto.v1.CreateApiKeyResponse> o) {
        respond(o, () -> admin.createApiKey(r));
    }

    @Override
    public void listApiKeys(dev.opsuite.proto.v1.ListApiKeysRequest r,
                            StreamObserver<dev.opsuite.proto.v1.ListApiKeysResponse> o) {
        respond(o, admin::listApiKeys);
    }

    @Override
    public void revokeApiKey(dev.opsuite.proto.v1.RevokeApiKeyRequest r,
                             StreamObserver<dev.opsuite.proto.v1.RevokeApiKeyResponse> o) {
        respond(o, () -> admin.revokeApiKey(r));
    }

    @Override
    public void whoAmI(dev.opsuite.proto.v1.WhoAmIRequest r, StreamObserver<dev.opsuite.proto.v1.WhoAmIResponse> o) {
        respond(o, admin::whoAmI);
    }

    @Override
    public void listAudit(dev.opsuite.proto.v1.ListAuditRequest r, StreamObserver<dev.opsuite.proto.v1.ListAuditResponse> o) {
        respond(o, () -> admin.listAudit(r));
    }

    @Override
    public void rca(dev.opsuite.proto.v1.RcaRequest r, StreamObserver<dev.opsuite.proto.v1.RcaResponse> o) {
        respond(o, () -> rca.run(r, CallerRoles.current()));
    }

    @Override
    public void createGoldenQuery(dev.opsuite.proto.v1.CreateGoldenQueryRequest r,
                                  StreamObserver<dev.opsuite.proto.v1.CreateGoldenQueryResponse> o) {
        respond(o, () -> dev.opsuite.proto.v1.CreateGoldenQueryResponse.newBuilder()
                .setQuery(golden.create(r, CallerRoles.current())).build());
    }

    @Override
    public void listGoldenQueries(dev.opsuite.proto.v1.ListGoldenQueriesRequest r,
                                  StreamObserver<dev.opsuite.proto.v1.ListGoldenQueriesResponse> o) {
        respond(o, () -> dev.opsuite.proto.v1.ListGoldenQueriesResponse.newBuilder()
                .addAllQueries(golden.list(r.getTag(), r.getBoundAsset())).build());
    }

    @Override
    public void getGoldenQuery(dev.opsuite.proto.v1.GetGoldenQueryRequest r,
                               StreamObserver<dev.opsuite.proto.v1.GetGoldenQueryResponse> o) {
        respond(o, () -> dev.opsuite.proto.v1.GetGoldenQueryResponse.newBuilder().setQuery(golden.get(r.getQueryId()))
                .build());
    }

    @Override
    public void setGoldenBaseline(dev.opsuite.proto.v1.SetGoldenBaselineRequest r,
                                  StreamObserver<dev.opsuite.proto.v1.SetGoldenBaselineResponse> o) {
        respond(o, () -> dev.opsuite.proto.v1.SetGoldenBaselineResponse.newBuilder()
                .setQuery(golden.setBaseline(r.getQueryId(), r.getTraceId())).build());
    }

    @Override
    public void deleteGoldenQuery(dev.opsuite.proto.v1.DeleteGoldenQueryRequest r,
                                  StreamObserver<dev.opsuite.proto.v1.DeleteGoldenQueryResponse> o) {
        respond(o, () -> {
            golden.delete(r.getQueryId());
            return dev.opsuite.proto.v1.DeleteGoldenQueryResponse.newBuilder().setQueryId(r.getQueryId()).build();
        });
    }

    @Override
    public void runRegression(dev.opsuite.proto.v1.RunRegressionRequest r,
                              StreamObserver<dev.opsuite.proto.v1.RunRegressionResponse> o) {
        respond(o, () -> dev.opsuite.proto.v1.RunRegressionResponse.newBuilder().setRun(golden.run(r.getQueryId(),
                r.getAssetOverridesMap(), r.getRepeat(), CallerRoles.current())).build());
    }

    @Override
    public void runRegressionSet(dev.opsuite.proto.v1.RunRegressionSetRequest r,
                                 StreamObserver<dev.opsuite.proto.v1.RunRegressionSetResponse> o) {
        respond(o, () -> golden.runSet(r.getTagsList(), r.getBoundAsset(), r.getAssetOverridesMap(),
                CallerRoles.current()));
    }

    @Override
    public void listRegressionRuns(dev.opsuite.proto.v1.ListRegressionRunsRequest r,
                                   StreamObserver<dev.opsuite.proto.v1.ListRegressionRunsResponse> o) {
        respond(o, () -> dev.opsuite.proto.v1.ListRegressionRunsResponse.newBuilder()
                .addAllRuns(golden.runs(r.getQueryId(), r.getLimit())).build());
    }

    /** Does nothing on purpose: the cost of the gateway's own path, the floor of every other call. */
    @Override
    public void ping(PingRequest request, StreamObserver<PingResponse> observer) {
        observer.onNext(PingResponse.getDefaultInstance());
        observer.onCompleted();
    }

    private static <T> void respond(StreamObserver<T> observer, Supplier<T> body) {
        T response;
        try {
            response = body.get();
        } catch (Throwable t) {
            GrpcFailures.fail(observer, t);
            return;
        }
        observer.onNext(response);
        observer.onCompleted();
    }
}

package dev.opsuite.conductor;

import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.AnswerBlock;
import dev.opsuite.proto.v1.ComposeRequest;
import dev.opsuite.proto.v1.ComposeResponse;
import dev.opsuite.proto.v1.Diagnostics;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.FetchTraceRequest;
import dev.opsuite.proto.v1.FetchTraceResponse;
import dev.opsuite.proto.v1.GetAssetRequest;
import dev.opsuite.proto.v1.GetAssetResponse;
import dev.opsuite.proto.v1.Intent;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.PlanOutput;
import dev.opsuite.proto.v1.PresentRequest;
import dev.opsuite.proto.v1.PresentResponse;
import dev.opsuite.proto.v1.PrimarySpec;
import dev.opsuite.proto.v1.Reference;
import dev.opsuite.proto.v1.ReplanRequest;
import dev.opsuite.proto.v1.ReplanResponse;
import dev.opsuite.proto.v1.ResolveAssetsRequest;
import dev.opsuite.proto.v1.ResolveAssetsResponse;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.RoutePlanRequest;
import dev.opsuite.proto.v1.RoutePlanResponse;
import dev.opsuite.proto.v1.ScreenModel;
import dev.opsuite.proto.v1.ToolResult;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.ValidateRequest;
import dev.opsuite.proto.v1.ValidateResponse;
import dev.opsuite.proto.v1.ValidatedPlan;
import dev.opsuite.proto.v1.View;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The stage port in memory: a small estate of {@link #VMS} VMs listed page by page, every stage
 * answering deterministically. A test replaces one stage's behaviour (a function that may throw) and
 * reads back which stages were called with what ({@link #calls}, {@link #requests}, {@link #responses}).
 */
class FakeStages implements Stages {
    static final int VMS = 120;
    static final Diagnostics OK = Diagnostics.newBuilder().setStatus("ok").build();
    /** "list all vms" as the rules planner plans it. */
    static final Plan LIST_VMS = Plan.newBuilder().setIntent(Intent.INTENT_LIST).setView(View.VIEW_SUMMARY)
            .setLanguage("en").setPrimary(PrimarySpec.newBuilder().setEntity("vm").setLimit(50)).build();

    final List<String> calls = new ArrayList<>();
    final List<Message> requests = new ArrayList<>();
    /** What each call that returned gave back, in order. */
    final List<Object> responses = new ArrayList<>();
    final Map<String, Trace> stored = new HashMap<>();
    /** name@version -> content, for GetAsset (assets by reference). */
    final Map<String, ResolvedAsset> versions = new HashMap<>();
    List<ResolvedAsset> assets = new ArrayList<>(List.of(
            asset("policy", "ci_policy", 1, Map.of("replan", Map.of("max_replans", 3, "max_internal_retries", 2))),
            asset("query", "ci_queries", 2, Map.of("templates", List.of())),
            asset("source", "postgres_main", 1, Map.of("type", "postgres")),
            asset("mapping", "ci_mapping", 1, Map.of()),
            asset("screen", "ci_screen", 1, Map.of())));
    boolean assetsByReference;

    Function<RoutePlanRequest, RoutePlanResponse> routePlan = r -> RoutePlanResponse.newBuilder()
            .setPlanOutput(PlanOutput.newBuilder().setKind("orch").setPlan(LIST_VMS).setReason("rules: list of CIs")
                    .setConfidence(0.9).setPlanner("rules"))
            .setDiagnostics(OK).build();
    Function<ValidateRequest, ValidateResponse> validate = r -> ValidateResponse.newBuilder()
            .setValidatedPlan(ValidatedPlan.newBuilder().setPlan(r.getPlan()).setAllowed(true)).setDiagnostics(OK)
            .build();
    Function<ReplanRequest, ReplanResponse> replan = r -> ReplanResponse.newBuilder().setPatched(false).build();
    Function<ExecuteRequest, ExecuteResponse> execute = r -> page(r.getValidatedPlan().getPlan());
    Function<ComposeRequest, ComposeResponse> compose = FakeStages::table;
    Function<PresentRequest, PresentResponse> present = r -> PresentResponse.newBuilder()
            .setScreen(ScreenModel.newBuilder().setScreenId("ci_screen").setLayout("single")).setDiagnostics(OK)
            .build();

    static ResolvedAsset asset(String type, String name, int version, Map<String, ?> content) {
        return ResolvedAsset.newBuilder().setAssetType(type).setName(name).setVersion(version).setStatus("published")
                .setContent(Structs.toStruct(content)).build();
    }

    /** The page of VMs the plan's primary offset/limit asks for, as the SQL executor returns it. */
    static ExecuteResponse page(Plan plan) {
        int offset = plan.getPrimary().getOffset();
        int limit = plan.getPrimary().getLimit() == 0 ? 50 : plan.getPrimary().getLimit();
        ToolResult.Builder t = ToolResult.newBuilder().setTool("sql_executor").setQueryName("ci_list")
                .addColumns("ci_code");
        for (int i = offset; i < Math.min(VMS, offset + limit); i++) {
            t.addRows(ListValue.newBuilder().addValues(Structs.toValue(vm(i))));
        }
        t.setRowCount(t.getRowsCount()).setTruncated(offset + limit < VMS);
        return ExecuteResponse.newBuilder().addToolResults(t).setResolvedPlan(plan).setDiagnostics(OK)
                .addReferences(Reference.newBuilder().setKind("sql").setTitle("CIs")
                        .setPayload("SELECT ci_code FROM ci WHERE ci_type = 'vm' LIMIT " + limit + " OFFSET " + offset))
                .build();
    }

    static String vm(int i) {
        return String.format("VM%03d", i + 1);
    }

    /** One table block of every row, truncated when a result was. */
    static ComposeResponse table(ComposeRequest r) {
        List<Object> rows = new ArrayList<>();
        boolean truncated = false;
        for (ToolResult t : r.getToolResultsList()) {
            t.getRowsList().forEach(row -> rows.add(Structs.toList(row)));
            truncated |= t.getTruncated();
        }
        return ComposeResponse.newBuilder().setAnswer(rows.size() + " CIs shown")
                .addBlocks(AnswerBlock.newBuilder().setType("table").setTitle("CIs")
                        .setData(Structs.toStruct(Map.of("rows", rows, "truncated", truncated))))
                .setDiagnostics(OK).build();
    }

    private <Q extends Message, A> A call(String name, Q request, Function<Q, A> stage) {
        calls.add(name);
        requests.add(request);
        A response = stage.apply(request);
        responses.add(response);
        return response;
    }

    /** The requests of one stage, in order. */
    @SuppressWarnings("unchecked")
    <Q extends Message> List<Q> requests(Class<Q> type) {
        return requests.stream().filter(type::isInstance).map(q -> (Q) q).toList();
    }

    @Override
    public RoutePlanResponse routePlan(RoutePlanRequest request) {
        return call("routePlan", request, routePlan);
    }

    @Override
    public ValidateResponse validate(ValidateRequest request) {
        return call("validate", request, validate);
    }

    @Override
    public ReplanResponse replan(ReplanRequest request) {
        return call("replan", request, replan);
    }

    @Override
    public ExecuteResponse execute(ExecuteRequest request) {
        return call("execute", request, execute);
    }

    @Override
    public ComposeResponse compose(ComposeRequest request) {
        return call("compose", request, compose);
    }

    @Override
    public PresentResponse present(PresentRequest request) {
        return call("present", request, present);
    }

    /** The current asset set, overrides naming name@version applied; references only when asked. */
    @Override
    public ResolveAssetsResponse resolveAssets(ResolveAssetsRequest request) {
        return call("resolveAssets", request, r -> {
            ResolveAssetsResponse.Builder out = ResolveAssetsResponse.newBuilder();
            for (ResolvedAsset a : assets) {
                versions.putIfAbsent(a.getAssetType() + "/" + a.getName() + "@" + a.getVersion(), a);
                String override = r.getOverridesMap().get(a.getAssetType());
                ResolvedAsset chosen = a;
                if (override != null && override.contains("@")) {
                    chosen = versions.getOrDefault(a.getAssetType() + "/" + override, a);
                }
                out.addAssets(r.getReferencesOnly() ? chosen.toBuilder().clearContent().build() : chosen);
            }
            return out.build();
        });
    }

    @Override
    public GetAssetResponse getAsset(GetAssetRequest request) {
        return call("getAsset", request, r -> {
            ResolvedAsset a = versions.get(r.getAssetType() + "/" + r.getName() + "@" + r.getVersion());
            if (a == null) {
                throw OpsException.notFound("no asset " + r.getAssetType() + "/" + r.getName() + "@" + r.getVersion());
            }
            return GetAssetResponse.newBuilder().setAsset(a).build();
        });
    }

    @Override
    public FetchTraceResponse fetchTrace(FetchTraceRequest request) {
        return call("fetchTrace", request, r -> {
            Trace t = stored.get(r.getTraceId());
            if (t == null) {
                throw OpsException.notFound("no trace " + r.getTraceId());
            }
            return FetchTraceResponse.newBuilder().setTrace(t).build();
        });
    }

    @Override
    public boolean assetsByReference() {
        return assetsByReference;
    }

    @Override
    public long estateGeneration() {
        return 7;
    }

    @Override
    public String target(String service) {
        return service + ":50051";
    }
}

package dev.opsuite.conductor;

import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.AnswerBlock;
import dev.opsuite.proto.v1.AnswerMeta;
import dev.opsuite.proto.v1.AskResponse;
import dev.opsuite.proto.v1.AskRequest;
import dev.opsuite.proto.v1.ComposeRequest;
import dev.opsuite.proto.v1.ComposeResponse;
import dev.opsuite.proto.v1.ExecuteRequest;
import dev.opsuite.proto.v1.ExecuteResponse;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.PlanOutput;
import dev.opsuite.proto.v1.PresentRequest;
import dev.opsuite.proto.v1.PresentResponse;
import dev.opsuite.proto.v1.ReplanResponse;
import dev.opsuite.proto.v1.ReplanRequest;
import dev.opsuite.proto.v1.ReplanTrigger;
import dev.opsuite.proto.v1.ResolvedAsset;
import dev.opsuite.proto.v1.RoutePlanRequest;
import dev.opsuite.proto.v1.RoutePlanResponse;
import dev.opsuite.proto.v1.RouteDecision;
import dev.opsuite.proto.v1.RouteOutput;
import dev.opsuite.proto.v1.ValidateRequest;
import dev.opsuite.proto.v1.ValidateResponse;
import dev.opsuite.proto.v1.ValidatedPlan;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import dev.opsuite.model.errors.OpsException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One request's run through the five stages (plus rerun), recording every stage in the trace. */
final class Pipeline {
    // query and source: the LLM planner validates a model-written plan before answering with it
    static final Set<String> ROUTE_ASSETS = Set.of("resolver", "schema", "prompt", "policy", "query", "source");
    static final Set<String> VALIDATE_ASSETS = Set.of("policy", "query", "source");
    static final Set<String> EXECUTE_ASSETS = Set.of("query", "source", "policy", "schema");
    static final Set<String> COMPOSE_ASSETS = Set.of("mapping", "schema", "prompt");
    static final Set<String> PRESENT_ASSETS = Set.of("screen");

    private final Stages stages;
    private final TraceRecorder recorder;
    private final List<ResolvedAsset> assets;
    /** What the stage calls carry: the assets, or only their references (stripped once per request). */
    private final List<ResolvedAsset> stageAssets;
    private final List<String> roles;
    private final OffsetDateTime now;
    private final java.time.ZoneId zone;
    /** Set when the caller's daily language-model budget is used up: no model, and the answer says so. */
    private final java.util.Optional<String> llmNotice;

    Pipeline(Stages stages, TraceRecorder recorder, List<ResolvedAsset> assets, List<String> roles,
             OffsetDateTime now, java.time.ZoneId zone, LlmBudget llm) {
        this.zone = zone;
        this.llmNotice = llm.notice(recorder.trace().getCaller(),
                recorder.trace().getQuestion().codePoints().anyMatch(c -> c >= 0xAC00 && c <= 0xD7A3));
        this.stages = stages;
        this.recorder = recorder;
        this.assets = assets;
        this.stageAssets = stages.assetsByReference()
                ? assets.stream().map(a -> a.toBuilder().clearContent().build()).toList() : assets;
        this.roles = roles;
        this.now = now;
    }

    AskResponse.Builder run(AskRequest request) {
        Plan plan;
        if (request.hasRerun()) {
            plan = Rerun.plan(request.getRerun());
            if (request.getRerun().hasPatch() && request.getRerun().getPatch().getFieldsCount() > 0) {
                // the patch may change what the plan asks (a range, an aggregation): the planner re-derives it
                ReplanTrigger patched = ControlLoop.trigger("plan_patched", "route_plan", "low",
                        "rerun patch " + Structs.toJson(request.getRerun().getPatch()));
                ReplanResponse derived = replan(plan, patched);
                if (derived.getPatched()) {
                    recorder.replan(patched, plan, derived.getPlan(), "replan",
                            Map.of("fallback", derived.getFallback()));
                    plan = derived.getPlan();
                }
            }
            recorder.trace().setParentTraceId(request.getRerun().getParentTraceId()).setRoute("orch")
                    .setRouteDecision(RouteDecision.newBuilder().setRoute("orch").setReason("Rerun of a base plan")
                            .setConfidence(1.0));
        } else {
            PlanOutput out = routePlan(request);
            switch (out.getKind()) {
                case "direct" -> {
                    // a question asked back offers its readings as actions (rerun of a plan)
                    return simpleAnswer("direct", out.getDirectAnswer().getAnswer(), "success")
                            .addAllNextActions(out.getDirectAnswer().getActionsList());
                }
                case "reject" -> {
                    return simpleAnswer("reject", out.getRejectPayload().getReason(), "rejected");
                }
                default -> plan = out.getPlan();
            }
        }
        recorder.trace().setRoute("orch");
        ValidatedPlan validated = validate(plan);
        recorder.trace().setRouteOutput(RouteOutput.newBuilder().setRoute("orch").setPlanRaw(plan)
                .setPlanValidated(validated).setPlanOutput(recorder.trace().getRouteOutput().getPlanOutput()));
        if (!validated.getAllowed()) {
            List<dev.opsuite.proto.v1.PolicyDecision> denies = validated.getDecisionsList().stream()
                    .filter(d -> "deny".equals(d.getDecision())).toList();
            if (denies.stream().allMatch(d -> d.getRule().equals("query_binding"))) {
                // not a policy block: the Query asset has no template for what the plan asks
                String what = plan.getIntent().name().replace("INTENT_", "") + "/" + plan.getView().name().replace("VIEW_", "");
                recorder.replan(ControlLoop.trigger("tool_error_fatal", "validate", "high", "no Query template for "
                        + what), plan, null, "stop", Map.of("reason", "add a template (and a binding) to the Query asset"));
                return simpleAnswer("orch", (plan.getLanguage().equals("ko")
                        ? "이 계획(" + what + ")에 맞는 쿼리 템플릿이 Query 자산에 없습니다. 템플릿과 바인딩을 추가하거나 계획을 바꿔 주세요."
                        : "No Query-asset template answers this plan (" + what + "); add a template and a binding, "
                        + "or change the plan."), "error");
            }
            String reasons = String.join("; ", denies.stream().map(d -> d.getRule() + ": " + d.getReason()).toList());
            recorder.replan(ControlLoop.trigger("policy_blocked", "validate", "high", reasons), plan, null, "stop",
                    Map.of("reason", "a policy deny is never replanned around"));
            return simpleAnswer("orch", (plan.getLanguage().equals("ko") ? "정책에 의해 실행이 차단되었습니다: "
                    : "Blocked by policy: ") + reasons, "rejected");
        }
        ExecuteResponse executed = new ControlLoop(this, recorder, assets).execute(validated);
        Plan resolved = executed.hasResolvedPlan() ? executed.getResolvedPlan() : validated.getPlan();
        ComposeResponse composed = compose(resolved, executed);
        requireAnswered(executed, composed);
        List<AnswerBlock> blocks = withNotice(composed.getBlocksList());
        PresentResponse presented = present(resolved, blocks);
        // COMPOSE/PRESENT triggers are recorded; their remedy is already in the answer (gap stated, rows paged)
        composed.getTriggersList().forEach(t -> recorder.replan(t, null, null, "stop",
                Map.of("reason", "the answer states what the results lack instead of guessing")));
        presented.getTriggersList().forEach(t -> recorder.replan(t, null, null, "stop",
                Map.of("reason", "the screen shows a page; load_more_rows offers the rest")));
        recorder.trace().setStatus(executed.getDiagnostics().getStatus().equals("error") ? "partial" : "success");
        Set<String> tools = new LinkedHashSet<>();
        recorder.trace().getToolCallsList().forEach(c -> tools.add(c.getTool()));
        recorder.trace().getAnswerBuilder().setScreen(presented.getScreen());
        return answer("orch", composed.getAnswer(), blocks, tools, resolved.getLanguage())
                .setScreen(presented.getScreen()).addAllNextActions(presented.getNextActionsList());
    }

    PlanOutput routePlan(AskRequest request) {
        return routePlan(StageRequests.routePlan(request.getQuestion(), now.toString(), zone.getId(),
                stages.estateGeneration(), roles, recorder.trace().getOpsMode(), request.getPlannerStrategy(),
                List.of()));
    }

    /**
     * ROUTE+PLAN of this request (built by {@link StageRequests}, or a recorded one replayed): this
     * run's roles, mode, estate generation and assets are set on it; mode mock and a used-up model
     * budget plan by the rules.
     */
    PlanOutput routePlan(RoutePlanRequest asked) {
        // mode mock never calls an LLM: the rules plan it
        String strategy = "mock".equals(recorder.trace().getOpsMode()) || llmNotice.isPresent() ? "rules_only"
                : asked.getPlannerStrategy();
        RoutePlanRequest req = asked.toBuilder().clearRoles().addAllRoles(roles).setMode(recorder.trace().getOpsMode())
                .setEstateGeneration(stages.estateGeneration()).setPlannerStrategy(strategy)
                .clearAssets().addAllAssets(only(ROUTE_ASSETS)).build();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("question", req.getQuestion());
        params.put("now", req.getNow());
        params.put("time_zone", req.getTimeZone());
        params.put("roles", roles);
        params.put("mode", req.getMode());
        params.put("planner_strategy", strategy);
        llmNotice.ifPresent(n -> params.put("llm_budget", "used up: no model for this request"));
        recorder.input("route_plan", ROUTE_ASSETS, params, null, req);
        long t = System.nanoTime();
        RoutePlanResponse r = stages.routePlan(req);
        recorder.output("route_plan", r.getPlanOutput(), r.getDiagnostics(), r.getReferencesList(), t, r);
        // LLM planner calls and its refused attempts / fallback belong to the trace like any tool call
        recorder.trace().addAllToolCalls(r.getToolCallsList()).addAllReplanEvents(r.getReplanEventsList());
        PlanOutput out = r.getPlanOutput();
        String route = switch (out.getKind()) {
            case "direct" -> "direct";
            case "reject" -> "reject";
            default -> "orch";
        };
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("planner", out.getPlanner());
        if (out.hasRejectPayload()) {
            meta.put("policy", out.getRejectPayload().getPolicy());
        }
        recorder.trace().setRoute(route).setRouteDecision(RouteDecision.newBuilder().setRoute(route)
                .setReason(out.getReason()).setConfidence(out.getConfidence()).setMetadata(Structs.toStruct(meta)));
        RouteOutput.Builder ro = RouteOutput.newBuilder().setRoute(route).setPlanOutput(out);
        if (out.hasPlan()) {
            ro.setPlanRaw(out.getPlan());
        }
        recorder.trace().setRouteOutput(ro);
        return out;
    }

    ReplanResponse replan(Plan plan, ReplanTrigger trigger) {
        ReplanRequest req = StageRequests.replan(plan, trigger, now.toString(), only(Set.of("policy")));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("now", req.getNow());
        params.put("trigger", trigger.getTriggerType());
        recorder.input("replan", Set.of("policy"), params, plan, req);
        long t = System.nanoTime();
        ReplanResponse r = stages.replan(req);
        recorder.output("replan", r, null, List.of(), t, r);
        return r;
    }

    ValidatedPlan validate(Plan plan) {
        ValidateRequest req = StageRequests.validate(plan, roles, only(VALIDATE_ASSETS));
        recorder.input("validate", VALIDATE_ASSETS, Map.of("roles", roles), plan, req);
        long t = System.nanoTime();
        ValidateResponse r = stages.validate(req);
        recorder.output("validate", r.getValidatedPlan(), r.getDiagnostics(), List.of(), t, r);
        return r.getValidatedPlan();
    }

    /**
     * Nothing could be answered — the CI name lookup failed, or every query the plan needed failed —
     * is an error envelope (503 with the trace id) whose message is COMPOSE's statement of which
     * source failed and what could not be answered; some failed is a partial answer that says so.
     */
    static void requireAnswered(ExecuteResponse r, ComposeResponse composed) {
        boolean lookupFailed = r.getToolResultsList().stream()
                .anyMatch(t -> t.getTool().equals("ci_resolver") && !t.getError().isEmpty());
        List<dev.opsuite.proto.v1.ToolResult> data = r.getToolResultsList().stream()
                .filter(t -> !t.getTool().equals("ci_resolver")).toList();
        if (lookupFailed || !data.isEmpty() && data.stream().noneMatch(t -> t.getError().isEmpty())) {
            throw OpsException.unavailable(composed.getAnswer(), null);
        }
    }

    ExecuteResponse execute(ValidatedPlan validated) {
        ExecuteRequest req = StageRequests.execute(validated, recorder.trace().getOpsMode(), roles,
                only(EXECUTE_ASSETS));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("mode", req.getMode());
        params.put("roles", roles);
        recorder.input("execute", EXECUTE_ASSETS, params, validated, req);
        long t = System.nanoTime();
        ExecuteResponse r = stages.execute(req);
        recorder.output("execute", r, r.getDiagnostics(), r.getReferencesList(), t, r);
        // every attempt's calls and statements are evidence, not only the last one's
        recorder.trace().addAllToolCalls(r.getToolCallsList()).addAllReferences(r.getReferencesList());
        return r;
    }

    ComposeResponse compose(Plan plan, ExecuteResponse executed) {
        return compose(plan, executed.getToolResultsList());
    }

    ComposeResponse compose(Plan plan, List<dev.opsuite.proto.v1.ToolResult> toolResults) {
        ComposeRequest req = StageRequests.compose(plan, toolResults, recorder.trace().getOpsMode(),
                llmNotice.isPresent(), only(COMPOSE_ASSETS));
        recorder.input("compose", COMPOSE_ASSETS, Map.of(), ComposeRequest.newBuilder(req).clearAssets().build(), req);
        long t = System.nanoTime();
        ComposeResponse r = stages.compose(req);
        recorder.output("compose", r, r.getDiagnostics(), List.of(), t, r);
        recorder.trace().addAllToolCalls(r.getToolCallsList());
        return r;
    }

    PresentResponse present(Plan plan, List<AnswerBlock> blocks) {
        PresentRequest req = StageRequests.present(plan, blocks, only(PRESENT_ASSETS));
        recorder.input("present", PRESENT_ASSETS, Map.of(), PresentRequest.newBuilder(req).clearAssets().build(), req);
        long t = System.nanoTime();
        PresentResponse r = stages.present(req);
        recorder.output("present", r, r.getDiagnostics(), List.of(), t, r);
        return r;
    }

    private List<ResolvedAsset> only(Set<String> types) {
        return stageAssets.stream().filter(a -> types.contains(a.getAssetType())).toList();
    }

    private AskResponse.Builder simpleAnswer(String route, String text, String status) {
        recorder.trace().setStatus(status);
        return answer(route, text, withNotice(List.of(AnswerBlock.newBuilder().setType("text").setContent(text).build())),
                Set.of(), "");
    }

    /** The blocks, and the budget's warning last when the caller got no model. */
    private List<AnswerBlock> withNotice(List<AnswerBlock> blocks) {
        return llmNotice.isEmpty() ? blocks : java.util.stream.Stream.concat(blocks.stream(),
                java.util.stream.Stream.of(AnswerBlock.newBuilder().setType("warning").setTitle("llm_budget")
                        .setContent(llmNotice.get()).build())).toList();
    }

    private AskResponse.Builder answer(String route, String text, List<AnswerBlock> blocks, Set<String> tools,
                                   String language) {
        AskResponse.Builder data = AskResponse.newBuilder().setAnswer(text).addAllBlocks(blocks)
                .setMeta(AnswerMeta.newBuilder().setRoute(route).addAllUsedTools(tools).setLanguage(language));
        recorder.trace().getAnswerBuilder().setText(text).clearBlocks().addAllBlocks(blocks)
                .setMeta(AnswerMeta.newBuilder().setRoute(route).setTraceId(recorder.trace().getTraceId())
                        .addAllUsedTools(tools).setLanguage(language));
        return data;
    }
}

package dev.opsuite.planner.grpc;

import dev.opsuite.kit.proto.PlanProtos;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.kit.grpc.StageAuth;
import dev.opsuite.kit.grpc.Unary;
import dev.opsuite.kit.json.AssetContents;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.PlanModel;
import dev.opsuite.planner.domain.PlanDecision;
import dev.opsuite.planner.domain.Replanner;
import dev.opsuite.planner.domain.RulesPlanner;
import dev.opsuite.planner.domain.llm.Planning;
import io.grpc.Context;
import io.grpc.Deadline;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import dev.opsuite.guard.DataScope;
import dev.opsuite.guard.PlanValidator;
import dev.opsuite.proto.v1.CheckStatementRequest;
import dev.opsuite.proto.v1.CheckStatementResponse;
import dev.opsuite.proto.v1.Diagnostics;
import dev.opsuite.proto.v1.DirectAnswerPayload;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.PlanOutput;
import dev.opsuite.proto.v1.PlannerServiceGrpc;
import dev.opsuite.proto.v1.PolicyDecision;
import dev.opsuite.proto.v1.Reference;
import dev.opsuite.proto.v1.RejectPayload;
import dev.opsuite.proto.v1.ReplanRequest;
import dev.opsuite.proto.v1.ReplanResponse;
import dev.opsuite.proto.v1.RoutePlanRequest;
import dev.opsuite.proto.v1.RoutePlanResponse;
import dev.opsuite.proto.v1.ValidateRequest;
import dev.opsuite.proto.v1.ValidateResponse;
import dev.opsuite.proto.v1.ValidatedPlan;
import io.grpc.stub.StreamObserver;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import dev.opsuite.planner.domain.understand.EntityDictionary;
import dev.opsuite.planner.domain.understand.Lexicon;
import java.time.format.DateTimeParseException;

/** Thin gRPC edge of the planner: proto in, domain call, proto out. */
public final class PlannerGrpcService extends PlannerServiceGrpc.PlannerServiceImplBase {
    /** Time kept back from the caller's deadline for the rules fallback and the answer. */
    private static final long DEADLINE_RESERVE_MS = 750;
    private final Planning planner;
    private final PlanValidator validator;
    private final Replanner replanner = new Replanner();

    private final AssetContents contents;
    private final java.util.Optional<ExecutorDictionaries> dictionaries;

    private final PlannerMeters meters;

    public PlannerGrpcService(Planning planner, PlanValidator validator, AssetContents contents,
                              java.util.Optional<ExecutorDictionaries> dictionaries) {
        this(planner, validator, contents, dictionaries, dev.opsuite.kit.metrics.ProcessMetrics.off().registry());
    }

    /** @param meters where its counters go (plans, fallbacks, validations) */
    public PlannerGrpcService(Planning planner, PlanValidator validator, AssetContents contents,
                              java.util.Optional<ExecutorDictionaries> dictionaries,
                              io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = new PlannerMeters(meters);
        this.contents = contents;
        this.dictionaries = dictionaries;
        this.planner = planner;
        this.validator = validator;
    }

    @Override
    public void replan(ReplanRequest request, StreamObserver<ReplanResponse> observer) {
        Unary.respond(observer, () -> {
            if (!request.hasPlan() || !request.hasTrigger()) {
                throw OpsException.invalid("plan and trigger are required");
            }
            PlanModel plan = PlanProtos.fromProto(request.getPlan());
            OffsetDateTime now = parseNow(request.getNow());
            java.util.Optional<Replanner.Patch> patch = switch (request.getTrigger().getTriggerType()) {
                case "empty_result" -> replanner.onEmptyResult(plan, now);
                // a rerun's patched plan: bounds for its named ranges, the intent its specs now ask for
                case "plan_patched" -> java.util.Optional.of(new Replanner.Patch(
                        dev.opsuite.planner.domain.PlanNormalizer.normalize(plan, now), "plan re-derived after the patch"));
                default -> java.util.Optional.empty();
            };
            ReplanResponse.Builder b = ReplanResponse.newBuilder().setPatched(patch.isPresent());
            patch.ifPresent(p -> b.setPlan(PlanProtos.toProto(p.plan())).setFallback(p.fallback()));
            return b.build();
        });
    }

    @Override
    public void routePlan(RoutePlanRequest request, StreamObserver<RoutePlanResponse> observer) {
        Unary.respond(observer, () -> {
            String question = request.getQuestion().strip();
            if (question.isEmpty()) {
                throw OpsException.invalid("question is required");
            }
            if (question.length() > RulesPlanner.MAX_QUESTION_CHARS) {
                throw OpsException.invalid("question is longer than " + RulesPlanner.MAX_QUESTION_CHARS + " characters");
            }
            String mode = dev.opsuite.model.OpsMode.of(request.getMode()).word();
            AssetBundle assets = contents.bundle(request.getAssetsList(), StageAuth.mayOverrideAssets());
            OffsetDateTime now = parseNow(request.getNow());
            EntityDictionary dictionary = dictionaries.flatMap(d -> d.current(request.getAssetsList(), assets,
                    mode, Lexicon.of(assets.schema(),
                            assets.prompt().rules(), assets.resolver()).primaryEntity(),
                    request.getEstateGeneration(), DataScope.of(assets.policy(), request.getRolesList())))
                    .orElse(null);
            Planning.Result r = planner.plan(question, assets, now, zone(request.getTimeZone(), now), dictionary,
                    request.getRolesList(), request.getPlannerStrategy(), deadline());
            meters.planned(r.planner(), r.decision().kind(), r.calls().size());
            return LlmTraceProtos.addTo(toResponse(r.decision(), r.planner()), r).build();
        });
    }

    /** The caller's gRPC deadline, less a reserve, bounds every LLM call and retry; none: no bound. */
    private static Instant deadline() {
        Deadline d = Context.current().getDeadline();
        return d == null ? null : Instant.now().plusMillis(d.timeRemaining(TimeUnit.MILLISECONDS) - DEADLINE_RESERVE_MS);
    }

    private static ZoneId zone(String zone, OffsetDateTime now) {
        if (zone.isBlank()) {
            return now.getOffset();
        }
        try {
            return ZoneId.of(zone);
        } catch (java.time.DateTimeException e) {
            throw OpsException.invalid("time_zone must be an IANA zone id such as Asia/Seoul");
        }
    }

    private static OffsetDateTime parseNow(String now) {
        if (now.isEmpty()) {
            return OffsetDateTime.now();
        }
        try {
            return OffsetDateTime.parse(now);
        } catch (DateTimeParseException e) {
            throw OpsException.invalid("now must be an RFC 3339 timestamp with offset");
        }
    }

    private static RoutePlanResponse.Builder toResponse(PlanDecision d, String plannerName) {
        PlanOutput.Builder out = PlanOutput.newBuilder().setKind(d.kind()).setConfidence(d.confidence())
                .setReason(d.reason()).setPlanner(plannerName);
        switch (d.kind()) {
            case "direct" -> out.setDirectAnswer(DirectAnswerPayload.newBuilder().setAnswer(d.directAnswer())
                    .setConfidence(d.confidence()));
            case "reject" -> out.setRejectPayload(RejectPayload.newBuilder().setReason(d.rejectReason())
                    .setPolicy(d.rejectPolicy()));
            default -> out.setPlan(PlanProtos.toProto(d.plan()));
        }
        Diagnostics.Builder diag = Diagnostics.newBuilder().setStatus("ok")
                .putCounts("rules_fired", d.firedRules().size());
        RoutePlanResponse.Builder resp = RoutePlanResponse.newBuilder().setPlanOutput(out).setDiagnostics(diag);
        for (String rule : d.firedRules()) {
            resp.addReferences(Reference.newBuilder().setKind("rule").setTitle(rule).setPayload(rule));
        }
        return resp;
    }

    @Override
    public void checkStatement(CheckStatementRequest request, StreamObserver<CheckStatementResponse> observer) {
        Unary.respond(observer, () -> {
            if (request.getQueryName().isBlank() || request.getQueryName().length() > 200) {
                throw OpsException.invalid("query_name is required (at most 200 characters)");
            }
            AssetBundle assets = contents.bundle(request.getAssetsList(), StageAuth.mayOverrideAssets());
            if (assets.get("policy").isEmpty() || assets.get("query").isEmpty()) {
                throw OpsException.invalid("a policy and a query asset are required");
            }
            var decisions = validator.checkTemplate(request.getQueryName(), assets);
            CheckStatementResponse.Builder b = CheckStatementResponse.newBuilder()
                    .setAllowed(!decisions.isEmpty() && decisions.stream().noneMatch(d -> "deny".equals(d.decision())));
            decisions.forEach(d -> b.addDecisions(PolicyDecision.newBuilder().setPolicy(d.policy()).setRule(d.rule())
                    .setDecision(d.decision()).setReason(d.reason()).setDetails(Structs.toStruct(d.details()))));
            return b.build();
        });
    }

    @Override
    public void validate(ValidateRequest request, StreamObserver<ValidateResponse> observer) {
        Unary.respond(observer, () -> {
            if (!request.hasPlan()) {
                throw OpsException.invalid("plan is required");
            }
            PlanModel plan = PlanProtos.fromProto(request.getPlan());
            PlanValidator.Result r = validator.validate(plan, contents.bundle(request.getAssetsList(), StageAuth.mayOverrideAssets()),
                    request.getRolesList());
            ValidatedPlan.Builder vp = ValidatedPlan.newBuilder()
                    .setPlan(PlanProtos.toProto(r.plan()))
                    .setAllowed(r.allowed()).addAllQueries(r.queries()).setDataScope(r.scope().toProto());
            int denied = 0;
            for (PlanValidator.Decision d : r.decisions()) {
                vp.addDecisions(PolicyDecision.newBuilder().setPolicy(d.policy()).setRule(d.rule())
                        .setDecision(d.decision()).setReason(d.reason()).setDetails(Structs.toStruct(d.details())));
                if ("deny".equals(d.decision())) {
                    denied++;
                }
            }
            Diagnostics.Builder diag = Diagnostics.newBuilder().setStatus(r.allowed() ? "ok" : "error")
                    .putCounts("decisions", r.decisions().size()).putCounts("denied", denied)
                    .putCounts("queries", r.queries().size());
            r.decisions().stream().filter(d -> "deny".equals(d.decision())).forEach(d -> diag.addErrors(d.reason()));
            meters.validated(r.allowed());
            return ValidateResponse.newBuilder().setValidatedPlan(vp).setDiagnostics(diag).build();
        });
    }
}

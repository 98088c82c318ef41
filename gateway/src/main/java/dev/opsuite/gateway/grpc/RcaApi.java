package dev.opsuite.gateway.grpc;

import dev.opsuite.conductor.LlmBudget;
import dev.opsuite.conductor.TraceLookup;
import dev.opsuite.conductor.TraceSink;
import dev.opsuite.gateway.auth.Authenticator;
import dev.opsuite.gateway.rca.RcaEngine;
import dev.opsuite.gateway.rca.RcaNarrator;
import dev.opsuite.gateway.rca.RcaRules;
import dev.opsuite.gateway.rca.StageHistory;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.llm.LlmCallProtos;
import dev.opsuite.model.PlanShape;
import dev.opsuite.model.asset.PolicyAsset;
import dev.opsuite.model.errors.OpsException;
import dev.opsuite.proto.v1.Answer;
import dev.opsuite.proto.v1.AnswerBlock;
import dev.opsuite.proto.v1.Diagnostics;
import dev.opsuite.proto.v1.Intent;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.RcaRequest;
import dev.opsuite.proto.v1.RcaResponse;
import dev.opsuite.proto.v1.RcaResult;
import dev.opsuite.proto.v1.SearchTracesRequest;
import dev.opsuite.proto.v1.SearchTracesResponse;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.Trace;
import dev.opsuite.proto.v1.TraceSummary;
import dev.opsuite.proto.v1.View;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * POST /ops/rca: checks the request, reads the trace(s) the caller may see, runs the RCA engine
 * with the published Policy's thresholds, and leaves the run's own trace (feature rca).
 */
final class RcaApi {
    static final int DEFAULT_HYPOTHESES = 5;
    static final int MAX_HYPOTHESES = 20;
    /** The narrative's whole model call, retries included. */
    static final java.time.Duration NARRATIVE_DEADLINE = java.time.Duration.ofSeconds(30);

    private final TraceLookup lookup;
    private final TraceSink sink;
    private final RequestChecks checks;
    private final Supplier<PolicyAsset> policy;
    private final Function<SearchTracesRequest, SearchTracesResponse> search;
    private final RcaNarrator narrator;
    private final LlmBudget budget;

    /**
     * search: trace-service SearchTraces, for the earlier traces of a plan shape; narrator and budget:
     * options.use_llm (the narrative's tokens are charged to the caller through the RCA's own trace).
     */
    RcaApi(TraceLookup lookup, TraceSink sink, RequestChecks checks, Supplier<PolicyAsset> policy,
           Function<SearchTracesRequest, SearchTracesResponse> search, RcaNarrator narrator, LlmBudget budget) {
        this.lookup = lookup;
        this.sink = sink;
        this.checks = checks;
        this.policy = policy;
        this.search = search;
        this.narrator = narrator;
        this.budget = budget;
    }

    RcaResponse run(RcaRequest r, List<String> roles) {
        long start = System.nanoTime();
        int max = r.getOptions().getMaxHypotheses();
        if (max < 0 || max > MAX_HYPOTHESES) {
            throw OpsException.invalidField("options.max_hypotheses", "options.max_hypotheses must be between 1 and "
                    + MAX_HYPOTHESES + " (0 = " + DEFAULT_HYPOTHESES + ")");
        }
        max = max == 0 ? DEFAULT_HYPOTHESES : max;
        boolean snippets = r.getOptions().getIncludeSnippets();
        RcaRules rules = RcaRules.of(policy.get());
        RcaEngine.Report report;
        String parent;
        switch (r.getMode()) {
            case "single" -> {
                Trace t = read("trace_id", r.getTraceId());
                report = RcaEngine.single(t, history(t, rules, roles), rules, max, snippets, start);
                parent = t.getTraceId();
            }
            case "diff" -> {
                Trace base = read("baseline_trace_id", r.getBaselineTraceId());
                Trace cand = read("candidate_trace_id", r.getCandidateTraceId());
                if (base.getTraceId().equals(cand.getTraceId())) {
                    throw OpsException.invalidField("candidate_trace_id", "baseline_trace_id and candidate_trace_id "
                            + "name the same trace");
                }
                report = RcaEngine.diff(base, cand, rules, max, snippets, start);
                parent = cand.getTraceId();
            }
            default -> throw OpsException.invalidField("mode", r.getMode().isEmpty() ? "mode is required: single or diff"
                    : "mode must be 'single' or 'diff', got '" + clip(r.getMode()) + "'");
        }
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String status = report.abstained() ? "abstained" : "ok";
        List<AnswerBlock> blocks = new ArrayList<>(report.blocks());
        RcaResult result = report.result();
        Trace.Builder own = Trace.newBuilder();
        if (r.getOptions().getUseLlm()) {
            RcaNarrator.Narrative n = narrator.narrate(result, budget.notice(Authenticator.currentId(), false),
                    Instant.now().plus(NARRATIVE_DEADLINE));
            n.call().ifPresent(c -> own.addToolCalls(LlmCallProtos.toolCall(c)));
            result = result.toBuilder().setNarrative(n.text()).build();
            // never left out silently: without a narrative the summary says why
            String said = n.text().isEmpty() ? "LLM narrative unavailable: " + n.unavailable() + "."
                    : "**Narrative** (language model, only what the evidence above holds): " + n.text()
                    + (n.dropped().isEmpty() ? "" : "\n\n" + n.dropped().size() + " sentence(s) of the model dropped, "
                    + "naming what no hypothesis holds: " + String.join("; ", n.dropped()));
            blocks.set(0, blocks.get(0).toBuilder().setContent(blocks.get(0).getContent() + "\n\n" + said).build());
        }
        String summary = blocks.get(0).getContent();
        int ms = (int) ((System.nanoTime() - start) / 1_000_000);
        sink.submit(own.setTraceId(traceId).setParentTraceId(parent).setFeature("rca")
                .setEndpoint("/ops/rca").setMethod("POST").setOpsMode("real")
                .setQuestion("rca " + r.getMode() + " " + String.join(" ", report.result().getSourceTracesList()))
                .setStatus("success").setDurationMs(ms).setCreatedAt(Instant.now().toString())
                .addAllRoles(roles).setCaller(Authenticator.currentId())
                .addStageOutputs(StageOutput.newBuilder().setStage("rca").setDurationMs(ms)
                        .setResult(Structs.messageToStruct(result))
                        .setDiagnostics(Diagnostics.newBuilder().setStatus(report.abstained() ? "warning" : "ok")
                                .putCounts("hypotheses", result.getHypothesesCount())))
                .setAnswer(Answer.newBuilder().setText(summary).addAllBlocks(blocks))
                .build());
        return RcaResponse.newBuilder().setTraceId(traceId).setStatus(status).addAllBlocks(blocks)
                .setRca(result).build();
    }

    /**
     * The newest rca.history_traces traces of the trace's plan shape that recorded stage times and
     * started before it (a trace analysed later is judged against its own past, not against what ran
     * after it); the caller's own only, without the operator role (as ListTraces). A history that
     * cannot be read is said so in the analysis, never guessed.
     */
    private StageHistory history(Trace t, RcaRules rules, List<String> roles) {
        Plan plan = t.getRouteOutput().getPlanRaw();
        String shape = PlanShape.of(t.getFeature(), t.getOpsMode(), t.getRoute(),
                plan.getIntent() == Intent.INTENT_UNSPECIFIED ? "" : plan.getIntent().name(),
                plan.getView() == View.VIEW_UNSPECIFIED ? "" : plan.getView().name());
        String me = Authenticator.currentId();
        try {
            SearchTracesResponse r = search.apply(SearchTracesRequest.newBuilder().setPlanShape(shape)
                    .setUntil(startedAt(t)).setLimit(rules.historyTraces() + 1)
                    .setCaller(roles.contains("operator") ? "" : me.isEmpty() ? "-" : me).build());
            List<Map<String, Integer>> times = r.getTracesList().stream()
                    .filter(s -> !s.getTraceId().equals(t.getTraceId()) && s.getStageMsCount() > 0)
                    .limit(rules.historyTraces()).map(TraceSummary::getStageMsMap).toList();
            return StageHistory.of(shape, times);
        } catch (OpsException e) {
            return StageHistory.unavailable(shape, "the earlier traces of plan shape " + shape
                    + " could not be read: " + e.getMessage());
        }
    }

    /** When the trace started, as the history's exclusive bound; empty (no bound) for a trace without one. */
    private static String startedAt(Trace t) {
        try {
            return dev.opsuite.model.Rfc3339.instant("created_at", t.getCreatedAt()) == null ? "" : t.getCreatedAt();
        } catch (OpsException e) {
            return "";
        }
    }

    private Trace read(String field, String id) {
        if (id.isEmpty()) {
            throw OpsException.invalidField(field, field + " is required");
        }
        checks.traceId(id, field);
        Trace t = lookup.find(id);
        Authenticator.mustSee(id, t.getCaller());
        return t;
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

package dev.opsuite.gateway.rca;

import dev.opsuite.gateway.rca.Hypothesis.Evidence;
import dev.opsuite.gateway.rca.Hypothesis.Fix;
import dev.opsuite.gateway.rca.Hypothesis.Step;
import dev.opsuite.proto.v1.Plan;
import dev.opsuite.proto.v1.PolicyDecision;
import dev.opsuite.proto.v1.ReplanEvent;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.ToolCall;
import dev.opsuite.proto.v1.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The single-trace rules: each reads one kind of sign the trace records (a deny, a failed tool
 * call, an empty result, an unresolved CI, unexplained words, an exhausted replan budget, low
 * evidence, an LLM fallback, a slow stage — against its plan shape's history ({@link SlowForShape}) or a
 * fixed threshold —, a capped table) and scores it by how directly it explains
 * the answer the trace ended with. A rule that finds nothing adds nothing.
 */
final class TraceRules {
    private final Trace t;
    private final RcaRules rules;
    private final List<Hypothesis> found = new ArrayList<>();

    private TraceRules(Trace t, RcaRules rules) {
        this.t = t;
        this.rules = rules;
    }

    static List<Hypothesis> of(Trace t, RcaRules rules) {
        return of(t, rules, StageHistory.NONE, new ArrayList<>());
    }

    /** notes: what a rule could not judge and why (added to). */
    static List<Hypothesis> of(Trace t, RcaRules rules, StageHistory history, List<String> notes) {
        TraceRules r = new TraceRules(t, rules);
        r.policyBlock();
        r.toolErrors();
        r.emptyResult();
        r.unresolvedCi();
        r.unexplainedWords();
        r.replanExhausted();
        r.lowEvidence();
        r.llmFallback();
        r.slowStage(history == StageHistory.NONE ? java.util.Set.of()
                : SlowForShape.judge(t, rules, history, r.found, notes));
        r.cappedRows();
        return r.found;
    }

    private boolean failed() {
        return "error".equals(t.getStatus()) || "rejected".equals(t.getStatus());
    }

    private Plan plan() {
        return t.getRouteOutput().getPlanRaw();
    }

    private void policyBlock() {
        List<PolicyDecision> ds = t.getRouteOutput().getPlanValidated().getDecisionsList();
        for (int i = 0; i < ds.size(); i++) {
            PolicyDecision d = ds.get(i);
            if (!"deny".equals(d.getDecision())) {
                continue;
            }
            boolean binding = "query_binding".equals(d.getRule());
            String type = binding ? "query" : "policy";
            found.add(new Hypothesis("policy_block", (binding ? "No Query template for the plan: " : "Policy blocked the plan: ")
                    + d.getRule(), 0.95,
                    "VALIDATE refused the plan (" + d.getRule() + "): " + d.getReason() + ". EXECUTE ran nothing.",
                    List.of(new Evidence("validate", "$.route_output.plan_validated.decisions[" + i + "]",
                            d.getDecision() + " " + d.getRule() + ": " + d.getReason(), d)),
                    List.of(stageTest("validate", "Validate the same plan again with a changed " + type
                            + " asset as an override (asset_overrides) and compare the decisions.")),
                    List.of(fix(type, binding ? "templates" : policyField(d.getRule()), binding
                            ? "add a template whose intent and view match the plan, or correct the plan's view"
                            : "the rule " + d.getRule() + " refused it; widen it only if the question should be answered"))));
        }
        if ("reject".equals(t.getRoute()) && ds.isEmpty()) {
            String reason = t.getRouteDecision().getReason();
            found.add(new Hypothesis("policy_block", "Refused at ROUTE+PLAN", 0.9,
                    "The planner refused the question before any plan: " + reason + ".",
                    List.of(new Evidence("route_plan", "$.route_decision", "reject: " + reason, t.getRouteDecision())),
                    List.of(stageTest("route_plan", "Plan the question again and read route_decision.")),
                    List.of(fix("policy", "security", "a refusal rule matched; change it only if the question is legitimate"))));
        }
    }

    private static String policyField(String rule) {
        return switch (rule) {
            case "rbac" -> "rbac.roles";
            case "data_access" -> "data_access";
            default -> rule.startsWith("budget.") || rule.startsWith("security.") ? rule : rule;
        };
    }

    private void toolErrors() {
        Map<String, List<Integer>> byTool = new LinkedHashMap<>();
        for (int i = 0; i < t.getToolCallsCount(); i++) {
            ToolCall c = t.getToolCalls(i);
            if (!c.getError().isEmpty()) {
                byTool.computeIfAbsent(c.getTool(), k -> new ArrayList<>()).add(i);
            }
        }
        byTool.forEach((tool, idx) -> {
            ToolCall last = t.getToolCalls(idx.get(idx.size() - 1));
            String error = last.getError();
            boolean timeout = error.toLowerCase(java.util.Locale.ROOT).matches(".*(timeout|timed out|deadline).*");
            boolean llm = tool.startsWith("llm_");
            List<Evidence> ev = new ArrayList<>();
            for (int i : idx) {
                ev.add(new Evidence("execute", "$.tool_calls[" + i + "].error", t.getToolCalls(i).getError(),
                        t.getToolCalls(i)));
            }
            double score = failed() ? 0.9 : llm ? 0.5 : 0.65;
            found.add(new Hypothesis("tool_error", (timeout ? "Timeout in " : "Tool error in ") + tool
                    + (idx.size() > 1 ? " (" + idx.size() + " calls)" : ""), score,
                    tool + " failed" + (idx.size() > 1 ? " " + idx.size() + " times" : "") + ": " + error
                            + (failed() ? " The request ended in error." : " The answer was still given."),
                    ev,
                    List.of(llm ? stageTest("route_plan", "Plan the question again and read the language-model call.")
                            : new Step("Check the source the tool reads.", "GET", "/ops/assets/source/"
                                    + name(asset("source", "")) + "/health", Map.of())),
                    List.of(llm ? fix("prompt", "llm", "the language model failed; the rules planner answered instead")
                            : fix("source", timeout ? "limits.max_duration_seconds" : "connection",
                                    timeout ? "the query ran out of time: a narrower plan or a longer limit"
                                            : "the store refused or was unreachable"))));
        });
    }

    private int lastStage(String stage) {
        for (int i = t.getStageOutputsCount() - 1; i >= 0; i--) {
            if (t.getStageOutputs(i).getStage().equals(stage)) {
                return i;
            }
        }
        return -1;
    }

    private void emptyResult() {
        int ex = lastStage("execute");
        List<Integer> triggers = triggers("empty_result");
        boolean finalEmpty = ex >= 0 && t.getStageOutputs(ex).getDiagnostics().getCountsOrDefault("rows", -1) == 0;
        if (!finalEmpty && triggers.isEmpty() || !"orch".equals(t.getRoute())) {
            return;
        }
        List<Evidence> ev = new ArrayList<>();
        if (ex >= 0) {
            StageOutput o = t.getStageOutputs(ex);
            ev.add(new Evidence("execute", "$.stage_outputs[" + ex + "].diagnostics.counts.rows",
                    "rows = " + o.getDiagnostics().getCountsOrDefault("rows", -1), o.getDiagnostics()));
        }
        List<String> tried = new ArrayList<>();
        for (int i : triggers) {
            ReplanEvent e = t.getReplanEvents(i);
            String decision = e.getDecisionMetadata().getFieldsOrDefault("decision",
                    com.google.protobuf.Value.getDefaultInstance()).getStringValue();
            tried.add(e.getTrigger().getReason() + (decision.isEmpty() ? "" : " → " + decision));
            ev.add(new Evidence(e.getStageName(), "$.replan_events[" + i + "]", e.getTrigger().getReason(), e));
        }
        tried.addAll(plan().getAdjustmentsList());
        String query = t.getRouteOutput().getPlanValidated().getQueriesCount() > 0
                ? t.getRouteOutput().getPlanValidated().getQueries(0) : "";
        // with the CI unresolved, nothing could be found: the empty result is that slot's consequence
        boolean unresolved = plan().getCandidatesCount() > 1 || plan().getMissingSlotsCount() > 0;
        found.add(new Hypothesis("empty_result", "Empty result in EXECUTE",
                unresolved ? 0.5 : finalEmpty ? 0.85 : 0.45,
                (finalEmpty ? "The query returned no rows, and the answer says so." : "A query returned no rows; a replan recovered.")
                        + (tried.isEmpty() ? "" : " Tried: " + String.join("; ", tried) + ".")
                        + (unresolved ? " The CI was not resolved, so this follows from that." : ""),
                ev,
                List.of(stageTest("execute", "Run EXECUTE again on this trace's plan (and with a draft Query or Resolver "
                        + "asset as an override) and compare the rows.")),
                List.of(fix("query", query.isEmpty() ? "templates" : "templates." + query,
                                "the template's filters or metric name may not match the data"),
                        fix("resolver", "aliases", "the CI the plan names may be the wrong one"))));
    }

    private List<Integer> triggers(String type) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < t.getReplanEventsCount(); i++) {
            if (t.getReplanEvents(i).getTrigger().getTriggerType().equals(type)) {
                out.add(i);
            }
        }
        return out;
    }

    private void unresolvedCi() {
        Plan p = plan();
        if (p.getMissingSlotsCount() == 0 && p.getCandidatesCount() == 0 && triggers("slot_missing").isEmpty()) {
            return;
        }
        boolean ambiguous = p.getCandidatesCount() > 1;
        String title = ambiguous ? "Ambiguous CI: " + p.getCandidatesCount() + " candidates"
                : "The CI was not resolved (missing slot " + String.join(", ", p.getMissingSlotsList()) + ")";
        found.add(new Hypothesis("unresolved_ci", title, 0.8,
                ambiguous ? "The question's name matched several CIs equally; the answer asked which one was meant."
                        : "No CI of the estate matched the question's name, so nothing could be looked up.",
                List.of(new Evidence("route_plan", ambiguous ? "$.route_output.plan_raw.candidates"
                        : "$.route_output.plan_raw.missing_slots", ambiguous ? p.getCandidatesList().toString()
                        : String.join(", ", p.getMissingSlotsList()), ambiguous ? p.getCandidatesList() : p.getMissingSlotsList())),
                List.of(stageTest("route_plan", "Plan the question again with a draft Resolver asset that adds the alias.")),
                List.of(fix("resolver", "aliases", "add the name the question used as an alias of the CI meant"))));
    }

    private void unexplainedWords() {
        List<String> words = plan().getUnexplainedList();
        if (words.isEmpty()) {
            return;
        }
        double score = Math.min(0.7, 0.35 + 0.1 * words.size()) + (failed() ? 0.05 : 0);
        found.add(new Hypothesis("unexplained_words", "Words the planner did not account for: " + String.join(", ", words),
                score, "The plan leaves " + words.size() + " word(s) unexplained; a constraint they carry may be missing "
                        + "from the answer (confidence " + String.format(java.util.Locale.ROOT, "%.2f",
                        plan().getUnderstanding().getConfidence()) + ").",
                List.of(new Evidence("route_plan", "$.route_output.plan_raw.unexplained", String.join(", ", words), words)),
                List.of(stageTest("route_plan", "Plan the question again with a draft Prompt or SchemaCatalog asset "
                        + "that knows the word.")),
                List.of(fix("prompt", "vocabulary", "add the word (a metric, field or time word) it stands for"),
                        fix("resolver", "aliases", "or, when it names a CI, an alias"))));
    }

    private void replanExhausted() {
        for (int i = 0; i < t.getReplanEventsCount(); i++) {
            ReplanEvent e = t.getReplanEvents(i);
            String reason = e.getDecisionMetadata().getFieldsOrDefault("reason",
                    com.google.protobuf.Value.getDefaultInstance()).getStringValue();
            if (reason.contains("max_replans") || reason.contains("budget exhausted")) {
                found.add(new Hypothesis("replan_exhausted", "Replan budget exhausted", 0.6,
                        "The control loop stopped: " + reason + ". The last result stood.",
                        List.of(new Evidence(e.getStageName(), "$.replan_events[" + i + "].decision_metadata.reason", reason, e)),
                        List.of(stageTest("execute", "Run EXECUTE on the plan the loop ended with.")),
                        List.of(fix("policy", reason.contains("retry") ? "replan.max_internal_retries" : "replan.max_replans",
                                "more attempts help only when the next patch can find data"))));
                return;
            }
        }
    }

    private void lowEvidence() {
        List<Integer> low = triggers("low_evidence");
        if (low.isEmpty()) {
            return;
        }
        ReplanEvent e = t.getReplanEvents(low.get(0));
        found.add(new Hypothesis("low_evidence", "Low evidence: the grounded summary was dropped", 0.5,
                "COMPOSE found too little evidence for a summary: " + e.getTrigger().getReason() + ".",
                List.of(new Evidence("compose", "$.replan_events[" + low.get(0) + "]", e.getTrigger().getReason(), e)),
                List.of(stageTest("compose", "Compose again from the same tool results.")),
                List.of(fix("mapping", "summary", "the summary's template needs values the result did not have"))));
    }

    private void llmFallback() {
        for (int i = 0; i < t.getReplanEventsCount(); i++) {
            ReplanEvent e = t.getReplanEvents(i);
            if ("fallback".equals(e.getDecisionMetadata().getFieldsOrDefault("decision",
                    com.google.protobuf.Value.getDefaultInstance()).getStringValue())) {
                found.add(new Hypothesis("llm_fallback", "The LLM planner fell back to the rules", 0.5,
                        "The language model's plan was not used: " + e.getTrigger().getReason() + ".",
                        List.of(new Evidence(e.getStageName(), "$.replan_events[" + i + "]", e.getTrigger().getReason(), e)),
                        List.of(stageTest("route_plan", "Plan the question again and read the llm_planner tool call.")),
                        List.of(fix("prompt", "llm", "the model's answer was refused (invalid, blocked or late)"))));
                return;
            }
        }
    }

    /** The fixed threshold (rca.slow_stage_ms), for stages the plan-shape history did not already flag. */
    private void slowStage(java.util.Set<String> flagged) {
        for (int i = 0; i < t.getStageOutputsCount(); i++) {
            StageOutput o = t.getStageOutputs(i);
            if (!flagged.contains(o.getStage()) && o.getDurationMs() >= rules.slowStageMs() && o.getDurationMs() * 10 >= t.getDurationMs() * 6) {
                found.add(new Hypothesis("slow_stage", "Slow stage: " + o.getStage() + " (" + o.getDurationMs() + " ms)",
                        0.45, o.getStage() + " took " + o.getDurationMs() + " ms of the request's " + t.getDurationMs()
                                + " ms (threshold rca.slow_stage_ms = " + rules.slowStageMs() + ").",
                        List.of(new Evidence(o.getStage(), "$.stage_outputs[" + i + "].duration_ms",
                                o.getDurationMs() + " ms", o.getDurationMs())),
                        List.of(stageTest(o.getStage(), "Run the stage alone and time it.")),
                        List.of(fix("source", "limits.max_duration_seconds", "a slow store or a broad query"),
                                fix("policy", "budget.max_depth", "a deep graph walk costs time"))));
                return;
            }
        }
    }

    private void cappedRows() {
        int ex = lastStage("execute");
        if (ex < 0) {
            return;
        }
        StageOutput o = t.getStageOutputs(ex);
        for (String w : o.getDiagnostics().getWarningsList()) {
            if (w.toLowerCase(java.util.Locale.ROOT).contains("truncat")) {
                found.add(new Hypothesis("rows_capped", "Rows capped at the limit", 0.35,
                        "The result was cut at the row limit: " + w + ". Totals over the shown rows are partial.",
                        List.of(new Evidence("execute", "$.stage_outputs[" + ex + "].diagnostics.warnings", w, w)),
                        List.of(stageTest("execute", "Run EXECUTE again and page with load_more_rows.")),
                        List.of(fix("source", "limits.max_rows", "a higher limit, or a narrower question"))));
                return;
            }
        }
    }

    private Step stageTest(String stage, String description) {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("stage", stage);
        req.put("baseline_trace_id", t.getTraceId());
        return new Step(description, "POST", "/ops/stage-test", req);
    }

    private String asset(String type, String fallback) {
        if (type.equals("source")) {
            return t.getAppliedAssetsMap().entrySet().stream().filter(e -> e.getKey().startsWith("source"))
                    .map(Map.Entry::getValue).findFirst().orElse(fallback);
        }
        return t.getAppliedAssetsMap().getOrDefault(type, fallback);
    }

    private static String name(String ref) {
        int at = ref.indexOf('@');
        return at < 0 ? ref.replace("(draft)", "") : ref.substring(0, at);
    }

    private Fix fix(String type, String field, String suggestion) {
        return new Fix(type, asset(type, ""), field, suggestion);
    }
}

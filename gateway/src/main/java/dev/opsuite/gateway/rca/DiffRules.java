package dev.opsuite.gateway.rca;

import dev.opsuite.gateway.rca.Hypothesis.Evidence;
import dev.opsuite.gateway.rca.Hypothesis.Fix;
import dev.opsuite.gateway.rca.Hypothesis.Step;
import dev.opsuite.kit.json.JsonDiff;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.Reference;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.Trace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The diff rules: the baseline and the candidate aligned stage by stage (by stage name and
 * occurrence) and statement by statement (by position), and every difference that could explain the
 * candidate's answer scored — a changed asset version first when the outcome changed, then the
 * plan, the statements, the row counts, latency; the candidate's own single-trace signs count only
 * when the baseline does not show them too.
 */
final class DiffRules {
    /** Which stage first reads an asset type: where a changed version starts to matter. */
    static final Map<String, String> STAGE_OF = Map.of("resolver", "route_plan", "prompt", "route_plan",
            "schema", "route_plan", "policy", "validate", "query", "execute", "source", "execute",
            "mapping", "compose", "screen", "present");
    /** Plan fields that describe the reading rather than change what runs. */
    private static final Set<String> PLAN_NOISE = Set.of("understanding", "normalized_question");

    private final Trace base;
    private final Trace cand;
    private final RcaRules rules;
    private final List<Hypothesis> found = new ArrayList<>();
    /** Asset types whose applied version differs between the two traces. */
    private final Set<String> changedTypes = new HashSet<>();

    private DiffRules(Trace base, Trace cand, RcaRules rules) {
        this.base = base;
        this.cand = cand;
        this.rules = rules;
    }

    static List<Hypothesis> of(Trace base, Trace cand, RcaRules rules) {
        DiffRules d = new DiffRules(base, cand, rules);
        boolean assetChanged = d.assets();
        d.plan(assetChanged);
        d.statements();
        d.rows();
        d.latency();
        d.candidateSigns();
        return d.found;
    }

    /** What the user got differs: status, rows, the answer's text, or any of its blocks (a table, a notice, a network). */
    boolean outcomeChanged() {
        return !base.getStatus().equals(cand.getStatus()) || rows(base) != rows(cand)
                || !base.getAnswer().getText().equals(cand.getAnswer().getText())
                || !base.getAnswer().getBlocksList().equals(cand.getAnswer().getBlocksList());
    }

    private static int rows(Trace t) {
        for (int i = t.getStageOutputsCount() - 1; i >= 0; i--) {
            if (t.getStageOutputs(i).getStage().equals("execute")) {
                return t.getStageOutputs(i).getDiagnostics().getCountsOrDefault("rows", -1);
            }
        }
        return -1;
    }

    private boolean assets() {
        Set<String> keys = new TreeSet<>(base.getAppliedAssetsMap().keySet());
        keys.addAll(cand.getAppliedAssetsMap().keySet());
        boolean any = false;
        boolean outcome = outcomeChanged();
        for (String key : keys) {
            String a = base.getAppliedAssetsMap().getOrDefault(key, "(none)");
            String b = cand.getAppliedAssetsMap().getOrDefault(key, "(none)");
            if (a.equals(b)) {
                continue;
            }
            any = true;
            String type = key.startsWith("source") ? "source" : key;
            changedTypes.add(type);
            String stage = STAGE_OF.getOrDefault(type, "route_plan");
            List<Step> steps = new ArrayList<>();
            String name = name(b);
            if (name.equals(name(a)) && version(a) > 0 && version(b) > 0) {
                steps.add(new Step("Read what changed between the two versions.", "GET", "/ops/assets/" + type + "/"
                        + name + "/diff?from_version=" + version(a) + "&to_version=" + version(b), Map.of()));
            }
            Map<String, Object> req = new LinkedHashMap<>();
            req.put("stage", stage);
            req.put("baseline_trace_id", base.getTraceId());
            req.put("asset_overrides", Map.of(type, b.replace("(draft)", "")));
            steps.add(new Step("Replay " + stage + " of the baseline with the candidate's " + type
                    + " as an override: the diff shows what that version alone changes.", "POST", "/ops/stage-test", req));
            found.add(new Hypothesis("asset_changed", "Asset changed: " + key + " " + a + " → " + b,
                    outcome ? 0.9 : 0.4, "The candidate ran with " + key + " " + b + " where the baseline had " + a
                            + (outcome ? "; its answer differs from the baseline's." : "; the outcome is the same."),
                    List.of(new Evidence(stage, "$.applied_assets." + key, "baseline " + a + ", candidate " + b,
                            Map.of("baseline", a, "candidate", b))),
                    steps, List.of(new Fix(type, b, "(the fields the version diff shows)",
                            "revert or correct the change if the baseline's answer was right"))));
        }
        return any;
    }

    private void plan(boolean assetChanged) {
        Object a = json(base.getRouteOutput().getPlanRaw());
        Object b = json(cand.getRouteOutput().getPlanRaw());
        List<JsonDiff.Change> changes = JsonDiff.diff(a, b, PLAN_NOISE);
        if (changes.isEmpty()) {
            return;
        }
        List<Evidence> ev = new ArrayList<>();
        for (JsonDiff.Change c : changes.subList(0, Math.min(8, changes.size()))) {
            ev.add(new Evidence("route_plan", "$.route_output.plan_raw" + c.path().substring(1),
                    c.op().wireName() + ": " + c.before() + " → " + c.after(), Map.of("baseline", String.valueOf(c.before()),
                    "candidate", String.valueOf(c.after()))));
        }
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("stage", "route_plan");
        req.put("question", cand.getQuestion());
        found.add(new Hypothesis("plan_changed", "The plan differs in " + changes.size() + " field(s)",
                outcomeChanged() ? (assetChanged ? 0.6 : 0.8) : 0.35,
                "The candidate was planned differently: " + summary(changes) + "."
                        + (assetChanged ? " A changed asset may be why." : " No asset version changed: the question or "
                        + "the estate the planner read did."),
                ev, List.of(new Step("Plan the candidate's question again and compare the plan with the baseline's.",
                        "POST", "/ops/stage-test", req)),
                List.of(new Fix("prompt", cand.getAppliedAssetsMap().getOrDefault("prompt", ""), "rules",
                        "the words that produced the changed fields"))));
    }

    private static String summary(List<JsonDiff.Change> changes) {
        List<String> s = new ArrayList<>();
        for (JsonDiff.Change c : changes.subList(0, Math.min(4, changes.size()))) {
            s.add(c.path() + " " + c.before() + " → " + c.after());
        }
        return String.join(", ", s) + (changes.size() > 4 ? ", …" : "");
    }

    private void statements() {
        int n = Math.max(base.getReferencesCount(), cand.getReferencesCount());
        List<Evidence> ev = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Reference a = i < base.getReferencesCount() ? base.getReferences(i) : null;
            Reference b = i < cand.getReferencesCount() ? cand.getReferences(i) : null;
            if (a == null || b == null || !a.getPayload().equals(b.getPayload()) || !a.getParams().equals(b.getParams())) {
                ev.add(new Evidence("execute", "$.references[" + i + "]", a == null ? "only in the candidate"
                        : b == null ? "only in the baseline" : !a.getPayload().equals(b.getPayload())
                        ? "statement differs" : "parameters differ: " + Structs.toMap(a.getParams()) + " → "
                        + Structs.toMap(b.getParams()), Map.of("baseline", a == null ? "" : a.getPayload(),
                        "candidate", b == null ? "" : b.getPayload())));
            }
        }
        if (!ev.isEmpty()) {
            found.add(new Hypothesis("statements_changed", ev.size() + " statement(s) or their parameters differ",
                    outcomeChanged() ? 0.6 : 0.3, "What ran against the stores is not what the baseline ran.",
                    ev, List.of(stageTestOnCandidate("execute")), List.of(new Fix("query",
                    cand.getAppliedAssetsMap().getOrDefault("query", ""), "templates", "the template or its parameters"))));
        }
    }

    private void rows() {
        int a = rows(base);
        int b = rows(cand);
        if (a == b || a < 0 || b < 0) {
            return;
        }
        boolean toEmpty = b == 0 && a > 0;
        found.add(new Hypothesis("row_count_changed", toEmpty ? "The candidate returned no rows (baseline " + a + ")"
                        : "Row count changed: " + a + " → " + b, toEmpty ? 0.75 : 0.45,
                "EXECUTE returned " + b + " row(s) where the baseline had " + a + "."
                        + (toEmpty ? " On live data this can also be the data itself (a quiet period)." : ""),
                List.of(new Evidence("execute", "$.stage_outputs[execute].diagnostics.counts.rows",
                        a + " → " + b, Map.of("baseline", a, "candidate", b))),
                List.of(stageTestOnCandidate("execute")), List.of(new Fix("query",
                        cand.getAppliedAssetsMap().getOrDefault("query", ""), "templates", "filters that exclude the rows"))));
    }

    private void latency() {
        Map<String, Integer> before = durations(base);
        durations(cand).forEach((stage, ms) -> {
            Integer was = before.get(stage);
            if (was != null && ms >= rules.slowStageMs() && ms >= 3 * Math.max(1, was)) {
                found.add(new Hypothesis("slower_stage", "Slower " + stage + ": " + was + " → " + ms + " ms", 0.4,
                        stage + " took " + ms + " ms where the baseline took " + was + " ms.",
                        List.of(new Evidence(stage, "$.stage_outputs[" + stage + "].duration_ms", was + " → " + ms,
                                Map.of("baseline", was, "candidate", ms))),
                        List.of(stageTestOnCandidate(stage)), List.of(new Fix("source",
                        "", "limits.max_duration_seconds", "a slower store, or a broader query"))));
            }
        });
    }

    private static Map<String, Integer> durations(Trace t) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (StageOutput o : t.getStageOutputsList()) {
            m.merge(o.getStage(), o.getDurationMs(), Integer::sum);
        }
        return m;
    }

    /**
     * The candidate's own signs: those the baseline shows too do not explain the difference, and a
     * sign that points at an asset whose version changed is that change's consequence — it ranks
     * below the change that caused it.
     */
    private void candidateSigns() {
        Set<String> inBase = new HashSet<>();
        TraceRules.of(base, rules).forEach(h -> inBase.add(h.rule() + "|" + h.title()));
        for (Hypothesis h : TraceRules.of(cand, rules)) {
            Optional<String> cause = h.fixes().stream().map(Hypothesis.Fix::assetType).filter(changedTypes::contains)
                    .findFirst();
            if (inBase.contains(h.rule() + "|" + h.title())) {
                found.add(h.withScore(h.score() * 0.4, "The baseline shows the same sign, so it does not explain the difference."));
            } else if (cause.isPresent()) {
                found.add(h.withScore(Math.min(h.score(), CONSEQUENCE_CAP), "It follows from the changed " + cause.get()
                        + " asset."));
            } else {
                found.add(h.withScore(outcomeChanged() ? h.score() : h.score() * 0.5, null));
            }
        }
    }

    /** Below a changed asset's 0.9: a sign of the candidate that the change explains. */
    private static final double CONSEQUENCE_CAP = 0.85;

    private Step stageTestOnCandidate(String stage) {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("stage", stage);
        req.put("baseline_trace_id", cand.getTraceId());
        return new Step("Replay " + stage + " of the candidate and compare it with the baseline's.", "POST",
                "/ops/stage-test", req);
    }

    private static Object json(com.google.protobuf.Message m) {
        return Structs.toMap(Structs.messageToStruct(m));
    }

    private static String name(String ref) {
        int at = ref.indexOf('@');
        return (at < 0 ? ref : ref.substring(0, at)).replace("(draft)", "");
    }

    private static int version(String ref) {
        int at = ref.indexOf('@');
        if (at < 0) {
            return 0;
        }
        try {
            return Integer.parseInt(ref.substring(at + 1).replace("(draft)", "").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

package dev.opsuite.gateway.rca;

import dev.opsuite.gateway.rca.Hypothesis.Evidence;
import dev.opsuite.gateway.rca.Hypothesis.Fix;
import dev.opsuite.gateway.rca.Hypothesis.Step;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rule "slow stage against the history of the same plan shape": a stage of the trace that took
 * more than rca.history_factor × the p95 of its earlier times in traces of the same plan shape
 * (feature:mode:route:intent:view — the same kind of question, whatever CI or range it names), and at
 * least rca.history_min_delta_ms more than that p95, is a hypothesis with the observed time, the p95
 * and the number of traces as evidence. A stage that fewer than rca.history_min earlier traces ran is
 * not judged, and the analysis says so in a note; so is a history that could not be read.
 */
final class SlowForShape {
    static final String RULE = "slow_stage_for_shape";

    private SlowForShape() {}

    /** The stages it flagged (the fixed-threshold rule leaves those alone). */
    static Set<String> judge(Trace t, RcaRules rules, StageHistory history, List<Hypothesis> found, List<String> notes) {
        Set<String> flagged = new LinkedHashSet<>();
        if (history.unavailable() != null) {
            notes.add("slow stage against its plan shape: not judged — " + history.unavailable());
            return flagged;
        }
        Map<String, Integer> own = new LinkedHashMap<>();
        Map<String, Integer> firstAt = new LinkedHashMap<>();
        for (int i = 0; i < t.getStageOutputsCount(); i++) {
            StageOutput o = t.getStageOutputs(i);
            own.merge(o.getStage(), o.getDurationMs(), Integer::sum);
            firstAt.putIfAbsent(o.getStage(), i);
        }
        List<String> tooFew = new ArrayList<>();
        for (Map.Entry<String, Integer> e : own.entrySet()) {
            String stage = e.getKey();
            int ms = e.getValue();
            List<Integer> samples = history.samples(stage);
            if (samples.size() < rules.historyMin()) {
                tooFew.add(stage + " (" + samples.size() + ")");
                continue;
            }
            int p95 = StageHistory.p95(samples);
            double limit = p95 * rules.historyFactor();
            if (ms <= limit || ms - p95 < rules.historyMinDeltaMs()) {
                continue;
            }
            flagged.add(stage);
            found.add(hypothesis(t, rules, history.shape(), stage, firstAt.get(stage), ms, p95, samples.size()));
        }
        if (!tooFew.isEmpty()) {
            notes.add("slow stage against its plan shape " + history.shape() + ": not judged for " + String.join(", ", tooFew)
                    + " — fewer than rca.history_min = " + rules.historyMin() + " earlier traces of that shape ran the "
                    + "stage (of " + history.traces().size() + " read)");
        }
        return flagged;
    }

    private static Hypothesis hypothesis(Trace t, RcaRules rules, String shape, String stage, int at, int ms, int p95, int n) {
        double excess = ms / Math.max(1.0, p95 * rules.historyFactor());
        double score = (excess >= 4 ? 0.65 : excess >= 2 ? 0.55 : 0.45) - (n < 2 * rules.historyMin() ? 0.05 : 0);
        String repeated = t.getStageOutputsList().stream().filter(o -> o.getStage().equals(stage)).count() > 1
                ? " (summed over its runs)" : "";
        Map<String, Object> fragment = new LinkedHashMap<>();
        fragment.put("stage", stage);
        fragment.put("observed_ms", ms);
        fragment.put("p95_ms", p95);
        fragment.put("n", n);
        fragment.put("plan_shape", shape);
        fragment.put("history_factor", rules.historyFactor());
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("plan_shape", shape);
        list.put("limit", rules.historyTraces());
        return new Hypothesis(RULE, "Slow stage for its plan shape: " + stage + " (" + ms + " ms, p95 " + p95 + " ms)",
                Math.round(score * 100) / 100.0,
                stage + " took " + ms + " ms" + repeated + "; over the " + n + " most recent earlier traces of plan shape "
                        + shape + " (feature:mode:route:intent:view — the same kind of question, whatever CI or range it "
                        + "names) that ran it, its p95 is " + p95 + " ms. That is above p95 × rca.history_factor "
                        + fmt(rules.historyFactor()) + " = " + Math.round(p95 * rules.historyFactor()) + " ms and at least "
                        + "rca.history_min_delta_ms " + rules.historyMinDeltaMs() + " ms more.",
                List.of(new Evidence(stage, "$.stage_outputs[" + at + "].duration_ms",
                        ms + " ms; p95 " + p95 + " ms over n = " + n + " earlier traces of " + shape, fragment)),
                List.of(new Step("List the earlier traces of the same plan shape with their stage times.", "GET",
                                "/ops/traces?plan_shape=" + shape + "&limit=" + rules.historyTraces(), list),
                        stageTest(t, stage)),
                List.of(fix(t, stage)));
    }

    private static Step stageTest(Trace t, String stage) {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("stage", stage);
        req.put("baseline_trace_id", t.getTraceId());
        return new Step("Run the stage alone on this trace's input and time it.", "POST", "/ops/stage-test", req);
    }

    private static Fix fix(Trace t, String stage) {
        return switch (stage) {
            case "execute" -> new Fix("source", source(t), "limits.max_duration_seconds",
                    "the store answered slower than usual for this kind of question: its load, or a broader result");
            case "route_plan" -> new Fix("prompt", t.getAppliedAssetsOrDefault("prompt", ""), "llm",
                    "planning took longer than usual: a language-model call, or a slow estate dictionary load");
            case "compose" -> new Fix("mapping", t.getAppliedAssetsOrDefault("mapping", ""), "summary",
                    "composing took longer than usual: an LLM summary, or many rows");
            default -> new Fix("policy", t.getAppliedAssetsOrDefault("policy", ""), "budget.timeout_seconds",
                    "the stage took longer than usual for this kind of question");
        };
    }

    private static String source(Trace t) {
        return t.getAppliedAssetsMap().entrySet().stream().filter(e -> e.getKey().startsWith("source"))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}

package dev.opsuite.gateway.rca;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.protobuf.Message;
import dev.opsuite.kit.json.ModelJson;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.AnswerBlock;
import dev.opsuite.proto.v1.RcaEvidence;
import dev.opsuite.proto.v1.RcaFix;
import dev.opsuite.proto.v1.RcaHypothesis;
import dev.opsuite.proto.v1.RcaResult;
import dev.opsuite.proto.v1.RcaVerification;
import dev.opsuite.proto.v1.Trace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Root-cause analysis over traces: the rules of {@link TraceRules} (one trace) or {@link DiffRules}
 * (baseline vs candidate) propose scored hypotheses; this ranks them, drops those below the
 * Policy's {@code rca.min_score} (abstaining when none is left, rather than inventing one), labels
 * confidence by its thresholds, and renders the guide's result and markdown blocks. Pure: no I/O.
 */
public final class RcaEngine {
    static final int SNIPPET_MAX = 2_000;

    private RcaEngine() {}

    /** What an analysis found: the result message and the markdown blocks of the response. */
    public record Report(RcaResult result, List<AnswerBlock> blocks) {
        public boolean abstained() {
            return !result.getAbstained().isEmpty();
        }
    }

    public static Report single(Trace trace, RcaRules rules, int max, boolean snippets, long startNanos) {
        return single(trace, StageHistory.NONE, rules, max, snippets, startNanos);
    }

    /** history: earlier traces of the trace's plan shape, for the slow-stage rule ({@link SlowForShape}). */
    public static Report single(Trace trace, StageHistory history, RcaRules rules, int max, boolean snippets,
                                long startNanos) {
        List<String> notes = new ArrayList<>();
        List<Hypothesis> found = TraceRules.of(trace, rules, history, notes);
        return report("single", List.of(trace.getTraceId()), found, rules, max, snippets, startNanos, "", notes);
    }

    public static Report diff(Trace baseline, Trace candidate, RcaRules rules, int max, boolean snippets,
                              long startNanos) {
        List<Hypothesis> found = DiffRules.of(baseline, candidate, rules);
        String same = found.isEmpty() ? "the two traces do not differ in assets, plan, statements, rows or status" : "";
        return report("diff", List.of(baseline.getTraceId(), candidate.getTraceId()), found, rules, max, snippets,
                startNanos, same, List.of());
    }

    private static Report report(String mode, List<String> traces, List<Hypothesis> found, RcaRules rules, int max,
                                 boolean snippets, long startNanos, String nothing, List<String> notes) {
        List<Hypothesis> kept = new ArrayList<>(found.stream().filter(h -> h.score() >= rules.minScore())
                .sorted(Comparator.comparingDouble(Hypothesis::score).reversed()).toList());
        RcaResult.Builder r = RcaResult.newBuilder().setMode(mode).addAllSourceTraces(traces)
                .setTotalHypotheses(kept.size()).addAllNotes(notes);
        List<Hypothesis> shown = kept.subList(0, Math.min(max, kept.size()));
        for (int i = 0; i < shown.size(); i++) {
            r.addHypotheses(toProto(i + 1, shown.get(i), rules, snippets));
        }
        if (kept.isEmpty()) {
            r.setAbstained(!nothing.isEmpty() ? "no hypothesis: " + nothing
                    : found.isEmpty() ? "no hypothesis: the trace shows no sign any rule reads (no deny, tool error, "
                    + "empty result, unresolved CI, unexplained word, fallback, slow stage)"
                    : "no hypothesis above the threshold (rca.min_score " + fmt(rules.minScore()) + "); the best scored "
                    + fmt(found.stream().mapToDouble(Hypothesis::score).max().orElse(0)));
        }
        r.setAnalysisDurationMs((int) ((System.nanoTime() - startNanos) / 1_000_000));
        RcaResult result = r.build();
        return new Report(result, blocks(result));
    }

    private static RcaHypothesis toProto(int rank, Hypothesis h, RcaRules rules, boolean snippets) {
        RcaHypothesis.Builder b = RcaHypothesis.newBuilder().setRank(rank).setTitle(h.title()).setRule(h.rule())
                .setScore(Math.round(h.score() * 100) / 100.0).setConfidence(rules.confidence(h.score()))
                .setDescription(h.description());
        for (Hypothesis.Evidence e : h.evidence()) {
            RcaEvidence.Builder eb = RcaEvidence.newBuilder().setStage(e.stage()).setPath(e.path())
                    .setObserved(clip(e.observed(), 500));
            if (snippets && e.fragment() != null) {
                eb.setSnippet(clip(json(e.fragment()), SNIPPET_MAX));
            }
            b.addEvidence(eb);
        }
        for (Hypothesis.Step s : h.verification()) {
            b.addVerificationSteps(RcaVerification.newBuilder().setDescription(s.description()).setMethod(s.method())
                    .setEndpoint(s.endpoint()).setRequest(Structs.toStruct(s.request())));
        }
        for (Hypothesis.Fix f : h.fixes()) {
            b.addFixSuggestions(RcaFix.newBuilder().setAssetType(f.assetType()).setAsset(f.asset()).setField(f.field())
                    .setSuggestion(f.suggestion()));
        }
        return b.build();
    }

    private static List<AnswerBlock> blocks(RcaResult r) {
        List<AnswerBlock> out = new ArrayList<>();
        StringBuilder summary = new StringBuilder("**Mode:** ").append(r.getMode())
                .append("\n**Traces Analyzed:** ").append(String.join(", ", r.getSourceTracesList()))
                .append("\n**Hypotheses Found:** ").append(r.getTotalHypotheses());
        if (!r.getAbstained().isEmpty()) {
            summary.append("\n\n").append(r.getAbstained());
        }
        if (r.getNotesCount() > 0) {
            summary.append("\n\n**Not judged:**");
            r.getNotesList().forEach(n -> summary.append("\n- ").append(n));
        }
        out.add(AnswerBlock.newBuilder().setType("markdown").setTitle("RCA Analysis Summary")
                .setContent(summary.toString()).build());
        for (RcaHypothesis h : r.getHypothesesList()) {
            StringBuilder c = new StringBuilder("**Rank ").append(h.getRank()).append(": ").append(h.getTitle())
                    .append("**\n\n**Confidence:** ").append(h.getConfidence()).append(" (score ").append(fmt(h.getScore()))
                    .append(", rule ").append(h.getRule()).append(")\n\n**Description:** ").append(h.getDescription());
            if (h.getEvidenceCount() > 0) {
                c.append("\n\n**Evidence:**");
                h.getEvidenceList().forEach(e -> c.append("\n- ").append(e.getStage()).append(" `").append(e.getPath())
                        .append("`: ").append(e.getObserved()));
            }
            if (h.getVerificationStepsCount() > 0) {
                c.append("\n\n**Verify:**");
                h.getVerificationStepsList().forEach(s -> c.append("\n- ").append(s.getDescription()).append(" `")
                        .append(s.getMethod()).append(' ').append(s.getEndpoint()).append("`"));
            }
            if (h.getFixSuggestionsCount() > 0) {
                c.append("\n\n**Fix:**");
                h.getFixSuggestionsList().forEach(f -> c.append("\n- ").append(f.getAssetType())
                        .append(f.getAsset().isEmpty() ? "" : " " + f.getAsset()).append(" `").append(f.getField())
                        .append("`: ").append(f.getSuggestion()));
            }
            out.add(AnswerBlock.newBuilder().setType("markdown").setTitle("Hypothesis " + h.getRank())
                    .setContent(c.toString()).build());
        }
        return out;
    }

    private static String json(Object o) {
        if (o instanceof Message m) {
            return Structs.toJson(m);
        }
        if (o instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Message) {
            return "[" + String.join(",", l.stream().map(x -> Structs.toJson((Message) x)).toList()) + "]";
        }
        try {
            return ModelJson.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            return String.valueOf(o);
        }
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}

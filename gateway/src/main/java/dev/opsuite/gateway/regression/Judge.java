package dev.opsuite.gateway.regression;

import dev.opsuite.kit.json.JsonDiff;
import dev.opsuite.kit.json.Structs;
import dev.opsuite.proto.v1.AnswerBlock;
import dev.opsuite.proto.v1.Reference;
import dev.opsuite.proto.v1.StageOutput;
import dev.opsuite.proto.v1.ToolCall;
import dev.opsuite.proto.v1.Trace;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges a candidate trace against its baseline, separating a behaviour change from a data change:
 * what is deterministic — status, route, the validated plan (CIs, intent, view, filters), the
 * statements and their bound parameters (instants replaced by the length of the range they bound,
 * also where a statement carries them inline: {@link InlineInstants}),
 * the tools used, the answer's table columns, a template placeholder that nothing fills — is a
 * <b>fail</b> when it differs; row counts, numeric values beyond the expectations' tolerances,
 * latency beyond its factor and, when the candidate ran with other versions of the assets that write
 * an answer's words, its sentence with the numbers masked are a <b>warning</b>; exact values are
 * compared only in mode mock or when pinned. Pure.
 */
public final class Judge {
    /** Plan fields that record how the question was read, not what runs. */
    private static final Set<String> PLAN_NOISE = Set.of("understanding", "normalized_question", "adjustments");

    private Judge() {}

    /** Tolerances from a golden query's expectations (validated where they are written). */
    public record Expectations(double rowsTolerance, double valuesTolerance, double latencyFactor, boolean pinned,
                               int latencyMinDeltaMs) {
        /** The Policy's default floor: a single run slower by less than a second is noise on a busy machine. */
        public static final int DEFAULT_LATENCY_MIN_DELTA_MS =
                dev.opsuite.model.asset.PolicyAsset.Regression.DEFAULT_LATENCY_MIN_DELTA_MS;

        public Expectations(double rowsTolerance, double valuesTolerance, double latencyFactor, boolean pinned) {
            this(rowsTolerance, valuesTolerance, latencyFactor, pinned, DEFAULT_LATENCY_MIN_DELTA_MS);
        }

        /** rowsTolerance/valuesTolerance below 0: not given (shape only / values not compared). */
        public static Expectations of(Map<String, Object> e, double policyLatencyFactor, int policyMinDeltaMs) {
            return new Expectations(num(e.get("rows_tolerance"), -1), num(e.get("values_tolerance"), -1),
                    num(e.get("latency_factor"), policyLatencyFactor), Boolean.TRUE.equals(e.get("pinned")),
                    policyMinDeltaMs);
        }

        private static double num(Object o, double fallback) {
            return o instanceof Number n ? n.doubleValue() : fallback;
        }
    }

    public record Change(String field, String baseline, String candidate, String severity) {}

    public record Verdict(String judgment, String reason, List<Change> changes, int baselineRows, int candidateRows,
                          int baselineMs, int candidateMs) {
        public Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            List<Map<String, Object>> cs = new ArrayList<>();
            for (Change c : changes) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("field", c.field());
                x.put("baseline", c.baseline());
                x.put("candidate", c.candidate());
                x.put("severity", c.severity());
                cs.add(x);
            }
            m.put("changes", cs);
            m.put("rows", Map.of("baseline", baselineRows, "candidate", candidateRows));
            m.put("latency_ms", Map.of("baseline", baselineMs, "candidate", candidateMs));
            return m;
        }
    }

    public static Verdict judge(Trace base, Trace cand, boolean mock, Expectations x) {
        List<Change> changes = new ArrayList<>();
        same(changes, "status", base.getStatus(), cand.getStatus());
        same(changes, "route", base.getRoute(), cand.getRoute());
        for (JsonDiff.Change c : JsonDiff.diff(plan(base), plan(cand), PLAN_NOISE)) {
            changes.add(new Change("plan" + c.path().substring(1), String.valueOf(c.before()), String.valueOf(c.after()),
                    "fail"));
        }
        int refs = Math.max(base.getReferencesCount(), cand.getReferencesCount());
        for (int i = 0; i < refs; i++) {
            Reference ra = i < base.getReferencesCount() ? base.getReferences(i) : null;
            Reference rb = i < cand.getReferencesCount() ? cand.getReferences(i) : null;
            String at = "references[" + i + "]";
            if (ra == null || rb == null) {
                changes.add(new Change(at, ra == null ? "(none)" : ra.getPayload(), rb == null ? "(none)" : rb.getPayload(),
                        "fail"));
                continue;
            }
            Map<String, Object> pa = Structs.toMap(ra.getParams());
            Map<String, Object> pb = Structs.toMap(rb.getParams());
            same(changes, at + ".statement", ra.getKind() + " " + InlineInstants.statement(ra.getPayload(), pa, Judge::instant),
                    rb.getKind() + " " + InlineInstants.statement(rb.getPayload(), pb, Judge::instant));
            for (JsonDiff.Change c : JsonDiff.diff(normalise(InlineInstants.params(pa, Judge::instant)),
                    normalise(InlineInstants.params(pb, Judge::instant)))) {
                changes.add(new Change(at + ".params" + c.path().substring(1), String.valueOf(c.before()),
                        String.valueOf(c.after()), "fail"));
            }
        }
        same(changes, "tools", tools(base).toString(), tools(cand).toString());
        same(changes, "columns", columns(base).toString(), columns(cand).toString());
        // a template placeholder nothing fills, not even a column of the answer: with the same plan and
        // columns, only the Mapping can have changed (a column's value gone null stays a data change)
        Set<String> gapsBefore = gaps(base);
        Set<String> named = columnNames(cand);
        for (String gap : gaps(cand)) {
            if (!gapsBefore.contains(gap) && !named.contains(gap)) {
                changes.add(new Change("template", "{" + gap + "} filled", "{" + gap + "} filled by nothing", "fail"));
            }
        }
        if (mock || x.pinned()) {
            same(changes, "answer", base.getAnswer().getText(), cand.getAnswer().getText());
            same(changes, "values", values(base).toString(), values(cand).toString());
        } else if (!wordingAssets(base).equals(wordingAssets(cand))
                && !shape(base.getAnswer().getText()).equals(shape(cand.getAnswer().getText()))) {
            // live values move; the sentence around them (a Mapping template's wording) should not. Only
            // the assets that write text can change it: with the same versions of those, a sentence that
            // reads differently was filled with other data (a CI added to a list, a name in place of another)
            changes.add(new Change("answer_wording", shape(base.getAnswer().getText()),
                    shape(cand.getAnswer().getText()), "warning"));
        }

        int ra = rows(base);
        int rb = rows(cand);
        if (ra != rb) {
            boolean beyond = x.rowsTolerance() < 0 ? (ra == 0) != (rb == 0)
                    : Math.abs(rb - ra) > x.rowsTolerance() * Math.max(1, Math.abs(ra));
            if (beyond) {
                changes.add(new Change("rows", String.valueOf(ra), String.valueOf(rb), "warning"));
            }
        }
        if (!mock && !x.pinned() && x.valuesTolerance() >= 0) {
            List<Double> va = values(base);
            List<Double> vb = values(cand);
            for (int i = 0; i < Math.min(va.size(), vb.size()); i++) {
                if (Math.abs(vb.get(i) - va.get(i)) > x.valuesTolerance() * Math.max(1e-9, Math.abs(va.get(i)))) {
                    changes.add(new Change("values[" + i + "]", String.valueOf(va.get(i)), String.valueOf(vb.get(i)),
                            "warning"));
                }
            }
        }
        if (cand.getDurationMs() > x.latencyFactor() * Math.max(1, base.getDurationMs())
                && cand.getDurationMs() - base.getDurationMs() >= x.latencyMinDeltaMs()) {
            changes.add(new Change("latency_ms", String.valueOf(base.getDurationMs()), String.valueOf(cand.getDurationMs()),
                    "warning"));
        }

        List<Change> fails = changes.stream().filter(c -> c.severity().equals("fail")).toList();
        String judgment = !fails.isEmpty() ? "fail" : changes.isEmpty() ? "pass" : "warning";
        String reason = switch (judgment) {
            case "fail" -> "behaviour changed: " + describe(fails);
            case "warning" -> "only data or latency changed: " + describe(changes);
            default -> "same route, plan, statements, tools and columns" + (mock || x.pinned() ? " and values" : "")
                    + "; rows " + rb + (ra == rb ? "" : " (baseline " + ra + ")");
        };
        return new Verdict(judgment, reason, changes, ra, rb, base.getDurationMs(), cand.getDurationMs());
    }

    /**
     * The applied versions of the assets an answer's words come from: Mapping templates and labels
     * (COMPOSE), the SchemaCatalog's field and metric labels, the Prompt's direct answers and reading
     * line, the Policy's refusals.
     */
    static Map<String, String> wordingAssets(Trace t) {
        Map<String, String> out = new java.util.TreeMap<>();
        for (String type : WORDING_ASSETS) {
            out.put(type, t.getAppliedAssetsOrDefault(type, ""));
        }
        return out;
    }

    private static final List<String> WORDING_ASSETS = List.of("mapping", "schema", "prompt", "policy");

    /** An answer's wording with its numbers masked: what stays when only the data moves. */
    static String shape(String text) {
        return NUMBER.matcher(text).replaceAll("#");
    }

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[0-9]+(?:[.,:/-][0-9]+)*");

    private static String describe(List<Change> cs) {
        List<String> s = new ArrayList<>();
        for (Change c : cs.subList(0, Math.min(3, cs.size()))) {
            s.add(c.field() + " " + clip(c.baseline()) + " → " + clip(c.candidate()));
        }
        return String.join("; ", s) + (cs.size() > 3 ? "; and " + (cs.size() - 3) + " more" : "");
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static void same(List<Change> out, String field, String a, String b) {
        if (!a.equals(b)) {
            out.add(new Change(field, a, b, "fail"));
        }
    }

    private static Object plan(Trace t) {
        return normalise(Structs.toMap(Structs.messageToStruct(t.getRouteOutput().getPlanValidated().getPlan())));
    }

    private static Set<String> tools(Trace t) {
        Set<String> out = new TreeSet<>();
        for (ToolCall c : t.getToolCallsList()) {
            out.add(c.getTool());
        }
        return out;
    }

    private static List<String> columns(Trace t) {
        List<String> out = new ArrayList<>();
        for (AnswerBlock b : t.getAnswer().getBlocksList()) {
            if (b.getType().equals("table")) {
                out.add(String.valueOf(Structs.toJava(b.getData().getFieldsOrDefault("columns",
                        com.google.protobuf.Value.getDefaultInstance()))));
            }
        }
        return out;
    }

    /** COMPOSE's "low_evidence: QUERY has no value for {NAME}": a placeholder it left out of the text. */
    private static final java.util.regex.Pattern GAP =
            java.util.regex.Pattern.compile("has no value for \\{([a-z_]+)}");

    private static Set<String> gaps(Trace t) {
        Set<String> out = new TreeSet<>();
        for (StageOutput o : t.getStageOutputsList()) {
            if (o.getStage().equals("compose")) {
                for (String w : o.getDiagnostics().getWarningsList()) {
                    java.util.regex.Matcher m = GAP.matcher(w);
                    while (m.find()) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        return out;
    }

    /** The names the answer's table columns go by (a column is a name or {from, label}). */
    private static Set<String> columnNames(Trace t) {
        Set<String> out = new TreeSet<>();
        for (AnswerBlock b : t.getAnswer().getBlocksList()) {
            Object cols = Structs.toJava(b.getData().getFieldsOrDefault("columns",
                    com.google.protobuf.Value.getDefaultInstance()));
            if (b.getType().equals("table") && cols instanceof List<?> l) {
                for (Object c : l) {
                    if (c instanceof Map<?, ?> m) {
                        m.values().forEach(v -> out.add(String.valueOf(v)));
                    } else {
                        out.add(String.valueOf(c));
                    }
                }
            }
        }
        return out;
    }

    /** The numbers in the answer's table cells, in order. */
    private static List<Double> values(Trace t) {
        List<Double> out = new ArrayList<>();
        for (AnswerBlock b : t.getAnswer().getBlocksList()) {
            if (b.getType().equals("table")) {
                Object rows = Structs.toJava(b.getData().getFieldsOrDefault("rows", com.google.protobuf.Value.getDefaultInstance()));
                if (rows instanceof List<?> rl) {
                    for (Object r : rl) {
                        if (r instanceof List<?> cells) {
                            cells.stream().filter(c -> c instanceof Number).forEach(c -> out.add(((Number) c).doubleValue()));
                        }
                    }
                }
            }
        }
        return out;
    }

    static int rows(Trace t) {
        for (int i = t.getStageOutputsCount() - 1; i >= 0; i--) {
            StageOutput o = t.getStageOutputs(i);
            if (o.getStage().equals("execute")) {
                return o.getDiagnostics().getCountsOrDefault("rows", 0);
            }
        }
        return 0;
    }

    /**
     * Instants become "&lt;time&gt;"; an object holding two instants (a range: from/to, start/end…)
     * keeps the range's length in seconds, so a relative window compares equal on another day.
     */
    @SuppressWarnings("unchecked")
    static Object normalise(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            List<Instant> instants = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() instanceof String s && instant(s) != null) {
                    instants.add(instant(s));
                }
                out.put(String.valueOf(e.getKey()), normalise(e.getValue()));
            }
            if (instants.size() == 2) {
                out.put("range_seconds", Math.abs(instants.get(1).getEpochSecond() - instants.get(0).getEpochSecond()));
            }
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(normalise(x)));
            return out;
        }
        if (o instanceof String s && instant(s) != null) {
            return "<time>";
        }
        return o;
    }

    private static Instant instant(String s) {
        if (s.length() < 20 || s.length() > 40 || !Character.isDigit(s.charAt(0)) || s.charAt(4) != '-') {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}

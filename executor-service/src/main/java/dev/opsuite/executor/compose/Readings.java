package dev.opsuite.executor.compose;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.model.asset.MappingAsset;
import dev.opsuite.model.asset.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one line every orch answer carries to say how the question was read ("Read as: maximum
 * CPU usage of hv-gw-02 (SB-HV-02) over 2014-04-17, UTC · not understood: 'foo'"), from the plan
 * that was answered and the Mapping asset's reading templates, in the question's language.
 */
final class Readings {
    private Readings() {}

    static String render(PlanModel plan, MappingAsset mapping, Map<String, String> planVars, String lang) {
        if (mapping.reading().isEmpty()) {
            return "";
        }
        Map<String, Text> reading = mapping.reading().get();
        Map<String, String> v = new HashMap<>(planVars);
        String target = planVars.getOrDefault("root", plan.primary().ciCode());
        String written = ComposeVars.written(plan);
        if (target.isEmpty() && !written.isEmpty()) {
            // not resolved (several CIs to choose from, or none matches): the words as the question wrote them
            target = "'" + written + "'";
        }
        String shape = shape(plan);
        if (target.isEmpty() && reading.containsKey(shape + "_all")) {
            // events of the whole estate (or of its filters): no CI to name ("critical alert events over …")
            shape = shape + "_all";
        }
        if (!reading.containsKey(shape) && shape.endsWith("_latest")) {
            shape = shape.substring(0, shape.length() - "_latest".length()); // a Mapping written before them
        }
        String template = text(reading, shape, lang);
        if (target.isEmpty() && template.contains("{target}")) {
            // a question about one CI with none named: say so rather than "의 속성" / "attributes of "
            template = text(reading, "unnamed", lang);
        }
        if (template.isEmpty()) {
            return "";
        }
        v.put("target", target);
        v.put("targets", String.join(", ", plan.primary().ciCodes()));
        v.put("metric", planVars.getOrDefault("metric_label", plan.metric().metricName()));
        v.put("agg", planVars.getOrDefault("agg_label", plan.metric().agg()));
        v.put("range", planVars.getOrDefault("time_range", ""));
        v.put("bucket", plan.metric().bucket());
        v.put("n", Integer.toString(plan.metric().topN()));
        v.put("order", ComposeVars.orderLabel(mapping, plan, lang));
        v.put("filters", filters(plan, lang));
        v.put("condition", planVars.getOrDefault("condition", ""));
        v.put("fields", String.join(", ", plan.primary().fields()));
        // severities belong to the reading as much as types do ("critical alert"): a filter shown is a filter applied
        v.put("types", (String.join("|", plan.history().severities()) + " "
                + String.join(", ", plan.history().eventTypes())).strip());
        v.put("depth", Integer.toString(plan.graph().depth()));
        v.put("window", Integer.toString(plan.history().windowHours()));
        v.put("ref", plan.history().eventRef());
        StringBuilder line = new StringBuilder(text(reading, "prefix", lang));
        line.append(Templates.fill(template, v).replaceAll("\\s+", " ").strip());
        Object zone = plan.understanding().get("time_zone");
        boolean timed = !plan.metric().timeFrom().isEmpty() || plan.history().enabled();
        if (timed && zone != null && !zone.toString().isEmpty()) {
            line.append(text(reading, "zone", lang).replace("{zone}", zone.toString()));
        }
        Object refTime = plan.understanding().get("ref_time");
        if (refTime != null && !refTime.toString().isBlank()) {
            line.append(text(reading, "ref_time", lang).replace("{time}", refTime.toString())
                    .replace("{ref}", plan.history().eventRef()));
        }
        if (plan.understanding().get("context_times") instanceof List<?> context && !context.isEmpty()) {
            line.append(text(reading, "context_time", lang).replace("{times}",
                    quoted(context)));
        }
        if (plan.understanding().get("corrections") instanceof List<?> corrected && !corrected.isEmpty()) {
            line.append(text(reading, "corrected", lang).replace("{corrections}", quoted(corrected)));
        }
        if (!plan.unexplained().isEmpty()) {
            line.append(text(reading, "unexplained", lang).replace("{words}",
                    quoted(plan.unexplained())));
        }
        return Templates.stripUnfilled(line.toString());
    }

    /** 'a', 'b': the words the reading names, each in quotes. */
    private static String quoted(List<?> words) {
        return "'" + String.join("', '", words.stream().map(String::valueOf).toList()) + "'";
    }

    private static String text(Map<String, Text> reading, String key, String lang) {
        return reading.getOrDefault(key, Text.EMPTY).in(lang);
    }

    /** Which reading template fits the plan. */
    static String shape(PlanModel p) {
        boolean runsOn = p.graph().relationTypes().contains("RUNS_ON");
        boolean calls = p.graph().relationTypes().contains("DEPENDS_ON") && !runsOn;
        if (p.intent() == Intent.PATH) {
            return "path";
        }
        if (p.intent() == Intent.EXPAND) {
            return switch (p.view() == null ? View.SUMMARY : p.view()) {
                case IMPACT -> calls ? "callers" : "impact";
                case DEPENDENCY -> runsOn ? "host" : calls ? "callees" : "dependency";
                case COMPOSITION -> runsOn ? "hosted" : "dependency";
                case NEIGHBORS -> "neighbors";
                default -> "ci";
            };
        }
        if (PlanModel.Metric.ROOT_CAUSE.equals(p.metric().agg())) {
            return "causes";
        }
        if (p.intent() == Intent.LIST && PlanModel.Metric.ANOMALY.equals(p.metric().agg())) {
            return p.metric().metricName().isEmpty() ? "anomalies_among_measures" : "anomalies_among";
        }
        if (p.history().enabled()) {
            if (!p.history().eventRef().isEmpty()) {
                return !p.history().anchor().isEmpty() ? "changes_before_ref" : "events_ref";
            }
            return !p.history().anchor().isEmpty() ? "changes_before" : p.output().count() ? "events_count"
                    : p.metric().topN() > 0 ? "events_rank" : p.history().limit() == 1 ? "events_latest" : "events";
        }
        if (p.intent() == Intent.LIST) {
            PlanModel.Threshold t = p.metric().threshold();
            if ("count".equals(p.metric().agg()) && t != null && !t.op().isEmpty()) {
                return "count_over"; // "how many times did X exceed 90%": samples over the threshold
            }
            if (!p.metric().metricName().isEmpty()) {
                // an aggregate over a range ("over 90% on 2014-04-17") names its range and aggregation
                String ranged = !p.metric().timeFrom().isEmpty() && !"latest".equals(p.metric().agg()) ? "_agg" : "";
                return p.output().count() ? "per_ci" + ranged + "_count" : "per_ci" + ranged;
            }
            return p.output().count() ? "count" : "list";
        }
        if (p.intent() == Intent.AGGREGATE) {
            // current values have no range to name: "top 3 by current CPU usage", not "… over "
            String now = p.metric().timeFrom().isEmpty() ? "_latest" : "";
            if (p.primary().ciCodes().size() >= 2) {
                return (p.metric().topN() > 0 ? "rank_among" : "compare") + now;
            }
            return p.metric().topN() > 0 ? "top" + now
                    : !p.metric().bucket().isEmpty() ? "series" : "last".equals(p.metric().agg()) ? "at" : "aggregate";
        }
        if (p.intent() == Intent.SEARCH) {
            return "search";
        }
        if (!p.metric().metricName().isEmpty()) {
            return p.primary().ciCodes().size() >= 2 ? "compare" : "latest";
        }
        return p.primary().fields().isEmpty() ? "ci" : "attributes";
    }

    /** One filter as the reading and the answers write it: "ci_type=vm|server", "status≠running". */
    static String filterText(PlanModel.Filter f) {
        return f.field() + ("ne".equals(f.op()) ? "≠" : "=") + String.join("|", f.values());
    }

    private static String filters(PlanModel p, String lang) {
        List<String> parts = new ArrayList<>();
        if (p.intent() == Intent.LIST && !p.primary().ciCodes().isEmpty()) {
            // the condition among the CIs the question named: they belong to the reading like any filter
            parts.add("ci_code=" + String.join("|", p.primary().ciCodes()));
        }
        for (PlanModel.Filter f : p.primary().filters()) {
            parts.add(filterText(f));
        }
        if (parts.isEmpty()) {
            return "";
        }
        return "ko".equals(lang) ? "(" + String.join(", ", parts) + ") " : " (" + String.join(", ", parts) + ")";
    }
}

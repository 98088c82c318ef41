package dev.opsuite.executor.domain;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The values a plan offers to query templates, by parameter name. Templates take what they declare. */
final class QueryParams {
    static final int DEFAULT_LIMIT = 50;

    private QueryParams() {}

    static Map<String, Object> of(PlanModel plan) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ci_code", plan.primary().ciCode());
        p.put("secondary_ci_code", plan.secondary().ciCode());
        List<String> mentions = new ArrayList<>(plan.primary().mentions());
        mentions.addAll(plan.secondary().mentions());
        p.put("mentions", mentions);
        p.put("ci_codes", plan.primary().ciCodes());
        p.put("keywords", plan.primary().keywords());
        // the shortest keyword of 2+ characters: n-gram mentions put the single words last
        p.put("keyword", plan.primary().keywords().stream().filter(k -> k.length() >= 2)
                .min(java.util.Comparator.comparingInt(String::length)).orElse(""));
        for (String field : List.of("ci_type", "status", "environment", "location", "owner")) {
            p.put(field, ""); // '' means "no filter" in the templates
            p.put(field + "_list", List.of()); // [] too; a filter of several values ("DB랑 VM") is the list
            p.put(field + "_not_list", List.of()); // values excluded ("not the VMs", "stopped인거 빼고")
        }
        p.put("limit", plan.primary().limit() > 0 ? plan.primary().limit() : DEFAULT_LIMIT);
        p.put("offset", Math.max(0, plan.primary().offset()));
        for (PlanModel.Filter f : plan.primary().filters()) {
            switch (f.op().isEmpty() ? "eq" : f.op()) {
                case "eq", "in" -> {
                    p.put(f.field(), f.values().isEmpty() ? "" : f.values().get(0));
                    p.put(f.field() + "_list", f.values());
                }
                case "ne" -> p.put(f.field() + "_not_list", f.values());
                default -> throw dev.opsuite.model.errors.OpsException.invalid("filter " + f.field() + " op '" + f.op()
                        + "' is not supported by the query templates (eq, in, ne)");
            }
        }
        PlanModel.Metric m = plan.metric();
        p.put("metric_name", m.metricName());
        p.put("agg", m.agg());
        p.put("bucket", m.bucket());
        p.put("top_n", m.topN() > 0 ? m.topN() : 10);
        p.put("order", m.order().equals("asc") ? "asc" : "desc");
        PlanModel.Threshold th = m.threshold();
        p.put("threshold_op", th == null ? "" : th.op());
        p.put("threshold_value", th == null ? 0.0 : th.value());
        p.put("threshold_upper", th == null ? 0.0 : th.upper());
        if (!m.timeFrom().isEmpty()) {
            p.put("time_from", OffsetDateTime.parse(m.timeFrom()));
            // buckets start at midnight where the question was asked (its offset), not at UTC's
            p.put("bucket_origin", OffsetDateTime.parse(m.timeFrom()).truncatedTo(java.time.temporal.ChronoUnit.DAYS));
        }
        if (!m.timeTo().isEmpty()) {
            p.put("time_to", OffsetDateTime.parse(m.timeTo()));
        }
        PlanModel.History h = plan.history();
        p.put("event_types", h.eventTypes());
        p.put("severities", h.severities());
        if (!h.timeFrom().isEmpty()) {
            p.put("event_from", OffsetDateTime.parse(h.timeFrom()));
        }
        if (!h.timeTo().isEmpty()) {
            p.put("event_to", OffsetDateTime.parse(h.timeTo()));
        }
        p.put("event_limit", h.limit() > 0 ? h.limit() : DEFAULT_LIMIT);
        p.put("anchor", h.anchor());
        p.put("event_ref", h.eventRef());
        p.put("window_hours", h.windowHours() > 0 ? h.windowHours() : 24);
        p.put("depth", plan.graph().depth() > 0 ? plan.graph().depth() : 1);
        p.put("direction", plan.graph().direction());
        p.put("relation_types", plan.graph().relationTypes());
        p.put("graph_limit", plan.graph().limit() > 0 ? plan.graph().limit() : 200);
        // a document search: the words the planner kept for it (else the question as read), and its language
        p.put("question", plan.documents().text().isEmpty() ? plan.normalizedQuestion() : plan.documents().text());
        p.put("language", plan.language());
        p.put("document_kinds", plan.documents().kinds());
        return p;
    }

    /** Only the parameters a template declares, for the trace's input_params and references. */
    static Map<String, Object> declared(Map<String, Object> all, List<String> names) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String n : names) {
            Object v = all.get(n);
            out.put(n, v instanceof OffsetDateTime t ? t.toString() : v);
        }
        return out;
    }
}

package dev.opsuite.executor.compose;

import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.MappingAsset;
import dev.opsuite.model.asset.SchemaAsset;
import dev.opsuite.model.asset.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values a Mapping template may use: from the plan (the CI as "name(code)" even when nothing
 * came back, metric label and unit, aggregation, order, condition, time range as people say it),
 * and from a tool's rows (the first row's columns, counts, lists of names, of names with values,
 * of events).
 */
final class ComposeVars {
    private ComposeVars() {}

    /**
     * The words the question used for its CI: the plan's mentions, or — when the planner linked them to
     * several CIs to choose from — the span the candidates were matched by ("token:db vm" → "db vm").
     */
    static String written(PlanModel plan) {
        if (!plan.primary().mentions().isEmpty() || plan.candidates().isEmpty()) {
            return String.join(", ", plan.primary().mentions().stream().limit(3).toList());
        }
        String by = plan.candidates().get(0).matchedBy();
        return by.contains(":") ? by.substring(by.indexOf(':') + 1) : "";
    }

    static Map<String, String> ofPlan(PlanModel plan, MappingAsset mapping, SchemaAsset schema, String lang,
                                      int decimals) {
        Map<String, String> vars = new HashMap<>();
        vars.put("mentions", written(plan));
        String code = plan.primary().ciCode();
        vars.put("ci_code", code);
        vars.put("ci_name", plan.primary().ciName().isEmpty() ? code : plan.primary().ciName());
        vars.put("root", label(plan.primary().ciName(), code));
        vars.put("secondary", label(plan.secondary().ciName(), plan.secondary().ciCode()));
        // "X(code)의 " / " of X (code)" when the question names a CI, else nothing
        vars.put("root_of", code.isEmpty() ? "" : "ko".equals(lang) ? vars.get("root") + "의 " : " of " + vars.get("root"));
        String metric = plan.metric().metricName();
        vars.put("metric_name", metric);
        SchemaAsset.Metric m = schema.metric(metric).orElse(null);
        vars.put("metric_label", m == null ? metric : m.label(lang));
        vars.put("unit", m == null ? "" : m.unit());
        vars.put("agg", plan.metric().agg());
        vars.put("agg_label", labelOf(mapping.aggLabels(), plan.metric().agg(), lang));
        vars.put("order_label", orderLabel(mapping, plan, lang));
        boolean metricRange = !plan.metric().timeRange().isEmpty();
        vars.put("time_range", TimeLabels.label(mapping, metricRange ? plan.metric().timeRange() : plan.history().timeRange(),
                metricRange ? plan.metric().timeFrom() : plan.history().timeFrom(),
                metricRange ? plan.metric().timeTo() : plan.history().timeTo(), lang));
        vars.put("window_hours", Integer.toString(plan.history().windowHours()));
        vars.put("event_ref", plan.history().eventRef());
        vars.put("condition", condition(plan.metric().threshold(), mapping, lang, vars.get("unit"), decimals));
        vars.put("fields", String.join(", ", plan.primary().fields()));
        // the filters a graph answer applied, so "depends on nothing" is never said of an unfiltered walk
        List<String> applied = plan.primary().filters().stream().map(Readings::filterText).toList();
        vars.put("filter_note", applied.isEmpty() ? "" : " (" + String.join(", ", applied) + ")");
        vars.put("keyword", plan.primary().keywords().stream().filter(k -> k.length() >= 2)
                .min(java.util.Comparator.comparingInt(String::length)).orElse(""));
        return vars;
    }

    /** "name(code)", or the code alone when the name is not known. */
    static String label(String name, String code) {
        return name.isEmpty() || name.equals(code) ? code : name + "(" + code + ")";
    }

    private static String labelOf(Map<String, Text> labels, String key, String lang) {
        Text l = labels.get(key);
        return l == null ? key : l.in(lang);
    }

    /** The label of the plan's order: "top" (desc, also when the plan names none) or "bottom" (asc). */
    static String orderLabel(MappingAsset mapping, PlanModel plan, String lang) {
        return mapping.orderLabels().getOrDefault(plan.metric().order().equals("asc") ? "asc" : "desc", Text.EMPTY)
                .in(lang);
    }

    /** "over 80%", "80% 초과", "between 40 and 60%". */
    private static String condition(PlanModel.Threshold t, MappingAsset mapping, String lang, String unit,
                                    int decimals) {
        if (t == null || t.op().isEmpty()) {
            return "";
        }
        String template = mapping.conditionLabels().getOrDefault(t.op(), Text.EMPTY).in(lang);
        return template.replace("{value}", Templates.number(t.value(), decimals) + unit)
                .replace("{upper}", Templates.number(t.upper(), decimals) + unit);
    }

    /** Variables from one tool's rows: first row, counts and the lists the templates quote. */
    static void addRows(Map<String, String> vars, ToolOutput out, MappingAsset.Rule rule,
                        MappingAsset.Messages messages, String lang, int decimals, java.time.ZoneOffset offset,
                        Staleness staleness) {
        Text more = messages.more();
        if (!out.rows().isEmpty()) {
            out.row(0).forEach((k, v) -> vars.put(k, isTime(k) ? local(v, offset) : Templates.number(v, decimals)));
            int ts = out.columnIndex("ts");
            // a "current" value whose sample is old: the template says when it was taken and how long ago
            (ts < 0 ? java.util.Optional.<java.time.Duration>empty() : staleness.staleAge(out.rows().get(0).get(ts)))
                    .ifPresent(age -> vars.put("age", Staleness.words(age, lang)));
        }
        vars.put("row_count", Integer.toString(out.rows().size()));
        // a health check's dependencies: those that need a look, and how many
        if (out.meta().get("dependencies_troubled") instanceof String troubled) {
            vars.put("troubled", troubled);
            vars.put("troubled_count", out.meta().get("dependencies_troubled_count") instanceof Number n
                    ? Integer.toString(n.intValue()) : "0");
        }
        // anomalies over a set: how many CIs were judged, how many had windows, how many stayed within their normal
        if (out.meta().get("cis_judged") instanceof Number judged && out.meta().get("cis_with_windows") instanceof Number w) {
            vars.put("cis_judged", Integer.toString(judged.intValue()));
            vars.put("cis_with_windows", Integer.toString(w.intValue()));
            vars.put("cis_quiet", Integer.toString(judged.intValue() - w.intValue()));
        }
        long all = Math.max(out.rows().size(), total(out));
        vars.put("total", out.rows().isEmpty() ? "0" : Long.toString(all));
        int limit = rule.listLimit();
        vars.put("list", list(out, limit, lang, messages, false, decimals, vars.get("unit"), offset, staleness));
        vars.put("value_list", list(out, limit, lang, messages, true, decimals, vars.get("unit"), offset, staleness));
        vars.put("event_list", events(out, limit, lang, more, offset));
    }

    /** The "total" column of the first row (count(*) OVER (), size(found)), or -1 without one. */
    static long total(ToolOutput out) {
        int i = out.columnIndex("total");
        return i >= 0 && !out.rows().isEmpty() && out.rows().get(0).get(i) instanceof Number n ? n.longValue() : -1;
    }

    private static String list(ToolOutput out, int limit, String lang, MappingAsset.Messages messages, boolean values,
                               int decimals, String unit, java.time.ZoneOffset offset, Staleness staleness) {
        Text more = messages.more();
        int name = out.columnIndex("ci_name");
        int code = out.columnIndex("ci_code");
        int value = out.columnIndex("value");
        int ts = out.columnIndex("ts");
        if (name < 0 && code < 0) {
            return "";
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, out.rows().size()); i++) {
            List<Object> r = out.rows().get(i);
            String item = name >= 0 && code >= 0 ? label(String.valueOf(r.get(name)), String.valueOf(r.get(code)))
                    : String.valueOf(r.get(Math.max(name, code)));
            if (values && value >= 0) {
                item += " " + Templates.number(r.get(value), decimals) + (unit == null ? "" : unit);
                if (ts >= 0 && staleness.staleAge(r.get(ts)).isPresent()) {
                    // one of several "current" values is old: said beside it
                    item += messages.staleItem().in(lang).replace("{ts}", local(r.get(ts), offset));
                }
            }
            items.add(item);
        }
        long all = Math.max(out.rows().size(), total(out));
        String rest = all > items.size() ? more.in(lang).replace("{n}", Long.toString(all - items.size())) : "";
        return String.join(", ", items) + rest;
    }

    /** The offset the question's times were read in (its range's, else the moment it was asked), or null. */
    static java.time.ZoneOffset offsetOf(PlanModel plan) {
        Object asked = plan.understanding().get("asked_at");
        for (String t : new String[] {plan.history().timeFrom(), plan.metric().timeFrom(),
                asked == null ? null : asked.toString()}) {
            if (t != null && !t.isEmpty()) {
                try {
                    return java.time.OffsetDateTime.parse(t).getOffset();
                } catch (java.time.format.DateTimeParseException e) {
                    // not a timestamp: try the next
                }
            }
        }
        return null;
    }

    /** Whether a result column holds a time (ts, first_ts, ts_bucket …). */
    static boolean isTime(String column) {
        return column.equals("ts") || column.endsWith("_ts") || column.startsWith("ts_");
    }

    /** A stored instant as ISO in the question's offset (a table's cell); anything else as it is. */
    static Object inOffset(Object v, java.time.ZoneOffset offset) {
        if (offset == null || !(v instanceof String s)) {
            return v;
        }
        try {
            return java.time.OffsetDateTime.parse(s).withOffsetSameInstant(offset).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return v;
        }
    }

    /** "2026-11-26 14:25" in the question's offset; a stored instant with no offset to show it in says UTC. */
    static String local(Object v, java.time.ZoneOffset offset) {
        String s = String.valueOf(v);
        try {
            java.time.OffsetDateTime t = java.time.OffsetDateTime.parse(s);
            java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
            return offset == null ? t.withOffsetSameInstant(java.time.ZoneOffset.UTC).format(f) + " UTC"
                    : t.withOffsetSameInstant(offset).format(f);
        } catch (java.time.format.DateTimeParseException e) {
            return s.length() >= 16 ? s.substring(0, 16).replace('T', ' ') : s;
        }
    }

    private static String events(ToolOutput out, int limit, String lang, Text more, java.time.ZoneOffset offset) {
        int ts = out.columnIndex("ts");
        int title = out.columnIndex("title");
        int code = out.columnIndex("ci_code");
        if (ts < 0 || title < 0) {
            return "";
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, out.rows().size()); i++) {
            List<Object> r = out.rows().get(i);
            items.add(local(r.get(ts), offset) + " " + r.get(title)
                    + (code >= 0 ? " (" + r.get(code) + ")" : ""));
        }
        String rest = out.rows().size() > items.size() ? more.in(lang)
                .replace("{n}", Integer.toString(out.rows().size() - items.size())) : "";
        return String.join("; ", items) + rest;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}

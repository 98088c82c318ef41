package dev.opsuite.executor.compose;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.kit.model.AssetBundle;
import dev.opsuite.kit.model.Localized;
import dev.opsuite.kit.model.PlanModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * COMPOSE: the Mapping asset turns tool results into blocks. Text comes from the rule's template
 * in the question's language, filled from the first row and the SchemaCatalog's metric labels;
 * tables list the rule's columns.
 */
public final class AnswerComposer {
    public record Composed(List<Block> blocks, String answer, List<String> warnings) {
        public boolean lowEvidence() {
            return warnings.stream().anyMatch(w -> w.startsWith("low_evidence"));
        }
    }

    private static final java.util.regex.Pattern UNFILLED = java.util.regex.Pattern.compile("\\{([a-z_]+)}");

    public Composed compose(PlanModel plan, List<ToolOutput> outputs, AssetBundle assets) {
        JsonNode mapping = assets.content("mapping");
        String lang = plan.language().isEmpty() ? "en" : plan.language();
        int decimals = mapping.path("number_format").path("decimals").asInt(1);
        List<Block> blocks = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> planVars = planVars(plan, assets.content("schema"), lang);
        planVars.put("root", rootLabel(plan, outputs, plan.primary().ciCode()));
        planVars.put("secondary", rootLabel(plan, outputs, plan.secondary().ciCode()));
        planVars.put("agg_label", label(mapping.path("agg_labels"), plan.metric().agg(), lang));
        planVars.put("time_range", label(mapping.path("time_range_labels"), plan.metric().timeRange().isEmpty()
                ? plan.history().timeRange() : plan.metric().timeRange(), lang));
        planVars.put("keyword", String.valueOf(plan.primary().keywords().stream().filter(k -> k.length() >= 2)
                .min(java.util.Comparator.comparingInt(String::length)).orElse("")));

        if (!plan.missingSlots().isEmpty()) {
            blocks.add(Block.text(slotMessage(plan, mapping, planVars, lang)));
            return new Composed(blocks, blocks.get(0).content(), warnings);
        }
        for (ToolOutput out : outputs) {
            if ("ci_resolver".equals(out.tool())) {
                continue;
            }
            JsonNode rule = ruleFor(mapping, out.queryName());
            if (rule == null) {
                warnings.add("no mapping rule for " + out.queryName() + "; shown as a table");
                blocks.add(table(out, null, decimals, plan.primary().offset()));
                continue;
            }
            Map<String, String> vars = new HashMap<>(planVars);
            if (!out.rows().isEmpty()) {
                out.row(0).forEach((k, v) -> vars.put(k, Templates.number(v, decimals)));
            }
            vars.put("row_count", Integer.toString(out.rows().size()));
            vars.put("total", out.rows().isEmpty() ? "0" : vars.getOrDefault("total", Integer.toString(out.rows().size())));
            vars.put("list", listOf(out, rule.path("list_limit").asInt(5), lang, mapping.path("messages").path("more")));
            for (JsonNode b : rule.path("blocks")) {
                switch (b.path("type").asText()) {
                    case "text", "markdown" -> {
                        JsonNode template = out.rows().isEmpty() && b.has("empty") ? b.path("empty") : b.path("template");
                        String text = Templates.fill(Localized.text(template, lang), vars);
                        java.util.regex.Matcher gap = UNFILLED.matcher(text);
                        if (gap.find()) {
                            // the template asks for a value the results do not hold: say so, never invent it
                            warnings.add("low_evidence: " + out.queryName() + " has no value for {" + gap.group(1) + "}");
                        }
                        blocks.add(new Block(b.path("type").asText(), b.path("title").asText(""), text, Map.of()));
                    }
                    case "table" -> {
                        if (!out.rows().isEmpty()) {
                            blocks.add(table(out, b, decimals, plan.primary().offset()));
                        }
                    }
                    case "chart" -> {
                        if (!out.rows().isEmpty()) {
                            blocks.add(Charts.timeSeries(out, b, vars.get("metric_label"), vars.get("unit"), decimals));
                        }
                    }
                    case "network" -> {
                        if (!out.rows().isEmpty()) {
                            blocks.add(Charts.network(out, plan.primary().ciCode(), vars.get("root")));
                        }
                    }
                    default -> warnings.add("block type " + b.path("type").asText() + " is not supported");
                }
            }
        }
        if (blocks.isEmpty()) {
            blocks.add(Block.text(Templates.fill(Localized.text(mapping.path("messages").path("no_plan"), lang), planVars)));
        }
        String answer = blocks.stream().filter(b -> b.type().equals("text")).map(Block::content).findFirst()
                .orElse(blocks.get(0).content());
        return new Composed(blocks, answer, warnings);
    }

    /** "name(code)" of the question's CI, from the resolve step when it ran. */
    /** A label from the Mapping asset: exact key, else the key with its number as {n} ("last_{n}h"). */
    private static String label(JsonNode labels, String key, String lang) {
        JsonNode l = labels.path(key);
        if (!l.isMissingNode()) {
            return Localized.text(l, lang);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d+").matcher(key);
        if (m.find()) {
            JsonNode generic = labels.path(m.replaceFirst("{n}"));
            if (!generic.isMissingNode()) {
                return Localized.text(generic, lang).replace("{n}", m.group());
            }
        }
        return key;
    }

    private static String rootLabel(PlanModel plan, List<ToolOutput> outputs, String code) {
        for (ToolOutput o : outputs) {
            if ("ci_resolver".equals(o.tool())) {
                for (int i = 0; i < o.rows().size(); i++) {
                    Map<String, Object> r = o.row(i);
                    if (code.equals(r.get("ci_code"))) {
                        return r.get("ci_name") + "(" + code + ")";
                    }
                }
            }
        }
        return code;
    }

    /** The first rows as "name(code)", for sentences that list results. */
    private static String listOf(ToolOutput out, int limit, String lang, JsonNode moreMessage) {
        int name = out.columnIndex("ci_name");
        int code = out.columnIndex("ci_code");
        if (name < 0 && code < 0) {
            return "";
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, out.rows().size()); i++) {
            List<Object> r = out.rows().get(i);
            items.add(name >= 0 && code >= 0 ? r.get(name) + "(" + r.get(code) + ")" : String.valueOf(r.get(Math.max(name, code))));
        }
        // with a "total" column the rest counts every matching row, not only the rows returned
        long all = Math.max(out.rows().size(), total(out));
        String more = all > items.size() ? Localized.text(moreMessage, lang)
                .replace("{n}", Long.toString(all - items.size())) : "";
        return String.join(", ", items) + more;
    }

    /** The "total" column of the first row (count(*) OVER (), size(found)), or -1 without one. */
    private static long total(ToolOutput out) {
        int i = out.columnIndex("total");
        return i >= 0 && !out.rows().isEmpty() && out.rows().get(0).get(i) instanceof Number n ? n.longValue() : -1;
    }

    private static String slotMessage(PlanModel plan, JsonNode mapping, Map<String, String> vars, String lang) {
        JsonNode messages = mapping.path("messages");
        if (!plan.candidates().isEmpty()) {
            List<String> names = plan.candidates().stream().map(c -> c.ciName() + "(" + c.ciCode() + ")").toList();
            Map<String, String> v = new HashMap<>(vars);
            v.put("candidates", String.join(", ", names));
            return Templates.fill(Localized.text(messages.path("ambiguous"), lang), v);
        }
        if (plan.primary().mentions().isEmpty() && plan.primary().ciCode().isEmpty()) {
            return Templates.fill(Localized.text(messages.path("missing_entity"), lang), vars);
        }
        return Templates.fill(Localized.text(messages.path("not_found"), lang), vars);
    }

    private static Map<String, String> planVars(PlanModel plan, JsonNode schema, String lang) {
        Map<String, String> vars = new HashMap<>();
        vars.put("mentions", String.join(", ", plan.primary().mentions().stream().limit(3).toList()));
        vars.put("ci_code", plan.primary().ciCode());
        String metric = plan.metric().metricName();
        vars.put("metric_name", metric);
        vars.put("metric_label", metric);
        vars.put("unit", "");
        for (JsonNode m : schema.path("metrics")) {
            if (m.path("name").asText().equals(metric)) {
                vars.put("metric_label", Localized.text(m.path("display_name"), lang));
                vars.put("unit", m.path("unit").asText(""));
            }
        }
        vars.put("agg", plan.metric().agg());
        return vars;
    }

    private static Block table(ToolOutput out, JsonNode rule, int decimals, int offset) {
        List<String> from = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        if (rule != null && rule.has("columns")) {
            for (JsonNode c : rule.path("columns")) {
                if (out.columnIndex(c.path("from").asText()) >= 0) {
                    from.add(c.path("from").asText());
                    labels.add(c.path("label").asText(c.path("from").asText()));
                }
            }
        }
        if (from.isEmpty()) {
            from.addAll(out.columns());
            labels.addAll(out.columns());
        }
        List<Object> rows = new ArrayList<>();
        for (List<Object> r : out.rows()) {
            List<Object> row = new ArrayList<>(from.size());
            for (String f : from) {
                Object v = r.get(out.columnIndex(f));
                row.add(v instanceof Double d ? Double.valueOf(Templates.number(d, decimals)) : v);
            }
            rows.add(row);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("columns", labels);
        data.put("rows", rows);
        // a "total" column (count(*) OVER ()) tells whether rows exist past this page
        boolean truncated = out.truncated();
        long total = total(out);
        if (total >= 0) {
            truncated |= total > offset + out.rows().size();
            data.put("total", total);
        }
        data.put("offset", offset);
        data.put("truncated", truncated);
        data.put("query", out.queryName());
        return new Block("table", rule == null ? "" : rule.path("title").asText(""), "", data);
    }

    private static JsonNode ruleFor(JsonNode mapping, String queryName) {
        for (JsonNode r : mapping.path("rules")) {
            if (queryName.equals(r.path("query").asText())) {
                return r;
            }
        }
        return null;
    }
}

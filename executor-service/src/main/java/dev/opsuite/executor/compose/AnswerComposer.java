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
    public record Composed(List<Block> blocks, String answer, List<String> warnings) {}

    public Composed compose(PlanModel plan, List<ToolOutput> outputs, AssetBundle assets) {
        JsonNode mapping = assets.content("mapping");
        String lang = plan.language().isEmpty() ? "en" : plan.language();
        int decimals = mapping.path("number_format").path("decimals").asInt(1);
        List<Block> blocks = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> planVars = planVars(plan, assets.content("schema"), lang);

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
                blocks.add(table(out, null, decimals));
                continue;
            }
            Map<String, String> vars = new HashMap<>(planVars);
            if (!out.rows().isEmpty()) {
                out.row(0).forEach((k, v) -> vars.put(k, Templates.number(v, decimals)));
            }
            vars.put("row_count", Integer.toString(out.rows().size()));
            for (JsonNode b : rule.path("blocks")) {
                switch (b.path("type").asText()) {
                    case "text", "markdown" -> {
                        JsonNode template = out.rows().isEmpty() && b.has("empty") ? b.path("empty") : b.path("template");
                        blocks.add(new Block(b.path("type").asText(), b.path("title").asText(""),
                                Templates.fill(Localized.text(template, lang), vars), Map.of()));
                    }
                    case "table" -> {
                        if (!out.rows().isEmpty()) {
                            blocks.add(table(out, b, decimals));
                        }
                    }
                    default -> warnings.add("block type " + b.path("type").asText() + " is not supported yet");
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
        vars.put("time_range", plan.metric().timeRange());
        return vars;
    }

    private static Block table(ToolOutput out, JsonNode rule, int decimals) {
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
        data.put("truncated", out.truncated());
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

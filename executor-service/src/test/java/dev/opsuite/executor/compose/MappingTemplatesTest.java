package dev.opsuite.executor.compose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.executor.domain.DefaultAssets;
import dev.opsuite.executor.domain.ToolOutput;
import dev.opsuite.model.AssetBundle;
import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.model.asset.MappingAsset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every text of every rule of the default Mapping asset, in both languages, with no rows and with a
 * row of exactly the columns its query returns, for a plain plan, a count plan and a per-field plan:
 * no placeholder is left for the composer to hide (each one the plan or the query provides), and
 * none reaches an answer.
 */
class MappingTemplatesTest {
    private static final AssetBundle ASSETS = new AssetBundle(DefaultAssets.docs());

    @Test
    void everyTemplateIsFilledByThePlanOrItsQuery() {
        int checked = 0;
        List<String> gaps = new ArrayList<>();
        for (MappingAsset.Rule rule : ASSETS.mapping().rules()) {
            String query = rule.query();
            JsonNode q = find(query);
            assertTrue(q != null, "mapping rule for unknown query " + query);
            List<String> columns = columnsOf(q);
            // an anomaly_windows call always records how many CIs it judged and how many had windows (AnalysisCalls)
            Map<String, Object> meta = dev.opsuite.model.asset.QueryTemplate.ANOMALY_WINDOWS.equals(
                    q.path("analysis").asText()) ? Map.of("cis_judged", 3, "cis_with_windows", 1)
                    // a dependency_status call always records the dependencies that need a look (AnalysisCalls)
                    : dev.opsuite.model.asset.QueryTemplate.DEPENDENCY_STATUS.equals(q.path("analysis").asText())
                    ? Map.of("dependencies_troubled", "db(DB1)", "dependencies_troubled_count", 1) : Map.of();
            for (String lang : List.of("ko", "en")) {
                for (PlanModel plan : plans(lang)) {
                    for (boolean empty : new boolean[] {true, false}) {
                        ToolOutput out = new ToolOutput("tool", query, columns, empty ? List.of() : List.of(row(columns)),
                                false, meta, null, false);
                        AnswerComposer.Composed c = new AnswerComposer().compose(plan, List.of(out), ASSETS);
                        String where = query + " " + lang + (empty ? " empty" : " one row") + " count="
                                + plan.output().count() + " fields=" + plan.primary().fields();
                        c.warnings().stream().filter(w -> w.contains("has no value for")).forEach(w -> gaps.add(where + ": " + w));
                        for (Block b : c.blocks()) {
                            assertFalse(b.content().matches("(?s).*\\{[a-z_]+}.*"), where + ": " + b.content());
                        }
                        checked++;
                    }
                }
            }
        }
        assertTrue(gaps.isEmpty(), String.join("\n", new java.util.TreeSet<>(gaps)));
        assertTrue(checked >= 200, "checked " + checked);
    }

    private static List<PlanModel> plans(String lang) {
        PlanModel.Primary primary = new PlanModel.Primary("ci", "SB-HV-02", List.of(), List.of(), List.of(), 0, 0,
                List.of(), List.of(), "hv-gw-02");
        PlanModel.Metric metric = new PlanModel.Metric("cpu_usage", "max", "day:2014-04-17", "2014-04-17T00:00+09:00",
                "2014-04-18T00:00+09:00", "", 3, "desc", true, new PlanModel.Threshold("gt", 80, 0));
        PlanModel.History history = new PlanModel.History(true, List.of("deploy", "change"), List.of(), "last_7d",
                "2026-11-20T15:00+09:00", "2026-11-27T15:00+09:00", 0, false, "incident", 24, "INC-5327");
        List<PlanModel> out = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            PlanModel.Primary p = k == 2 ? new PlanModel.Primary("ci", "SB-HV-02", List.of(), List.of(), List.of(), 0, 0,
                    List.of(), List.of("owner", "location", "status", "environment", "ci_type"), "hv-gw-02") : primary;
            out.add(new PlanModel(Intent.LOOKUP, View.SUMMARY, p, null, new PlanModel.Graph(3, List.of(), "in", 200),
                    metric, history, new PlanModel.Output(List.of("text"), "text", k == 1), lang, List.of(), List.of(), "",
                    List.of(), Map.of("time_zone", "Asia/Seoul"), List.of("widened:last_1h:last_24h")));
        }
        for (String agg : List.of("last", "min", "avg")) { // the texts chosen per aggregation (agg_templates)
            PlanModel.Metric m = new PlanModel.Metric("cpu_usage", agg, metric.timeRange(), metric.timeFrom(),
                    metric.timeTo(), "", 0, "", true, null);
            out.add(new PlanModel(Intent.AGGREGATE, View.SUMMARY, primary, null, new PlanModel.Graph(3, List.of(), "in",
                    200), m, history, new PlanModel.Output(List.of("text"), "text", false), lang, List.of(), List.of(),
                    "", List.of(), Map.of("time_zone", "Asia/Seoul"), List.of()));
        }
        return out;
    }

    private static List<Object> row(List<String> columns) {
        List<Object> r = new ArrayList<>();
        for (String c : columns) {
            r.add(c.equals("value") || c.equals("total") || c.equals("samples") || c.equals("depth") || c.equals("step")
                    ? (Object) 3.0 : c.endsWith("ts") || c.startsWith("ts") || c.equals("bucket") ? "2026-11-27T10:00+09:00"
                    : "x-" + c);
        }
        return r;
    }

    private static JsonNode find(String name) {
        for (JsonNode q : ASSETS.content("query").path("queries")) {
            if (q.path("name").asText().equals(name)) {
                return q;
            }
        }
        return null;
    }

    /** The column names a template returns: the aliases of its last top-level SELECT or RETURN list (redis: its fixture's). */
    static List<String> columnsOf(JsonNode q) {
        if (dev.opsuite.model.asset.QueryTemplate.ANOMALY_WINDOWS.equals(q.path("analysis").asText())) {
            return dev.opsuite.executor.domain.AnomalyAnalysis.COLUMNS; // the windows are the answer, not the series
        }
        if (dev.opsuite.model.asset.QueryTemplate.ANOMALY_BAND.equals(q.path("analysis").asText())) {
            return dev.opsuite.executor.domain.AnomalyBand.COLUMNS; // each sample with its normal and band
        }
        if (dev.opsuite.model.asset.QueryTemplate.DEPENDENCY_STATUS.equals(q.path("analysis").asText())) {
            return dev.opsuite.executor.domain.DependencyStatus.COLUMNS; // one row per dependency is the answer
        }
        if (dev.opsuite.model.asset.QueryTemplate.ROOT_CAUSE.equals(q.path("analysis").asText())) {
            return dev.opsuite.executor.domain.RootCauseAnalysis.COLUMNS; // the candidates are the answer
        }
        if ("redis".equals(q.path("language").asText()) || "search".equals(q.path("language").asText())) {
            // a redis reply (a search's passages) has the command's own columns, mapped by $.result: its fixtures show the mapped ones
            List<String> columns = new ArrayList<>();
            q.path("fixtures").get(0).path("columns").forEach(c -> columns.add(c.asText()));
            return columns;
        }
        String s = q.path("statement").asText();
        boolean cypher = "cypher".equals(q.path("language").asText("sql"));
        String head = cypher ? "RETURN " : "SELECT ";
        int start = -1;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            if (depth == 0 && s.startsWith(head, i)) {
                start = i + head.length();
            }
        }
        List<String> items = new ArrayList<>();
        depth = 0;
        StringBuilder cur = new StringBuilder();
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            depth += c == '(' || c == '[' || c == '{' ? 1 : c == ')' || c == ']' || c == '}' ? -1 : 0;
            if (depth == 0 && (s.startsWith(" FROM ", i) || s.startsWith(" ORDER BY ", i))) {
                break;
            }
            if (depth == 0 && c == ',') {
                items.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        items.add(cur.toString());
        List<String> out = new ArrayList<>();
        for (String item : items) {
            String t = item.strip();
            int as = t.lastIndexOf(" AS ");
            String name = as >= 0 ? t.substring(as + 4) : t.substring(t.lastIndexOf('.') + 1);
            out.add(name.strip());
        }
        return out;
    }
}

package dev.opsuite.guard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.model.PlanModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Chooses the Query-asset templates a plan runs, from the asset's "bindings" (first match wins
 * for the main query; a "needs": "resolve" binding runs first when mentions must be resolved; a
 * "needs": "documents" binding runs last when the plan searches documents, and alone with the
 * resolver when the documents are the whole answer).
 */
public final class QuerySelector {
    private QuerySelector() {}

    public static List<String> select(PlanModel plan, JsonNode queryAsset) {
        List<String> out = new ArrayList<>();
        boolean needsResolve = plan.primary().ciCode().isEmpty() && !plan.primary().mentions().isEmpty()
                || plan.secondary().ciCode().isEmpty() && !plan.secondary().mentions().isEmpty();
        for (JsonNode b : queryAsset.path("bindings")) {
            if ("resolve".equals(b.path("when").path("needs").asText())) {
                if (needsResolve) {
                    out.add(b.path("query").asText());
                }
            }
        }
        for (JsonNode b : queryAsset.path("bindings")) {
            JsonNode when = b.path("when");
            if (when.has("needs") || plan.documents().only()) {
                continue;
            }
            if (matches(when, plan)) {
                out.add(b.path("query").asText());
                if (!b.path("also").isMissingNode()) {
                    b.path("also").forEach(q -> out.add(q.asText()));
                }
                break;
            }
        }
        if (plan.documents().enabled()) {
            for (JsonNode b : queryAsset.path("bindings")) {
                if ("documents".equals(b.path("when").path("needs").asText())) {
                    out.add(b.path("query").asText());
                    break;
                }
            }
        }
        return out;
    }

    private static boolean matches(JsonNode when, PlanModel plan) {
        for (Map.Entry<String, JsonNode> e : when.properties()) {
            String want = e.getValue().asText();
            boolean ok = switch (e.getKey()) {
                case "intent" -> plan.intent() != null && plan.intent().name().equals(want);
                case "view" -> plan.view() != null && plan.view().name().equals(want);
                case "metric" -> e.getValue().asBoolean() == !plan.metric().metricName().isEmpty();
                case "metric_name" -> plan.metric().metricName().equals(want);
                case "agg" -> plan.metric().agg().equals(want);
                case "bucket" -> e.getValue().asBoolean() == !plan.metric().bucket().isEmpty();
                case "top_n" -> e.getValue().asBoolean() == (plan.metric().topN() > 0);
                case "history" -> e.getValue().asBoolean() == plan.history().enabled();
                case "direction" -> plan.graph().direction().equals(want);
                case "relation" -> plan.graph().relationTypes().contains(want);
                case "compare" -> e.getValue().asBoolean() == (plan.primary().ciCodes().size() >= 2);
                case "anchor" -> e.getValue().asBoolean() == !plan.history().anchor().isEmpty();
                case "event_ref" -> e.getValue().asBoolean() == !plan.history().eventRef().isEmpty();
                case "count" -> e.getValue().asBoolean() == plan.output().count();
                case "threshold" -> e.getValue().asBoolean() == (plan.metric().threshold() != null
                        && !plan.metric().threshold().op().isEmpty());
                default -> false; // an unknown condition never matches: fail closed
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static JsonNode find(JsonNode queryAsset, String name) {
        for (JsonNode q : queryAsset.path("queries")) {
            if (name.equals(q.path("name").asText())) {
                return q;
            }
        }
        return null;
    }
}

package dev.opsuite.guard;

import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.QueryAsset;
import dev.opsuite.model.asset.QueryBinding;
import dev.opsuite.model.asset.QueryBinding.When;
import java.util.ArrayList;
import java.util.List;

/**
 * Chooses the Query-asset templates a plan runs, from the asset's "bindings" (first match wins
 * for the main query; a "needs": "resolve" binding runs first when mentions must be resolved; a
 * "needs": "documents" binding runs last when the plan searches documents, and alone with the
 * resolver when the documents are the whole answer).
 */
public final class QuerySelector {
    private QuerySelector() {}

    public static List<String> select(PlanModel plan, QueryAsset queryAsset) {
        List<String> out = new ArrayList<>();
        boolean needsResolve = plan.primary().ciCode().isEmpty() && !plan.primary().mentions().isEmpty()
                || plan.secondary().ciCode().isEmpty() && !plan.secondary().mentions().isEmpty();
        if (needsResolve) {
            out.addAll(queryAsset.serving(When.RESOLVE));
        }
        for (QueryBinding b : queryAsset.bindings()) {
            if (b.when().needs().isPresent() || plan.documents().only()) {
                continue;
            }
            if (b.when().conditions().stream().allMatch(c -> holds(c, plan))) {
                out.add(b.query());
                out.addAll(b.also());
                break;
            }
        }
        if (plan.documents().enabled()) {
            queryAsset.serving(When.DOCUMENTS).stream().findFirst().ifPresent(out::add);
        }
        return out;
    }

    private static boolean holds(QueryBinding.Condition c, PlanModel plan) {
        String want = c.text();
        boolean flag = c.flag();
        return switch (c.key()) {
            case "intent" -> plan.intent() != null && plan.intent().name().equals(want);
            case "view" -> plan.view() != null && plan.view().name().equals(want);
            case "metric" -> flag == !plan.metric().metricName().isEmpty();
            case "metric_name" -> plan.metric().metricName().equals(want);
            case "agg" -> plan.metric().agg().equals(want);
            case "bucket" -> flag == !plan.metric().bucket().isEmpty();
            case "top_n" -> flag == (plan.metric().topN() > 0);
            case "history" -> flag == plan.history().enabled();
            case "direction" -> plan.graph().direction().equals(want);
            case "relation" -> plan.graph().relationTypes().contains(want);
            case "compare" -> flag == (plan.primary().ciCodes().size() >= 2);
            case "anchor" -> flag == !plan.history().anchor().isEmpty();
            case "event_ref" -> flag == !plan.history().eventRef().isEmpty();
            case "count" -> flag == plan.output().count();
            case "threshold" -> flag == (plan.metric().threshold() != null
                    && !plan.metric().threshold().op().isEmpty());
            default -> false; // an unknown condition never matches: fail closed
        };
    }
}

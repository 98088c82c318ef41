package dev.opsuite.executor.domain;

import dev.opsuite.model.PlanModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "이체 장애 전에 바뀐 거": a question about the changes before an incident presupposes the incident.
 * When its words fit several CIs equally, the CIs that had such an incident over the plan's range are
 * the ones it can mean — the Query asset's {@code needs: anchor_candidates} template says which. One
 * left: the plan takes it and the answer says so (adjustment {@code narrowed:<n>:<words>}); several:
 * the choice is asked between them only; none, or no such template: asked between all, as before.
 */
final class AnchorCandidates {
    static final String NEEDS = dev.opsuite.model.asset.QueryBinding.When.ANCHOR_CANDIDATES;

    private AnchorCandidates() {}

    static boolean applies(PlanModel plan) {
        return plan.history().enabled() && !plan.history().anchor().isEmpty()
                && plan.missingSlots().equals(List.of("primary.ci")) && plan.candidates().size() >= 2;
    }

    /** The values the template binds: the candidates' codes as ci_codes. */
    static Map<String, Object> params(PlanModel plan) {
        Map<String, Object> p = new java.util.LinkedHashMap<>(QueryParams.of(plan));
        p.put("ci_codes", plan.candidates().stream().map(PlanModel.Candidate::ciCode).distinct().toList());
        return p;
    }

    /** The plan narrowed by the rows (column ci_code: the candidates that had the incident). */
    static PlanModel narrow(PlanModel plan, ToolOutput out) {
        if (out.failed() || out.rows().isEmpty()) {
            return plan;
        }
        int at = out.columnIndex("ci_code");
        List<String> had = new ArrayList<>();
        for (List<Object> r : out.rows()) {
            if (at >= 0 && r.get(at) != null) {
                had.add(r.get(at).toString());
            }
        }
        List<PlanModel.Candidate> kept = plan.candidates().stream().filter(c -> had.contains(c.ciCode())).toList();
        if (kept.isEmpty()) {
            return plan;
        }
        if (kept.size() > 1) {
            return plan.withSlots(plan.primary(), plan.secondary(), plan.missingSlots(), kept);
        }
        PlanModel.Candidate c = kept.get(0);
        PlanModel.Primary p = plan.primary();
        PlanModel.Primary chosen = new PlanModel.Primary(p.entity(), c.ciCode(), p.mentions(), p.filters(), p.keywords(),
                p.limit(), p.offset(), p.ciCodes(), p.fields(), c.ciName());
        String by = plan.candidates().get(0).matchedBy();
        String words = by.contains(":") ? by.substring(by.indexOf(':') + 1) : by;
        long n = plan.candidates().stream().map(PlanModel.Candidate::ciCode).distinct().count();
        return plan.withSlots(chosen, plan.secondary(), List.of(), List.of())
                .withAdjustment("narrowed:" + n + ":" + words);
    }
}

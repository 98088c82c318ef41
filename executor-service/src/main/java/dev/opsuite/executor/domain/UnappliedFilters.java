package dev.opsuite.executor.domain;

import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.QueryTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A filter of the plan that none of the templates run can apply ("status=stopped" on a graph
 * expansion whose template filters by ci_type only) is never shown as applied: it leaves the plan
 * the answer is composed from, and the answer says it was not applied (adjustment
 * {@code unapplied:<filter>|<filter>…:<template>,<template>…}, Mapping messages.unapplied_filter).
 * A template applies a filter when it declares the parameter it binds: {@code <field>} or
 * {@code <field>_list} for eq/in, {@code <field>_not_list} for ne (see QueryParams).
 */
final class UnappliedFilters {
    private UnappliedFilters() {}

    static PlanModel check(PlanModel plan, List<QueryTemplate> templates) {
        if (templates.isEmpty() || plan.primary().filters().isEmpty()) {
            return plan;
        }
        Set<String> params = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (QueryTemplate q : templates) {
            names.add(q.name());
            q.params().forEach(p -> params.add(p.name()));
        }
        List<PlanModel.Filter> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (PlanModel.Filter f : plan.primary().filters()) {
            boolean ne = "ne".equals(f.op());
            boolean taken = ne ? params.contains(f.field() + "_not_list")
                    : params.contains(f.field()) || params.contains(f.field() + "_list");
            if (taken) {
                kept.add(f);
            } else {
                dropped.add(f.field() + (ne ? "≠" : "=") + String.join("|", f.values()));
            }
        }
        if (dropped.isEmpty()) {
            return plan;
        }
        PlanModel.Primary p = plan.primary().withFilters(kept);
        return plan.withSlots(p, plan.secondary(), plan.missingSlots(), plan.candidates())
                .withAdjustment("unapplied:" + String.join("|", dropped).replace(":", " ") + ":" + String.join(",", names));
    }
}

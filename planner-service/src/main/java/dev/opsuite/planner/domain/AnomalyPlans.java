package dev.opsuite.planner.domain;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.model.asset.PromptDefaults;
import dev.opsuite.planner.domain.understand.EntityDictionary;
import dev.opsuite.planner.domain.understand.LinkedEntity;
import dev.opsuite.planner.domain.understand.Signals;
import dev.opsuite.planner.domain.understand.Understanding;
import java.util.List;
import java.util.Optional;

/**
 * Anomalies over a set of CIs (#20): "which servers had CPU anomalies in the last 3 days?", "any anomalies on
 * db-01 and db-02 today?", "결제 서비스들 중 메모리 이상 징후 있는 거?" — the windows where each CI's measure (or,
 * for CIs named one by one, each of their measures) left its normal over the range asked, else the aggregate
 * range. The plan is a list ({@code intent LIST}, {@code agg anomaly}, no events beside): the CIs named, each CI a
 * part of names names, or those the filters read for other intents select. {@link PlanBuilder} decides when.
 */
final class AnomalyPlans {
    /** The Prompt's own words for the unusual said with "있다" ("CPU 이상이 있었던 서버"), apart from {@code anomaly}. */
    static final String PRESENT_GROUP = "anomaly_present";
    private static final List<String> TABLE_BLOCKS = List.of("text", "table");

    private final MetricSpecs specs;
    private final Signals s;
    private final Understanding u;
    private final PlanParts parts;

    AnomalyPlans(MetricSpecs specs, Signals signals, PlanParts parts) {
        this.specs = specs;
        this.s = signals;
        this.u = signals.understanding();
        this.parts = parts;
    }

    /** Whether a word of the unusual was said (the {@code anomaly} group or its Korean "이상이 있었던" words). */
    boolean asked() {
        return s.intent("anomaly") || s.intent(PRESENT_GROUP);
    }

    /**
     * The plan of anomalies over a set of CIs, when the question asks for one: a word of the unusual, no threshold,
     * event id, kind of event, count or why, and either several CIs named (with or without a measure), a part of
     * names naming several, or no CI named but a filter (a type: "servers") with a measure.
     */
    Optional<PlanModel> among(List<LinkedEntity> ents, List<PlanModel.Filter> filters, PromptDefaults defaults,
                              boolean named, List<String> eventTypes) {
        if (!asked() || !u.thresholds().isEmpty() || !s.references().isEmpty() || !eventTypes.isEmpty()
                || s.intent("count") || s.askedIntent("why") || s.intent("history")) {
            return Optional.empty();
        }
        boolean measured = s.metric().isPresent();
        List<LinkedEntity> set;
        if (ents.size() >= 2 && ents.stream().allMatch(LinkedEntity::resolved)) {
            set = ents; // "db-01 and db-02": the CIs named, in the order named
        } else if (ents.size() == 1 && groupWord(ents.get(0)) && (!ents.get(0).resolved() || !filters.isEmpty())
                && measured) {
            // "결제 서비스들": a part of names (with a type, or naming several) is each CI it names
            set = ents.get(0).candidates().stream().map(c -> ents.get(0).narrowedTo(List.of(c))).toList();
        } else if (ents.isEmpty() && !named && !filters.isEmpty() && measured) {
            set = List.of(); // "which servers": the CIs the filters select
        } else {
            return Optional.empty();
        }
        PlanModel.Metric m = specs.metric(s.metric().orElse(""), PlanModel.Metric.ANOMALY, u.time(),
                defaults.aggregateRange(), "", 0, "", null, true);
        PlanParts.Draft d = parts.plan(Intent.LIST, View.SUMMARY, set, filters, null, m, null, TABLE_BLOCKS);
        return Optional.of((set.isEmpty() ? d : d.compared()).plan());
    }

    /** A word matched as a whole word or prefix of names: it names a group of CIs, not a misspelt one. */
    private static boolean groupWord(LinkedEntity e) {
        return e.rank() == EntityDictionary.Rank.TOKEN || e.rank() == EntityDictionary.Rank.PREFIX;
    }
}

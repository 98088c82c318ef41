package dev.opsuite.planner.domain;

import dev.opsuite.kit.model.Intent;
import dev.opsuite.kit.model.PlanModel;
import dev.opsuite.kit.model.View;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fallbacks of the control loop for an empty result: widen the time range (metric or history),
 * look the other way on an empty DEPENDENCY (what depends on it instead), or relax the last
 * list filter. Each returns the patched plan and a sentence for the trace; none applies twice
 * in a way that loops, because every step strictly widens.
 */
public final class Replanner {
    public record Patch(PlanModel plan, String fallback) {}

    public Optional<Patch> onEmptyResult(PlanModel p, OffsetDateTime now) {
        String metricWider = TimeRanges.widen(p.metric().timeRange());
        if (!p.metric().metricName().isEmpty() && metricWider != null) {
            TimeRanges.Range r = TimeRanges.resolve(metricWider, now);
            PlanModel.Metric m = new PlanModel.Metric(p.metric().metricName(), p.metric().agg(), r.name(),
                    r.from().toString(), r.to().toString(), p.metric().bucket(), p.metric().topN(), p.metric().order());
            return Optional.of(new Patch(with(p, p.view(), p.primary(), p.graph(), m, p.history()),
                    "widen time range " + p.metric().timeRange() + " -> " + metricWider));
        }
        String historyWider = TimeRanges.widen(p.history().timeRange());
        if (p.history().enabled() && historyWider != null) {
            TimeRanges.Range r = TimeRanges.resolve(historyWider, now);
            PlanModel.History h = new PlanModel.History(true, p.history().eventTypes(), p.history().severities(),
                    r.name(), r.from().toString(), r.to().toString(), p.history().limit());
            return Optional.of(new Patch(with(p, p.view(), p.primary(), p.graph(), p.metric(), h),
                    "widen time range " + p.history().timeRange() + " -> " + historyWider));
        }
        if (p.intent() == Intent.EXPAND && p.view() == View.DEPENDENCY) {
            PlanModel.Graph g = new PlanModel.Graph(p.graph().depth(), p.graph().relationTypes(), "in", p.graph().limit());
            return Optional.of(new Patch(with(p, View.IMPACT, p.primary(), g, p.metric(), p.history()),
                    "switch graph direction: nothing it depends on, show what depends on it"));
        }
        if (p.intent() == Intent.LIST && p.primary().filters().size() > 1) {
            List<PlanModel.Filter> filters = new ArrayList<>(p.primary().filters());
            PlanModel.Filter dropped = filters.remove(filters.size() - 1);
            PlanModel.Primary pr = new PlanModel.Primary(p.primary().entity(), p.primary().ciCode(),
                    p.primary().mentions(), filters, p.primary().keywords(), p.primary().limit(), p.primary().offset());
            return Optional.of(new Patch(with(p, p.view(), pr, p.graph(), p.metric(), p.history()),
                    "relax filter " + dropped.field() + "=" + String.join("|", dropped.values())));
        }
        return Optional.empty();
    }

    private static PlanModel with(PlanModel p, View view, PlanModel.Primary primary, PlanModel.Graph graph,
                                  PlanModel.Metric metric, PlanModel.History history) {
        return new PlanModel(p.intent(), view, primary, p.secondary(), graph, metric, history, p.output(), p.language(),
                p.missingSlots(), p.candidates(), p.normalizedQuestion());
    }
}

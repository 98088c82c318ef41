package dev.opsuite.planner.domain;

import dev.opsuite.model.PlanModel;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Fallback of the control loop for an empty result: widen a relative time range (metric or
 * history) one step — last_1h → last_24h → last_7d → last_30d. A date, a month or a range the
 * question named is never widened, and nothing else is changed behind the operator's back: a
 * widened plan records the change in {@code adjustments}, and the answer states it. Every step
 * strictly widens, so the loop ends.
 */
public final class Replanner {
    public record Patch(PlanModel plan, String fallback) {}

    public Optional<Patch> onEmptyResult(PlanModel p, OffsetDateTime now) {
        String metricWider = TimeRanges.widen(p.metric().timeRange());
        // one CI's metric only: for a list, a ranking or a threshold, "none in this range" is the answer
        boolean oneCi = p.metric().topN() == 0 && p.metric().threshold() == null && p.primary().ciCodes().size() < 2
                && p.intent() != dev.opsuite.model.Intent.LIST;
        if (!p.metric().metricName().isEmpty() && metricWider != null && oneCi) {
            TimeRanges.Range r = TimeRanges.resolve(metricWider, now);
            PlanModel.Metric m = p.metric().withRange(r.name(), r.from().toString(), r.to().toString(),
                    p.metric().timeStated());
            return Optional.of(new Patch(p.with(p.view(), p.primary(), p.secondary(), p.graph(), m, p.history())
                    .withAdjustment("widened:" + p.metric().timeRange() + ":" + metricWider),
                    "widen time range " + p.metric().timeRange() + " -> " + metricWider));
        }
        String historyWider = TimeRanges.widen(p.history().timeRange());
        if (p.history().enabled() && historyWider != null && p.history().anchor().isEmpty()) {
            TimeRanges.Range r = TimeRanges.resolve(historyWider, now);
            PlanModel.History h = p.history().withRange(r.name(), r.from().toString(), r.to().toString(),
                    p.history().timeStated());
            return Optional.of(new Patch(p.with(p.view(), p.primary(), p.secondary(), p.graph(), p.metric(), h)
                    .withAdjustment("widened:" + p.history().timeRange() + ":" + historyWider),
                    "widen time range " + p.history().timeRange() + " -> " + historyWider));
        }
        return Optional.empty();
    }
}

package dev.opsuite.planner.domain;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.model.errors.OpsException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A plan an operator patched (rerun with {@code patch}) asks for what its fields now say: a named
 * time range gets its bounds (relative to the rerun's now), and the intent follows the specs — an
 * aggregation or a range over one CI's metric is AGGREGATE, the latest value LOOKUP, a top-N or
 * bucket AGGREGATE, an events spec LIST. So the guide's example — a LOOKUP of "서버A의 CPU 사용량은?"
 * with {"metric": {"time_range": "last_24h", "agg": "avg"}} — runs as the 24-hour average.
 */
public final class PlanNormalizer {
    private PlanNormalizer() {}

    public static PlanModel normalize(PlanModel p, OffsetDateTime now) {
        PlanModel.Metric m = p.metric();
        if (!m.timeRange().isEmpty()) {
            TimeRanges.Range r = resolve(m.timeRange(), now, "metric.time_range");
            m = m.withRange(r.name(), r.from().toString(), r.to().toString(), true);
        }
        PlanModel.History h = p.history();
        if (!h.timeRange().isEmpty()) {
            TimeRanges.Range r = resolve(h.timeRange(), now, "history.time_range");
            h = h.withRange(r.name(), r.from().toString(), r.to().toString(), true);
        }
        Intent intent = p.intent();
        View view = p.view() == null ? View.SUMMARY : p.view();
        boolean metric = !m.metricName().isEmpty();
        boolean ranged = !m.timeFrom().isEmpty();
        if (h.enabled() && (intent == Intent.LOOKUP || intent == Intent.AGGREGATE)) {
            intent = Intent.LIST;
        } else if (metric && (intent == Intent.LOOKUP || intent == Intent.AGGREGATE)) {
            boolean aggregate = m.topN() > 0 || !m.bucket().isEmpty() || p.primary().ciCodes().size() >= 2
                    || ranged || !m.agg().isEmpty() && !m.agg().equals("latest");
            intent = aggregate ? Intent.AGGREGATE : Intent.LOOKUP;
            if (aggregate && (m.agg().isEmpty() || m.agg().equals("latest")) && ranged) {
                m = new PlanModel.Metric(m.metricName(), "avg", m.timeRange(), m.timeFrom(), m.timeTo(), m.bucket(),
                        m.topN(), m.order(), m.timeStated(), m.threshold());
            }
            if (!aggregate && m.agg().isEmpty()) {
                m = new PlanModel.Metric(m.metricName(), "latest", "", "", "", "", 0, m.order(), false, m.threshold());
            }
        }
        PlanModel out = p.with(view, p.primary(), p.secondary(), p.graph(), m, h);
        return intent == p.intent() && view == p.view() ? out : out.withIntent(intent, view, p.output());
    }

    /** Relative names (last_24h, yesterday…) and the planner's own absolute ones (day:, month:, since:). */
    static TimeRanges.Range resolve(String name, OffsetDateTime now, String field) {
        TimeRanges.Range r = TimeRanges.resolve(name, now);
        if (r != null) {
            return r;
        }
        try {
            if (name.startsWith("day:")) {
                LocalDate d = LocalDate.parse(name.substring(4));
                return new TimeRanges.Range(name, d.atStartOfDay().atOffset(now.getOffset()),
                        d.plusDays(1).atStartOfDay().atOffset(now.getOffset()));
            }
            if (name.startsWith("since:")) {
                LocalDate d = LocalDate.parse(name.substring(6));
                return new TimeRanges.Range(name, d.atStartOfDay().atOffset(now.getOffset()), now);
            }
            if (name.startsWith("month:")) {
                LocalDate d = LocalDate.parse(name.substring(6) + "-01");
                return new TimeRanges.Range(name, d.atStartOfDay().atOffset(now.getOffset()),
                        d.plusMonths(1).atStartOfDay().atOffset(now.getOffset()));
            }
            if (name.startsWith("range:") && name.indexOf('/') > 0) {
                String[] b = name.substring(6).split("/", 2);
                return new TimeRanges.Range(name, OffsetDateTime.parse(b[0]), OffsetDateTime.parse(b[1]));
            }
        } catch (DateTimeParseException e) {
            // reported below with the names that work
        }
        throw OpsException.invalid(field + " '" + name + "' is not a range: use last_30m, last_24h, last_7d, today, "
                + "yesterday, this_week, last_week, this_month, last_month, day:2026-11-25, since:2026-11-01, "
                + "month:2026-11 or range:<from>/<to>");
    }
}

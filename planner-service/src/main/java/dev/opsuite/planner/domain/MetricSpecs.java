package dev.opsuite.planner.domain;

import dev.opsuite.model.PlanModel;
import dev.opsuite.model.asset.PromptRules;
import dev.opsuite.planner.domain.understand.TimeReading;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The metric part of a plan: the question's range (else the Prompt's default one), one moment read as
 * its last sample, and the width of a series' buckets (named by the question, else picked for the
 * range).
 */
final class MetricSpecs {
    private final PromptRules rules;
    private final OffsetDateTime now;

    MetricSpecs(PromptRules promptRules, OffsetDateTime now) {
        this.rules = promptRules;
        this.now = now;
    }

    /** A measure over a named time with no aggregation: its average, or at one moment its last sample. */
    static String rangedAgg(TimeReading t) {
        return t.instant() ? "last" : "avg";
    }

    /** A metric spec over the question's range, else the default one; bucket "trend" picks a width for the range. */
    PlanModel.Metric metric(String name, String agg, TimeReading t, String defaultRange, String bucket, int topN,
                            String order, PlanModel.Threshold threshold, boolean ranged) {
        if (!ranged) {
            return new PlanModel.Metric(name, agg, "", "", "", "", topN, order, false, threshold);
        }
        if (agg.equals("last") && t.present() && t.instant()) {
            // "CPU at 14:30": the last sample at or before that minute (at "08:10:35", "09:20:00" or "exactly 9:15",
            // that second), looked for a while back — never the hour's average, and the answer says when the sample was taken
            OffsetDateTime to = t.from().getSecond() != 0 || t.second() ? t.from().plusSeconds(1) : t.from().plusMinutes(1);
            OffsetDateTime from = t.from().minusMinutes(Math.max(1, rules.defaults().instantLookbackMinutes()));
            return new PlanModel.Metric(name, agg, "range:" + from + "/" + to, from.toString(), to.toString(), "",
                    topN, order, true, threshold);
        }
        String range = t.present() ? t.name() : defaultRange;
        OffsetDateTime from = t.present() ? t.from() : TimeRanges.resolve(defaultRange, now).from();
        OffsetDateTime to = t.present() ? t.to() : TimeRanges.resolve(defaultRange, now).to();
        String b = bucket.equals("trend") || !bucket.isEmpty() && tooMany(Duration.between(from, to), bucket)
                ? bucketFor(Duration.between(from, to)) : bucket; // the reading says the width used
        return new PlanModel.Metric(name, agg, range, from.toString(), to.toString(), b, topN, order, t.present(),
                threshold);
    }

    /** Whether a named bucket width holds the whole range the question names ("1 week" over one day). */
    static boolean oneBucket(TimeReading t, String bucket) {
        if (!t.present() || t.from() == null || t.to() == null) {
            return false;
        }
        Duration width = width(bucket);
        return width != null && width.compareTo(Duration.between(t.from(), t.to())) >= 0;
    }

    /** "5 minutes", "1 hour", "1 day", "1 week"; null for anything not written "n unit". */
    private static Duration width(String bucket) {
        String[] p = bucket.split("\\s+");
        try {
            long n = Long.parseLong(p[0]);
            return p[1].startsWith("minute") ? Duration.ofMinutes(n) : p[1].startsWith("hour")
                    ? Duration.ofHours(n) : p[1].startsWith("day") ? Duration.ofDays(n) : Duration.ofDays(7 * n);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Whether a named bucket width ("5 minutes" over a month) would give more than 1000 points. */
    private static boolean tooMany(Duration span, String bucket) {
        Duration width = width(bucket);
        return width == null || span.dividedBy(width) > 1000; // a width not written "n unit" is not trusted
    }

    /** Bucket width for a trend: at most a few hundred points (5 minutes up to 2 h, hourly up to 7 days…). */
    private String bucketFor(Duration span) {
        if (span.compareTo(Duration.ofHours(2)) <= 0) {
            return "5 minutes";
        }
        if (span.compareTo(Duration.ofDays(7)) <= 0) {
            return rules.defaults().trendBucket();
        }
        return span.compareTo(Duration.ofDays(31)) <= 0 ? "6 hours" : "1 day";
    }

    /** A metric read of the whole estate, not of one CI ("지금 열려 있는 알림은?": rules.estate_metrics). */
    boolean estateWide(String metric) {
        return rules.estateMetrics().contains(metric);
    }
}

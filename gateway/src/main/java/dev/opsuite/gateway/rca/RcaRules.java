package dev.opsuite.gateway.rca;

import dev.opsuite.model.asset.PolicyAsset;

/**
 * The Policy asset's {@code rca} thresholds: the scores are the rules', these only turn them into
 * confidences and decide when the analysis abstains; the {@code history_*} ones bound and tune the
 * comparison of a stage's time with earlier traces of the same plan shape ({@link StageHistory}).
 */
public record RcaRules(double minScore, double high, double medium, int slowStageMs, int historyTraces,
                       int historyMin, double historyFactor, int historyMinDeltaMs) {
    /** The most earlier traces one analysis reads, whatever the Policy says (trace-service pages at 500). */
    public static final int MAX_HISTORY_TRACES = 500;
    public static final RcaRules DEFAULTS = of(PolicyAsset.DEFAULTS);

    /**
     * From a Policy asset (its {@code rca}; absent fields keep the defaults the record declares), the
     * history settings held to what one analysis may read.
     */
    public static RcaRules of(PolicyAsset policy) {
        PolicyAsset.Rca r = (policy == null ? PolicyAsset.DEFAULTS : policy).rca();
        return new RcaRules(r.minScore(), r.high(), r.medium(), r.slowStageMs(),
                clamp(r.historyTraces(), 1, MAX_HISTORY_TRACES), clamp(r.historyMin(), 2, MAX_HISTORY_TRACES),
                Math.max(1.0, r.historyFactor()), Math.max(0, r.historyMinDeltaMs()));
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    public String confidence(double score) {
        return score >= high ? "HIGH" : score >= medium ? "MEDIUM" : "LOW";
    }
}

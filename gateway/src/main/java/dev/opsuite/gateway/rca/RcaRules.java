package dev.opsuite.gateway.rca;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Policy asset's {@code rca} thresholds: the scores are the rules', these only turn them into
 * confidences and decide when the analysis abstains; the {@code history_*} ones bound and tune the
 * comparison of a stage's time with earlier traces of the same plan shape ({@link StageHistory}).
 */
public record RcaRules(double minScore, double high, double medium, int slowStageMs, int historyTraces,
                       int historyMin, double historyFactor, int historyMinDeltaMs) {
    public static final RcaRules DEFAULTS = new RcaRules(0.3, 0.75, 0.45, 3000, 50, 5, 1.5, 500);
    /** The most earlier traces one analysis reads, whatever the Policy says (trace-service pages at 500). */
    public static final int MAX_HISTORY_TRACES = 500;

    /** From a Policy asset's content (its {@code rca} object; absent fields keep the defaults). */
    public static RcaRules of(JsonNode policy) {
        JsonNode r = policy == null ? null : policy.path("rca");
        if (r == null || !r.isObject()) {
            return DEFAULTS;
        }
        RcaRules d = DEFAULTS;
        return new RcaRules(r.path("min_score").asDouble(d.minScore), r.path("high").asDouble(d.high),
                r.path("medium").asDouble(d.medium), r.path("slow_stage_ms").asInt(d.slowStageMs),
                clamp(r.path("history_traces").asInt(d.historyTraces), 1, MAX_HISTORY_TRACES),
                clamp(r.path("history_min").asInt(d.historyMin), 2, MAX_HISTORY_TRACES),
                Math.max(1.0, r.path("history_factor").asDouble(d.historyFactor)),
                Math.max(0, r.path("history_min_delta_ms").asInt(d.historyMinDeltaMs)));
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    public String confidence(double score) {
        return score >= high ? "HIGH" : score >= medium ? "MEDIUM" : "LOW";
    }
}

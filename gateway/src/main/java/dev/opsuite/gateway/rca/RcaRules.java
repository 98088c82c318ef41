package dev.opsuite.gateway.rca;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Policy asset's {@code rca} thresholds: the scores are the rules', these only turn them into
 * confidences and decide when the analysis abstains.
 */
public record RcaRules(double minScore, double high, double medium, int slowStageMs) {
    public static final RcaRules DEFAULTS = new RcaRules(0.3, 0.75, 0.45, 3000);

    /** From a Policy asset's content (its {@code rca} object; absent fields keep the defaults). */
    public static RcaRules of(JsonNode policy) {
        JsonNode r = policy == null ? null : policy.path("rca");
        if (r == null || !r.isObject()) {
            return DEFAULTS;
        }
        return new RcaRules(r.path("min_score").asDouble(DEFAULTS.minScore), r.path("high").asDouble(DEFAULTS.high),
                r.path("medium").asDouble(DEFAULTS.medium), r.path("slow_stage_ms").asInt(DEFAULTS.slowStageMs));
    }

    public String confidence(double score) {
        return score >= high ? "HIGH" : score >= medium ? "MEDIUM" : "LOW";
    }
}

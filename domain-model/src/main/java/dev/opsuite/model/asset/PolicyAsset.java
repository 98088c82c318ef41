package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.opsuite.model.AssetDoc;
import java.util.List;
import java.util.Map;

/**
 * The Policy asset, typed: every field a reader acts on, with the defaults the readers apply
 * declared here once (the validator's reference, trace-service {@code PolicyFields}, shows these
 * constants). {@link #from} tolerates anything: an absent member, or one of the wrong kind, reads
 * as its default ({@link Read}); {@code data_access} that cannot be read is not defaulted but
 * reported ({@link DataAccess#problems}), and scopes every caller to nothing.
 *
 * @param anomaly the anomaly detector's settings ({@link Anomaly})
 */
public record PolicyAsset(Budget budget, PolicySecurity security, Replan replan, Rbac rbac, DataAccess dataAccess,
                          Rca rca, Regression regression, Anomaly anomaly) {
    /** The Policy of a request that applies none: every default. */
    public static final PolicyAsset DEFAULTS = from(MissingNode.getInstance());

    /**
     * {@code anomaly}: the detector's settings by name ({@code anomaly.threshold} …), as numbers — what they mean,
     * their ranges and defaults are the detector's own (incident-analysis {@code DetectorSetting}), which reads
     * them at EXECUTE; none set, its defaults — and {@code anomaly.trouble_measures}, the measures that are a
     * CI's trouble itself and never its cause (null when not set: the detector's own list).
     */
    public record Anomaly(Map<String, Double> settings, List<String> troubleMeasures) {
        static Anomaly from(JsonNode a) {
            JsonNode trouble = a.path("trouble_measures");
            return new Anomaly(Read.numberMap(a), trouble.isArray() ? List.copyOf(Read.strings(trouble)) : null);
        }
    }

    /** {@code budget}: limits on one plan. */
    public record Budget(int maxSteps, int maxDepth, int timeoutSeconds) {
        public static final int DEFAULT_MAX_STEPS = 10;
        public static final int DEFAULT_MAX_DEPTH = 3;
        public static final int DEFAULT_TIMEOUT_SECONDS = 60;

        static Budget from(JsonNode b) {
            return new Budget(Read.integer(b.path("max_steps"), DEFAULT_MAX_STEPS),
                    Read.integer(b.path("max_depth"), DEFAULT_MAX_DEPTH),
                    Read.integer(b.path("timeout_seconds"), DEFAULT_TIMEOUT_SECONDS));
        }
    }

    /** {@code replan}: the control loop's limits. */
    public record Replan(int maxReplans, int maxInternalRetries) {
        public static final int DEFAULT_MAX_REPLANS = 3;
        public static final int DEFAULT_MAX_INTERNAL_RETRIES = 2;

        static Replan from(JsonNode r) {
            return new Replan(Read.integer(r.path("max_replans"), DEFAULT_MAX_REPLANS),
                    Read.integer(r.path("max_internal_retries"), DEFAULT_MAX_INTERNAL_RETRIES));
        }
    }

    /**
     * {@code rca}: thresholds that turn the rules' scores into confidences and decide when to
     * abstain; the {@code history_*} ones bound and tune the comparison of a stage's time with
     * earlier traces of the same plan shape.
     */
    public record Rca(double minScore, double high, double medium, int slowStageMs, int historyTraces, int historyMin,
                      double historyFactor, int historyMinDeltaMs) {
        public static final double DEFAULT_MIN_SCORE = 0.3;
        public static final double DEFAULT_HIGH = 0.75;
        public static final double DEFAULT_MEDIUM = 0.45;
        public static final int DEFAULT_SLOW_STAGE_MS = 3000;
        public static final int DEFAULT_HISTORY_TRACES = 50;
        public static final int DEFAULT_HISTORY_MIN = 5;
        public static final double DEFAULT_HISTORY_FACTOR = 1.5;
        public static final int DEFAULT_HISTORY_MIN_DELTA_MS = 500;

        static Rca from(JsonNode r) {
            return new Rca(Read.number(r.path("min_score"), DEFAULT_MIN_SCORE), Read.number(r.path("high"), DEFAULT_HIGH),
                    Read.number(r.path("medium"), DEFAULT_MEDIUM),
                    Read.integer(r.path("slow_stage_ms"), DEFAULT_SLOW_STAGE_MS),
                    Read.integer(r.path("history_traces"), DEFAULT_HISTORY_TRACES),
                    Read.integer(r.path("history_min"), DEFAULT_HISTORY_MIN),
                    Read.number(r.path("history_factor"), DEFAULT_HISTORY_FACTOR),
                    Read.integer(r.path("history_min_delta_ms"), DEFAULT_HISTORY_MIN_DELTA_MS));
        }

        /** HIGH, MEDIUM or LOW for a hypothesis' score. */
        public String confidence(double score) {
            return score >= high ? "HIGH" : score >= medium ? "MEDIUM" : "LOW";
        }
    }

    /** {@code regression}: when Regression Watch calls a slower run a warning. */
    public record Regression(double latencyFactor, int latencyMinDeltaMs) {
        public static final double DEFAULT_LATENCY_FACTOR = 3.0;
        public static final int DEFAULT_LATENCY_MIN_DELTA_MS = 1000;

        static Regression from(JsonNode r) {
            return new Regression(Read.number(r.path("latency_factor"), DEFAULT_LATENCY_FACTOR),
                    Read.integer(r.path("latency_min_delta_ms"), DEFAULT_LATENCY_MIN_DELTA_MS));
        }
    }

    /** Parses a Policy content (null or missing: {@link #DEFAULTS}); unknown members are ignored. */
    public static PolicyAsset from(JsonNode content) {
        JsonNode c = content == null ? MissingNode.getInstance() : content;
        return new PolicyAsset(Budget.from(c.path("budget")), PolicySecurity.from(c.path("security")),
                Replan.from(c.path("replan")), Rbac.from(c.path("rbac")), DataAccess.from(c.path("data_access")),
                Rca.from(c.path("rca")), Regression.from(c.path("regression")), Anomaly.from(c.path("anomaly")));
    }

    /** The typed content of an applied Policy (none, or no content: {@link #DEFAULTS}), parsed once per content. */
    public static PolicyAsset of(AssetDoc policy) {
        if (policy == null || policy.content() == null || policy.content().isMissingNode()) {
            return DEFAULTS;
        }
        return ParsedAssets.parsed(policy.content(), PolicyAsset.class, PolicyAsset::from);
    }
}

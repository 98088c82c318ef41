package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Prompt's {@code rules}: everything the rules planner reads a question with. Word lists match
 * phrases at word boundaries after folding; a phrase starting with {@code ^} is a regular expression;
 * patterns are RE2. Every list and map keeps the asset's order (the planner tries them in it).
 *
 * @param direct               questions answered without a plan, first match wins
 * @param intentKeywords       per intent group (any group the asset names), the words that signal it
 * @param references           patterns of event ids a question may name ("INC-5327")
 * @param aggregations         per aggregation ({@code max}, {@code p95} …), the words asking for it
 * @param topN                 per order ({@code asc}, {@code desc}), the words asking for a ranking
 * @param trend                words asking for a time series
 * @param trendBuckets         per bucket width ("1 hour"), the words asking for a series in buckets of it
 * @param superlatives         ranking words that ask for one CI ("highest")
 * @param superlativeMetrics   ranking word → the metric it implies when none is named ("slowest": latency_ms)
 * @param negations            negation words: a negated value becomes an exclusion
 * @param weakDependencyWords  dependency words that alone make no graph question ("need")
 * @param depthPatterns        patterns whose first group is a graph depth
 * @param thresholds           patterns of metric conditions ("over 80%")
 * @param thresholdOps         operator words → operator ("more than": gt)
 * @param thresholdUnits       unit word → factor into the metric's unit ("초": 1000)
 * @param estateMetrics        metrics read for the estate as a whole, not per CI
 * @param documents            what a document search prefers
 * @param thresholdMetricWords word after a threshold, or its own comparison word, → the metric it names ("full": disk_usage,
 *                             "slower than": latency_ms)
 * @param numberWords          number word → value ("three": 3, "a quarter of a": 0.25)
 * @param defaults             what a plan uses when the question does not say
 * @param typeLayers           CI type → its layer in the hosting stack (0: servers, network, storage)
 * @param hostingLayersBelow   the layer from which CIs host nothing
 * @param runningState         {@code field=value} of a running CI ("status=running"); empty: no such filter
 * @param understanding        how much must be understood, and the words deciding what a phrase names
 * @param time                 the time patterns and their words
 * @param others               members no field describes, as given: the validator lets an operator keep
 *                             sections of their own; no reader acts on them
 */
public record PromptRules(List<DirectRule> direct, Map<String, List<String>> intentKeywords,
                          List<Reference> references, Map<String, List<String>> aggregations,
                          Map<String, List<String>> topN, List<String> trend, Map<String, List<String>> trendBuckets,
                          List<String> superlatives, Map<String, String> superlativeMetrics, Negations negations,
                          List<String> weakDependencyWords, List<String> depthPatterns, List<ThresholdRule> thresholds,
                          Map<String, String> thresholdOps, Map<String, Double> thresholdUnits,
                          List<String> estateMetrics, Documents documents, Map<String, String> thresholdMetricWords,
                          Map<String, Double> numberWords, PromptDefaults defaults, Map<String, Integer> typeLayers,
                          int hostingLayersBelow, String runningState, PromptUnderstanding understanding,
                          PromptTime time, Map<String, JsonNode> others) {
    public static final int DEFAULT_HOSTING_LAYERS_BELOW = 2;
    /** No running-state filter unless the asset names one. */
    public static final String DEFAULT_RUNNING_STATE = "";
    static final List<String> MEMBERS = List.of("direct", "intent_keywords", "references", "aggregations", "top_n",
            "trend", "trend_buckets", "superlatives", "superlative_metrics", "negations", "weak_dependency_words",
            "depth_patterns", "thresholds", "threshold_ops", "threshold_units", "estate_metrics", "documents",
            "threshold_metric_words", "number_words", "defaults", "type_layers", "hosting_layers_below",
            "running_state", "understanding", "time");

    public PromptRules {
        direct = List.copyOf(direct);
        intentKeywords = Read.ordered(intentKeywords);
        references = List.copyOf(references);
        aggregations = Read.ordered(aggregations);
        topN = Read.ordered(topN);
        trend = List.copyOf(trend);
        trendBuckets = Read.ordered(trendBuckets);
        superlatives = List.copyOf(superlatives);
        superlativeMetrics = Read.ordered(superlativeMetrics);
        weakDependencyWords = List.copyOf(weakDependencyWords);
        depthPatterns = List.copyOf(depthPatterns);
        thresholds = List.copyOf(thresholds);
        thresholdOps = Read.ordered(thresholdOps);
        thresholdUnits = Read.ordered(thresholdUnits);
        estateMetrics = List.copyOf(estateMetrics);
        thresholdMetricWords = Read.ordered(thresholdMetricWords);
        numberWords = Read.ordered(numberWords);
        typeLayers = Read.ordered(typeLayers);
        others = Read.ordered(others);
    }

    /** {@code direct[]}: a question answered without a plan; {@code answer} fills {date}, {time}, {zone} … */
    public record DirectRule(String name, List<String> patterns, Text answer) {
        public static final String DEFAULT_NAME = "direct";

        public DirectRule {
            patterns = List.copyOf(patterns);
        }

        static DirectRule from(JsonNode r) {
            return new DirectRule(Read.string(r.path("name"), DEFAULT_NAME), Read.strings(r.path("patterns")),
                    Text.from(r.path("answer")));
        }
    }

    /** {@code references.patterns[]}: ids of events; the pattern's first group is the id. */
    public record Reference(String pattern, String eventType) {
        public static final String DEFAULT_EVENT_TYPE = "incident";

        static Reference from(JsonNode r) {
            return new Reference(Read.string(r.path("pattern"), ""), Read.string(r.path("event_type"), DEFAULT_EVENT_TYPE));
        }
    }

    /**
     * {@code thresholds[]}: a metric condition's pattern (groups {@code v}, {@code v2}, {@code op}, {@code unit});
     * {@code op} when the asset fixes the operator, else the {@code op} group's words decide.
     */
    public record ThresholdRule(String pattern, Optional<String> op) {
        static ThresholdRule from(JsonNode r) {
            JsonNode op = r.path("op");
            return new ThresholdRule(Read.string(r.path("pattern"), ""),
                    op.isTextual() ? Optional.of(op.textValue()) : Optional.empty());
        }
    }

    /** {@code negations}: words before what they negate ("not"), after it ("빼고"), and glued prefixes ("non-"). */
    public record Negations(List<String> before, List<String> after, List<String> prefix) {
        public Negations {
            before = List.copyOf(before);
            after = List.copyOf(after);
            prefix = List.copyOf(prefix);
        }

        static Negations from(JsonNode n) {
            return new Negations(Read.strings(n.path("before")), Read.strings(n.path("after")),
                    Read.strings(n.path("prefix")));
        }
    }

    /**
     * {@code documents}: per document kind (runbook, alert …) the words that make it preferred, and the
     * words that make the documents the whole answer.
     */
    public record Documents(Map<String, List<String>> kinds, List<String> onlyWords) {
        public Documents {
            kinds = Read.ordered(kinds);
            onlyWords = List.copyOf(onlyWords);
        }

        static Documents from(JsonNode d) {
            return new Documents(Read.stringLists(d.path("kinds")), Read.strings(d.path("only_words")));
        }
    }

    /** The layer of a CI type ({@code type_layers}), when the asset gives one. */
    public Optional<Integer> layer(String ciType) {
        return Optional.ofNullable(typeLayers.get(ciType));
    }

    static PromptRules from(JsonNode r) {
        return new PromptRules(Read.objects(r.path("direct")).stream().map(DirectRule::from).toList(),
                Read.stringLists(r.path("intent_keywords")),
                Read.objects(r.path("references").path("patterns")).stream().map(Reference::from).toList(),
                Read.stringLists(r.path("aggregations")), Read.stringLists(r.path("top_n")),
                Read.strings(r.path("trend")), Read.stringLists(r.path("trend_buckets")),
                Read.strings(r.path("superlatives")), Read.stringMap(r.path("superlative_metrics")),
                Negations.from(r.path("negations")), Read.strings(r.path("weak_dependency_words")),
                Read.strings(r.path("depth_patterns")),
                Read.objects(r.path("thresholds")).stream().map(ThresholdRule::from).toList(),
                Read.stringMap(r.path("threshold_ops")), Read.numberMap(r.path("threshold_units")),
                Read.strings(r.path("estate_metrics")), Documents.from(r.path("documents")),
                Read.stringMap(r.path("threshold_metric_words")), Read.numberMap(r.path("number_words")),
                PromptDefaults.from(r.path("defaults")), Read.integerMap(r.path("type_layers")),
                Read.integer(r.path("hosting_layers_below"), DEFAULT_HOSTING_LAYERS_BELOW),
                Read.string(r.path("running_state"), DEFAULT_RUNNING_STATE),
                PromptUnderstanding.from(r.path("understanding")), PromptTime.from(r.path("time")),
                PromptAsset.others(r, MEMBERS));
    }
}

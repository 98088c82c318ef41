package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.opsuite.model.AssetDoc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Mapping asset, typed: how COMPOSE words and lays out an answer — per query the blocks built from
 * its rows ({@link Rule}), the messages the rules do not give ({@link Messages}), the labels of
 * aggregations, orders, conditions and time ranges, the reading line's templates and the optional
 * grounded LLM summary ({@link Summary}), with the defaults the composer applies declared here once
 * (trace-service {@code MappingFields} shows them). Anything parses: an absent member, or one of the
 * wrong kind, reads as its default ({@link Read}); a rule, block or column that is no object is left out.
 *
 * @param reading the reading line's templates by shape ({@code prefix}, {@code zone}, {@code latest} …);
 *                empty when the asset has no {@code reading} (then no reading line)
 */
public record MappingAsset(String name, int decimals, int staleAfterMinutes, List<Rule> rules, Messages messages,
                           Map<String, Text> aggLabels, Map<String, Text> orderLabels,
                           Map<String, Text> conditionLabels, Map<String, Text> timeRangeLabels,
                           Map<String, Text> timeRangeFormats, Optional<Map<String, Text>> reading, Summary summary) {
    public static final int DEFAULT_DECIMALS = 1;
    public static final int DEFAULT_STALE_AFTER_MINUTES = 90;
    /** The Mapping of a request that applies none: no rule, no message, no reading line. */
    public static final MappingAsset EMPTY = from(MissingNode.getInstance());

    public MappingAsset {
        rules = List.copyOf(rules);
        aggLabels = texts(aggLabels);
        orderLabels = texts(orderLabels);
        conditionLabels = texts(conditionLabels);
        timeRangeLabels = texts(timeRangeLabels);
        timeRangeFormats = texts(timeRangeFormats);
        reading = reading.map(MappingAsset::texts);
    }

    /** {@code rules[]}: the blocks of one query's answer. */
    public record Rule(String query, List<BlockRule> blocks, int listLimit, Text unanswered) {
        public static final int DEFAULT_LIST_LIMIT = 5;
        public static final String DEFAULT_UNANSWERED = "this part of the answer";

        public Rule {
            blocks = List.copyOf(blocks);
        }

        static Rule from(JsonNode r) {
            return new Rule(Read.string(r.path("query"), ""),
                    Read.objects(r.path("blocks")).stream().map(BlockRule::from).toList(),
                    Read.integer(r.path("list_limit"), DEFAULT_LIST_LIMIT), Text.from(r.path("unanswered")));
        }
    }

    /**
     * {@code rules[].blocks[]}: one block. The optional templates are present only when the asset gives
     * them ({@code count_template}, {@code empty}, {@code stale_template} replace {@code template} only then).
     *
     * @param columns a table's columns in order; empty: every column of the rows
     */
    public record BlockRule(String type, Text title, List<String> requires, Text template,
                            Optional<Text> countTemplate, Optional<Text> empty, Optional<Text> staleTemplate,
                            Map<String, Text> fieldTemplates, Map<String, Text> aggTemplates, List<Column> columns,
                            String x, String y, Map<String, Text> seriesLabels) {
        public static final String DEFAULT_X = "bucket";
        public static final String DEFAULT_Y = "value";
        /** The series a chart of an anomaly band draws beside the measure, by the column that holds each. */
        public static final List<String> BAND_SERIES = List.of("normal", "band_low", "band_high");

        public BlockRule {
            requires = List.copyOf(requires);
            fieldTemplates = texts(fieldTemplates);
            aggTemplates = texts(aggTemplates);
            columns = List.copyOf(columns);
            seriesLabels = texts(seriesLabels);
        }

        static BlockRule from(JsonNode b) {
            return new BlockRule(Read.string(b.path("type"), ""), Text.from(b.path("title")),
                    Read.strings(b.path("requires")), Text.from(b.path("template")), optional(b.path("count_template")),
                    optional(b.path("empty")), optional(b.path("stale_template")), textMap(b.path("field_templates")),
                    textMap(b.path("agg_templates")), Read.objects(b.path("columns")).stream().map(Column::from).toList(),
                    Read.string(b.path("x"), DEFAULT_X), Read.string(b.path("y"), DEFAULT_Y),
                    textMap(b.path("series_labels")));
        }
    }

    /** {@code columns[]}: a result column shown in a table, under its label (by default its name). */
    public record Column(String from, String label) {
        static Column from(JsonNode c) {
            String from = Read.string(c.path("from"), "");
            return new Column(from, Read.string(c.path("label"), from));
        }
    }

    /**
     * {@code messages}: the texts the rules do not give. {@code narrowed} is per anchor (incident, alert,
     * problem), {@code stores} per tool, {@code toolFailed} per reason (unavailable, timeout, failed,
     * resolve, resolve_failed, summary).
     */
    public record Messages(Text noPlan, Text notFound, Text missingEntity, Text ambiguous, Text more, Text staleItem,
                           Text widened, Map<String, Text> narrowed, Text titled, Text unappliedFilter,
                           Text documentsOnly, Text documentsOnlyNoCi, Text documentsUnmatched, Text documentsNone,
                           Text documentsNoMatch, Text outsideScope, Text scopedEmpty, Text causesUnjudged,
                           Text causesUnjudgedMoved, Text cisUnjudged, Text partialCoverage, Map<String, Text> stores,
                           Map<String, Text> toolFailed, Text causesUnderThreshold) {
        public static final String DEFAULT_OUTSIDE_SCOPE = "{n} more CIs are outside your data scope and are not shown.";
        public static final String DEFAULT_SCOPED_EMPTY = "(Only CIs in your data scope were searched.)";
        public static final String DEFAULT_CAUSES_UNJUDGED = "Only the {judged} nearest of the {found} CIs {root} "
                + "depends on were judged; {unjudged} farther ones were not.";
        public static final String DEFAULT_CAUSES_UNJUDGED_MOVED = "Only {judged} of the {found} CIs {root} depends "
                + "on were judged: of the {checked} nearest, those whose measures moved most over the range; {unjudged} "
                + "were not.";
        public static final String DEFAULT_CAUSES_UNDER_THRESHOLD = "None of the CIs {root} depends on left its normal "
                + "far enough to raise an alarm on its own; those named below moved less than that (kind under_threshold), "
                + "yet more than they usually do.";
        public static final String DEFAULT_CIS_UNJUDGED = "Only {judged} of the {found} CIs that match were judged "
                + "(those named first, then those with the most critical or major events over the range); {unjudged} "
                + "were not.";
        public static final String DEFAULT_PARTIAL_COVERAGE = "Only samples from {first} to {last} were found within "
                + "{range}.";

        public Messages {
            narrowed = texts(narrowed);
            stores = texts(stores);
            toolFailed = texts(toolFailed);
        }

        static Messages from(JsonNode m) {
            return new Messages(Text.from(m.path("no_plan")), Text.from(m.path("not_found")),
                    Text.from(m.path("missing_entity")), Text.from(m.path("ambiguous")), Text.from(m.path("more")),
                    Text.from(m.path("stale_item")), Text.from(m.path("widened")), textMap(m.path("narrowed")),
                    Text.from(m.path("titled")), Text.from(m.path("unapplied_filter")),
                    Text.from(m.path("documents_only")), Text.from(m.path("documents_only_no_ci")),
                    Text.from(m.path("documents_unmatched")), Text.from(m.path("documents_none")),
                    Text.from(m.path("documents_no_match")), Text.from(m.path("outside_scope")),
                    Text.from(m.path("scoped_empty")), Text.from(m.path("causes_unjudged"), Text.of(DEFAULT_CAUSES_UNJUDGED)),
                    Text.from(m.path("causes_unjudged_moved"), Text.of(DEFAULT_CAUSES_UNJUDGED_MOVED)),
                    Text.from(m.path("cis_unjudged"), Text.of(DEFAULT_CIS_UNJUDGED)),
                    Text.from(m.path("partial_coverage"), Text.of(DEFAULT_PARTIAL_COVERAGE)), textMap(m.path("stores")),
                    textMap(m.path("tool_failed")),
                    Text.from(m.path("causes_under_threshold"), Text.of(DEFAULT_CAUSES_UNDER_THRESHOLD)));
        }

        /** A store failure's warning for this reason (empty: the product's own sentence says it). */
        public Text toolFailed(String reason) {
            return toolFailed.getOrDefault(reason, Text.EMPTY);
        }

        /** What the failure messages call this tool's store (empty: "the data source"). */
        public Text store(String tool) {
            return stores.getOrDefault(tool, Text.EMPTY);
        }
    }

    /** {@code summary}: the optional grounded LLM summary replacing the leading text. */
    public record Summary(boolean enabled, String systemPrompt, int maxRows, int maxTokens, double temperature) {
        public static final String DEFAULT_SYSTEM_PROMPT = "Summarise the tool results for an IT operator.";
        public static final int DEFAULT_MAX_ROWS = 30;
        public static final int DEFAULT_MAX_TOKENS = 300;

        static Summary from(JsonNode s) {
            return new Summary(Read.bool(s.path("enabled"), false),
                    Read.string(s.path("system_prompt"), DEFAULT_SYSTEM_PROMPT),
                    Math.max(1, Read.integer(s.path("max_rows"), DEFAULT_MAX_ROWS)),
                    Read.integer(s.path("max_tokens"), DEFAULT_MAX_TOKENS), Read.number(s.path("temperature"), 0.0));
        }
    }

    /** The rule of this query (the first naming it), when there is one. */
    public Optional<Rule> rule(String query) {
        return rules.stream().filter(r -> r.query().equals(query)).findFirst();
    }

    /** Parses a Mapping content (null or missing: {@link #EMPTY}); unknown members are ignored. */
    public static MappingAsset from(JsonNode content) {
        JsonNode c = content == null ? MissingNode.getInstance() : content;
        JsonNode reading = c.path("reading");
        return new MappingAsset(Read.string(c.path("name"), ""),
                Read.integer(c.path("number_format").path("decimals"), DEFAULT_DECIMALS),
                Math.max(1, Read.integer(c.path("stale_after_minutes"), DEFAULT_STALE_AFTER_MINUTES)),
                Read.objects(c.path("rules")).stream().map(Rule::from).toList(), Messages.from(c.path("messages")),
                textMap(c.path("agg_labels")), textMap(c.path("order_labels")), textMap(c.path("condition_labels")),
                textMap(c.path("time_range_labels")), textMap(c.path("time_range_formats")),
                Read.given(reading) ? Optional.of(textMap(reading)) : Optional.empty(), Summary.from(c.path("summary")));
    }

    /** The typed content of an applied Mapping (none, or no content: {@link #EMPTY}), parsed once per content. */
    public static MappingAsset of(AssetDoc mapping) {
        if (mapping == null || mapping.content() == null || mapping.content().isMissingNode()) {
            return EMPTY;
        }
        return ParsedAssets.parsed(mapping.content(), MappingAsset.class, MappingAsset::from);
    }

    private static Optional<Text> optional(JsonNode node) {
        return Read.given(node) ? Optional.of(Text.from(node)) : Optional.empty();
    }

    private static Map<String, Text> textMap(JsonNode node) {
        Map<String, Text> out = new LinkedHashMap<>();
        Read.members(node).forEach((k, v) -> out.put(k, Text.from(v)));
        return out;
    }

    private static Map<String, Text> texts(Map<String, Text> m) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}

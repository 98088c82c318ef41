package dev.opsuite.planner.domain;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.kit.model.Intent;
import dev.opsuite.kit.model.PlanModel;
import dev.opsuite.kit.model.View;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a Plan from the signals of a question: graph words (Prompt asset intent_keywords),
 * history words and event enums, metric names, aggregation and top-N words, time ranges, and CI
 * filters (SchemaCatalog enums). The decision order is fixed here; the words are all assets'.
 */
final class PlanBuilder {
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z\\d_.-])(\\d{1,3})(?![A-Za-z\\d_.-])");

    private final Vocabulary vocabulary;
    private final ResolverRules resolver;
    private final JsonNode rules;
    private final OffsetDateTime now;

    PlanBuilder(Vocabulary vocabulary, ResolverRules resolver, JsonNode promptRules, OffsetDateTime now) {
        this.vocabulary = vocabulary;
        this.resolver = resolver;
        this.rules = promptRules;
        this.now = now;
    }

    PlanModel build(ResolverRules.Applied applied, String language) {
        String ciCode = applied.aliasHits().values().stream().findFirst()
                .map(t -> t.startsWith("ci_code:") ? t.substring("ci_code:".length()) : t).orElse("");
        String text = applied.text();
        for (String source : applied.aliasHits().keySet()) {
            text = text.replace(source, " ");
        }
        String folded = Phrases.fold(text);
        TimeRanges.Range range = TimeRanges.find(folded, rules.path("time_ranges"), now);
        String withoutTime = range == null ? folded : stripTimePhrase(folded);

        Vocabulary.MetricTerm metric = vocabulary.findMetric(withoutTime);
        List<PlanModel.Filter> ciFilters = new ArrayList<>();
        List<String> eventTypes = new ArrayList<>();
        List<String> severities = new ArrayList<>();
        for (Vocabulary.EnumTerm e : vocabulary.findEnums(withoutTime)) {
            if (vocabulary.eventsEntity().equals(e.entity()) && "event_type".equals(e.field())) {
                eventTypes.add(e.value());
            } else if (vocabulary.eventsEntity().equals(e.entity()) && "severity".equals(e.field())) {
                severities.add(e.value());
            } else if (vocabulary.primaryEntity().equals(e.entity())) {
                ciFilters.add(new PlanModel.Filter(e.field(), "eq", List.of(e.value())));
            }
        }
        List<String> mentions = ciCode.isEmpty()
                ? new MentionExtractor(resolver, vocabulary).mentions(range == null ? text : stripTimePhrase(text))
                : List.of();
        JsonNode defaults = rules.path("defaults");
        Signals s = new Signals(withoutTime);

        if (s.has("path") && mentions.size() > 1) {
            return plan(Intent.PATH, View.PATH, ciCode, mentions, ciFilters, graph(defaults, 6, "both"), null, null,
                    List.of("text", "network", "table"), language, applied, mentions);
        }
        for (String[] v : new String[][] {{"impact", "IMPACT", "in"}, {"dependency", "DEPENDENCY", "out"},
                {"composition", "COMPOSITION", "out"}, {"neighbors", "NEIGHBORS", "both"}}) {
            if (s.has(v[0])) {
                int depth = explicitDepth(withoutTime, v[0].equals("neighbors") ? 1 : defaults.path("graph_depth").asInt(3));
                return plan(Intent.EXPAND, View.valueOf(v[1]), ciCode, mentions, ciFilters, graph(defaults, depth, v[2]),
                        null, null, List.of("text", "network", "table"), language, applied, null);
            }
        }
        boolean failures = s.has("failure");
        if (!eventTypes.isEmpty() || s.has("history") || s.has("why") && failures) {
            if (eventTypes.isEmpty() && s.has("why") && failures) {
                eventTypes.add("build");
            }
            if (failures && severities.isEmpty()) {
                severities.addAll(List.of("critical", "major"));
            }
            TimeRanges.Range r = range != null ? range
                    : TimeRanges.resolve(defaults.path("history_range").asText("last_7d"), now);
            PlanModel.History h = new PlanModel.History(true, eventTypes, severities, r.name(), r.from().toString(),
                    r.to().toString(), 0);
            return plan(Intent.LIST, View.SUMMARY, ciCode, mentions, ciFilters, null, null, h,
                    List.of("text", "table"), language, applied, null);
        }
        if (metric != null) {
            String agg = vocabulary.firstKeyMatching("aggregations", withoutTime);
            String top = vocabulary.firstKeyMatching("top_n", withoutTime);
            boolean trend = vocabulary.hasAny("trend", withoutTime);
            if (top != null) {
                TimeRanges.Range r = orDefault(range, defaults.path("top_range").asText("last_1h"));
                PlanModel.Metric m = new PlanModel.Metric(metric.name(), agg == null ? "avg" : agg, r.name(),
                        r.from().toString(), r.to().toString(), "", topN(withoutTime, defaults), top);
                return plan(Intent.AGGREGATE, View.SUMMARY, "", List.of(), ciFilters, null, m, null,
                        List.of("text", "table"), language, applied, null);
            }
            if (trend || agg != null || range != null) {
                TimeRanges.Range r = orDefault(range, defaults.path("aggregate_range").asText("last_24h"));
                PlanModel.Metric m = new PlanModel.Metric(metric.name(), agg == null ? "avg" : agg, r.name(),
                        r.from().toString(), r.to().toString(), trend ? defaults.path("trend_bucket").asText("1 hour") : "",
                        0, "");
                return plan(Intent.AGGREGATE, View.SUMMARY, ciCode, mentions, ciFilters, null, m, null,
                        trend ? List.of("text", "chart", "table") : List.of("text", "table"), language, applied, null);
            }
            PlanModel.Metric m = new PlanModel.Metric(metric.name(), "latest", "", "", "", "", 0, "");
            return plan(Intent.LOOKUP, View.SUMMARY, ciCode, mentions, ciFilters, null, m, null,
                    List.of("text", "table"), language, applied, null);
        }
        if (s.has("search")) {
            return plan(Intent.SEARCH, View.SUMMARY, "", List.of(), ciFilters, null, null, null,
                    List.of("text", "table"), language, applied, searchTerms(text));
        }
        if (ciCode.isEmpty() && (!ciFilters.isEmpty() || s.has("list") || s.has("count"))) {
            return plan(Intent.LIST, View.SUMMARY, "", List.of(), ciFilters, null, null, null,
                    List.of("text", "table"), language, applied, null);
        }
        return plan(Intent.LOOKUP, View.SUMMARY, ciCode, mentions, ciFilters, null, null, null,
                List.of("text", "table"), language, applied, null);
    }

    private PlanModel plan(Intent intent, View view, String ciCode, List<String> mentions, List<PlanModel.Filter> filters,
                           PlanModel.Graph graph, PlanModel.Metric metric, PlanModel.History history, List<String> blocks,
                           String language, ResolverRules.Applied applied, List<String> keywordsOrSecondary) {
        List<String> missing = new ArrayList<>();
        boolean needsEntity = intent == Intent.LOOKUP || intent == Intent.EXPAND || intent == Intent.PATH
                || intent == Intent.AGGREGATE && (metric == null || metric.topN() == 0);
        if (needsEntity && ciCode.isEmpty() && mentions.isEmpty()) {
            missing.add("primary.ci");
        }
        List<String> keywords = intent == Intent.SEARCH && keywordsOrSecondary != null ? keywordsOrSecondary : List.of();
        PlanModel.Primary primary = new PlanModel.Primary(vocabulary.primaryEntity(), ciCode, mentions, filters, keywords, 0, 0);
        PlanModel.Secondary secondary = intent == Intent.PATH && keywordsOrSecondary != null
                ? new PlanModel.Secondary("", List.of(), List.of()) : null;
        return new PlanModel(intent, view, primary, secondary, graph, metric, history,
                new PlanModel.Output(blocks, blocks.get(0)), language, missing, null, applied.text());
    }

    /** Words to search names for: content words, including place words, minus the entity type and filler. */
    private List<String> searchTerms(String text) {
        List<String> out = new ArrayList<>();
        MentionExtractor extractor = new MentionExtractor(resolver, vocabulary);
        for (String token : extractor.tokens(text)) {
            String t = resolver.stripParticle(token);
            String folded = Phrases.fold(t);
            boolean filler = resolver.isStopword(token) || resolver.isStopword(t);
            if (!filler && !vocabulary.isEnumLabel(vocabulary.primaryEntity(), "ci_type", folded)
                    && !vocabulary.hasKeyword("intent_keywords", "search", folded)) {
                out.add(MentionExtractor.norm(t));
            }
        }
        return out;
    }

    private PlanModel.Graph graph(JsonNode defaults, int depth, String direction) {
        return new PlanModel.Graph(depth, List.of(), direction, 200);
    }

    private TimeRanges.Range orDefault(TimeRanges.Range range, String name) {
        return range != null ? range : TimeRanges.resolve(name, now);
    }

    private String stripTimePhrase(String text) {
        String out = text;
        for (JsonNode rule : rules.path("time_ranges")) {
            out = Patterns.of(rule.path("pattern").asText(), Pattern.CASE_INSENSITIVE).matcher(out).replaceAll(" ");
        }
        return out;
    }

    private static int topN(String folded, JsonNode defaults) {
        Matcher m = NUMBER.matcher(folded);
        if (m.find()) {
            int n = Integer.parseInt(m.group(1));
            if (n >= 1 && n <= 100) {
                return n;
            }
        }
        return defaults.path("top_n").asInt(5);
    }

    /** "depth 2", "3단계", "2 hops": patterns from the Prompt asset (rules.depth_patterns, group 1 = depth). */
    private int explicitDepth(String folded, int fallback) {
        for (JsonNode p : rules.path("depth_patterns")) {
            Matcher m = Patterns.of(p.asText()).matcher(folded);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return fallback;
    }

    /** Keyword groups of the Prompt asset present in the question. */
    private final class Signals {
        private final String folded;

        Signals(String folded) {
            this.folded = folded;
        }

        boolean has(String key) {
            return vocabulary.hasKeyword("intent_keywords", key, folded);
        }
    }
}

package dev.opsuite.kit.model;

import java.util.List;

/**
 * The Plan as plain Java for the domain layers. Field names mirror ops.v1.Plan; the grpc layers
 * convert through proto JSON ({@link ModelJson}), so the two cannot drift apart silently.
 */
public record PlanModel(
        Intent intent,
        View view,
        Primary primary,
        Secondary secondary,
        Graph graph,
        Metric metric,
        History history,
        Output output,
        String language,
        List<String> missingSlots,
        List<Candidate> candidates,
        String normalizedQuestion) {

    public PlanModel {
        primary = primary == null ? Primary.EMPTY : primary;
        secondary = secondary == null ? Secondary.EMPTY : secondary;
        graph = graph == null ? Graph.EMPTY : graph;
        metric = metric == null ? Metric.EMPTY : metric;
        history = history == null ? History.EMPTY : history;
        output = output == null ? Output.EMPTY : output;
        missingSlots = missingSlots == null ? List.of() : List.copyOf(missingSlots);
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
        language = language == null ? "" : language;
        normalizedQuestion = normalizedQuestion == null ? "" : normalizedQuestion;
    }

    public record Filter(String field, String op, List<String> values) {
        public Filter {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    public record Candidate(String ciCode, String ciName, String ciType, String matchedBy) {}

    public record Primary(String entity, String ciCode, List<String> mentions, List<Filter> filters,
                          List<String> keywords, int limit, int offset) {
        public static final Primary EMPTY = new Primary(null, null, null, null, null, 0, 0);

        public Primary {
            entity = entity == null ? "" : entity;
            ciCode = ciCode == null ? "" : ciCode;
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
            filters = filters == null ? List.of() : List.copyOf(filters);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }

        public Primary withCiCode(String code) {
            return new Primary(entity, code, mentions, filters, keywords, limit, offset);
        }
    }

    public record Secondary(String ciCode, List<String> mentions, List<Filter> filters) {
        public static final Secondary EMPTY = new Secondary(null, null, null);

        public Secondary {
            ciCode = ciCode == null ? "" : ciCode;
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
            filters = filters == null ? List.of() : List.copyOf(filters);
        }
    }

    public record Graph(int depth, List<String> relationTypes, String direction, int limit) {
        public static final Graph EMPTY = new Graph(0, null, null, 0);

        public Graph {
            relationTypes = relationTypes == null ? List.of() : List.copyOf(relationTypes);
            direction = direction == null ? "" : direction;
        }
    }

    public record Metric(String metricName, String agg, String timeRange, String timeFrom, String timeTo,
                         String bucket, int topN, String order) {
        public static final Metric EMPTY = new Metric(null, null, null, null, null, null, 0, null);

        public Metric {
            metricName = metricName == null ? "" : metricName;
            agg = agg == null ? "" : agg;
            timeRange = timeRange == null ? "" : timeRange;
            timeFrom = timeFrom == null ? "" : timeFrom;
            timeTo = timeTo == null ? "" : timeTo;
            bucket = bucket == null ? "" : bucket;
            order = order == null ? "" : order;
        }
    }

    public record History(boolean enabled, List<String> eventTypes, List<String> severities, String timeRange,
                          String timeFrom, String timeTo, int limit) {
        public static final History EMPTY = new History(false, null, null, null, null, null, 0);

        public History {
            eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
            severities = severities == null ? List.of() : List.copyOf(severities);
            timeRange = timeRange == null ? "" : timeRange;
            timeFrom = timeFrom == null ? "" : timeFrom;
            timeTo = timeTo == null ? "" : timeTo;
        }
    }

    public record Output(List<String> blocks, String primary) {
        public static final Output EMPTY = new Output(null, null);

        public Output {
            blocks = blocks == null ? List.of() : List.copyOf(blocks);
            primary = primary == null ? "" : primary;
        }
    }

    public boolean isKorean() {
        return "ko".equals(language);
    }
}

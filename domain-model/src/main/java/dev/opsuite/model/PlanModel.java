package dev.opsuite.model;

import java.util.List;
import java.util.Map;

/**
 * The Plan as plain Java for the domain layers. Field names mirror ops.v1.Plan; the grpc layers
 * convert through proto JSON (service-kit's {@code ModelJson}), so the two cannot drift apart silently.
 * Constructors without the later fields keep them empty.
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
        String normalizedQuestion,
        List<String> unexplained,
        Map<String, Object> understanding,
        List<String> adjustments,
        Documents documents) {

    public PlanModel {
        documents = documents == null ? Documents.EMPTY : documents;
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
        unexplained = unexplained == null ? List.of() : List.copyOf(unexplained);
        understanding = understanding == null ? Map.of() : understanding;
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
    }

    public PlanModel(Intent intent, View view, Primary primary, Secondary secondary, Graph graph, Metric metric,
                     History history, Output output, String language, List<String> missingSlots,
                     List<Candidate> candidates, String normalizedQuestion) {
        this(intent, view, primary, secondary, graph, metric, history, output, language, missingSlots, candidates,
                normalizedQuestion, null, null, null, null);
    }

    /** A plan that searches no documents. */
    public PlanModel(Intent intent, View view, Primary primary, Secondary secondary, Graph graph, Metric metric,
                     History history, Output output, String language, List<String> missingSlots,
                     List<Candidate> candidates, String normalizedQuestion, List<String> unexplained,
                     Map<String, Object> understanding, List<String> adjustments) {
        this(intent, view, primary, secondary, graph, metric, history, output, language, missingSlots, candidates,
                normalizedQuestion, unexplained, understanding, adjustments, null);
    }

    /**
     * The documents a question asks for (runbooks, alert explanations): searched with {@code text}
     * (the question's words), as the whole answer ({@code only}: a how-to question) or beside the data
     * asked about ("what is impacted if X fails and what is its runbook?").
     */
    public record Documents(boolean enabled, boolean only, String text, List<String> kinds) {
        public static final Documents EMPTY = new Documents(false, false, "", List.of());
        /** The kinds a document may be (its front matter's kind; what a search may prefer). */
        public static final java.util.Set<String> KINDS = java.util.Set.of("runbook", "alert", "postmortem", "guide",
                "reference");

        public Documents {
            text = text == null ? "" : text;
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
        }
    }

    public PlanModel withDocuments(Documents d) {
        return new PlanModel(intent, view, primary, secondary, graph, metric, history, output, language, missingSlots,
                candidates, normalizedQuestion, unexplained, understanding, adjustments, d);
    }

    public record Filter(String field, String op, List<String> values) {
        public Filter {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    public record Candidate(String ciCode, String ciName, String ciType, String matchedBy) {}

    public record Primary(String entity, String ciCode, List<String> mentions, List<Filter> filters,
                          List<String> keywords, int limit, int offset, List<String> ciCodes, List<String> fields,
                          String ciName) {
        public static final Primary EMPTY = new Primary(null, null, null, null, null, 0, 0);

        public Primary {
            entity = entity == null ? "" : entity;
            ciCode = ciCode == null ? "" : ciCode;
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
            filters = filters == null ? List.of() : List.copyOf(filters);
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            ciCodes = ciCodes == null ? List.of() : List.copyOf(ciCodes);
            fields = fields == null ? List.of() : List.copyOf(fields);
            ciName = ciName == null ? "" : ciName;
        }

        public Primary(String entity, String ciCode, List<String> mentions, List<Filter> filters, List<String> keywords,
                       int limit, int offset) {
            this(entity, ciCode, mentions, filters, keywords, limit, offset, null, null, null);
        }

        public Primary withCiCode(String code) {
            return new Primary(entity, code, mentions, filters, keywords, limit, offset, ciCodes, fields,
                    code.equals(ciCode) ? ciName : "");
        }

        public Primary withFilters(List<Filter> f) {
            return new Primary(entity, ciCode, mentions, f, keywords, limit, offset, ciCodes, fields, ciName);
        }
    }

    public record Secondary(String ciCode, List<String> mentions, List<Filter> filters, String ciName) {
        public static final Secondary EMPTY = new Secondary(null, null, null);

        public Secondary {
            ciCode = ciCode == null ? "" : ciCode;
            mentions = mentions == null ? List.of() : List.copyOf(mentions);
            filters = filters == null ? List.of() : List.copyOf(filters);
            ciName = ciName == null ? "" : ciName;
        }

        public Secondary(String ciCode, List<String> mentions, List<Filter> filters) {
            this(ciCode, mentions, filters, null);
        }
    }

    public record Graph(int depth, List<String> relationTypes, String direction, int limit) {
        public static final Graph EMPTY = new Graph(0, null, null, 0);

        public Graph {
            relationTypes = relationTypes == null ? List.of() : List.copyOf(relationTypes);
            direction = direction == null ? "" : direction;
        }
    }

    /** op: gt | ge | lt | le | between (value .. upper). */
    public record Threshold(String op, double value, double upper) {}

    public record Metric(String metricName, String agg, String timeRange, String timeFrom, String timeTo,
                         String bucket, int topN, String order, boolean timeStated, Threshold threshold) {
        public static final Metric EMPTY = new Metric(null, null, null, null, null, null, 0, null);
        /**
         * The aggregations a plan may ask for; the Query templates compute each (an unknown one is
         * refused). {@link #ANOMALY} is no statistic: the windows where the series left its normal,
         * computed by a template with {@code analysis: anomaly_windows}; nor is {@link #ROOT_CAUSE}: the
         * likely causes of the CI's trouble among what it depends on ({@code analysis: root_cause}).
         */
        public static final List<String> AGGREGATIONS = List.of("latest", "last", "avg", "min", "max", "sum", "count",
                "p50", "p90", "p95", "p99", "anomaly", "root_cause");
        public static final String ANOMALY = "anomaly";
        public static final String ROOT_CAUSE = "root_cause";

        public Metric {
            metricName = metricName == null ? "" : metricName;
            agg = agg == null ? "" : agg;
            timeRange = timeRange == null ? "" : timeRange;
            timeFrom = timeFrom == null ? "" : timeFrom;
            timeTo = timeTo == null ? "" : timeTo;
            bucket = bucket == null ? "" : bucket;
            order = order == null ? "" : order;
        }

        public Metric(String metricName, String agg, String timeRange, String timeFrom, String timeTo, String bucket,
                      int topN, String order) {
            this(metricName, agg, timeRange, timeFrom, timeTo, bucket, topN, order, false, null);
        }

        public Metric withRange(String range, String from, String to, boolean stated) {
            return new Metric(metricName, agg, range, from, to, bucket, topN, order, stated, threshold);
        }
    }

    public record History(boolean enabled, List<String> eventTypes, List<String> severities, String timeRange,
                          String timeFrom, String timeTo, int limit, boolean timeStated, String anchor,
                          int windowHours, String eventRef) {
        public static final History EMPTY = new History(false, null, null, null, null, null, 0);

        public History {
            eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
            severities = severities == null ? List.of() : List.copyOf(severities);
            timeRange = timeRange == null ? "" : timeRange;
            timeFrom = timeFrom == null ? "" : timeFrom;
            timeTo = timeTo == null ? "" : timeTo;
            anchor = anchor == null ? "" : anchor;
            eventRef = eventRef == null ? "" : eventRef;
        }

        public History(boolean enabled, List<String> eventTypes, List<String> severities, String timeRange,
                       String timeFrom, String timeTo, int limit) {
            this(enabled, eventTypes, severities, timeRange, timeFrom, timeTo, limit, false, null, 0, null);
        }

        public History withRange(String range, String from, String to, boolean stated) {
            return new History(enabled, eventTypes, severities, range, from, to, limit, stated, anchor, windowHours, eventRef);
        }

        public History withLimit(int max) {
            return new History(enabled, eventTypes, severities, timeRange, timeFrom, timeTo, max, timeStated, anchor,
                    windowHours, eventRef);
        }
    }

    public record Output(List<String> blocks, String primary, boolean count) {
        public static final Output EMPTY = new Output(null, null);

        public Output {
            blocks = blocks == null ? List.of() : List.copyOf(blocks);
            primary = primary == null ? "" : primary;
        }

        public Output(List<String> blocks, String primary) {
            this(blocks, primary, false);
        }
    }

    public boolean isKorean() {
        return "ko".equals(language);
    }

    /** This plan with other parts; language, question, reading and the rest carried over. */
    public PlanModel with(View view, Primary primary, Secondary secondary, Graph graph, Metric metric,
                          History history) {
        return new PlanModel(intent, view, primary, secondary, graph, metric, history, output, language, missingSlots,
                candidates, normalizedQuestion, unexplained, understanding, adjustments, documents);
    }

    public PlanModel withSlots(Primary primary, Secondary secondary, List<String> missing, List<Candidate> found) {
        return new PlanModel(intent, view, primary, secondary, graph, metric, history, output, language, missing,
                found, normalizedQuestion, unexplained, understanding, adjustments, documents);
    }

    public PlanModel withIntent(Intent newIntent, View newView, Output newOutput) {
        return new PlanModel(newIntent, newView, primary, secondary, graph, metric, history, newOutput, language,
                missingSlots, candidates, normalizedQuestion, unexplained, understanding, adjustments, documents);
    }

    public PlanModel withAdjustment(String adjustment) {
        List<String> all = new java.util.ArrayList<>(adjustments);
        all.add(adjustment);
        return new PlanModel(intent, view, primary, secondary, graph, metric, history, output, language, missingSlots,
                candidates, normalizedQuestion, unexplained, understanding, all, documents);
    }
}

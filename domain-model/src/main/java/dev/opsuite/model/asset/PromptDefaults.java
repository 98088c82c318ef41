package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Prompt's {@code rules.defaults}: what a rules plan uses when the question does not say. Time
 * ranges are named ranges ({@code last_24h}, {@code last_7d} …).
 *
 * @param aggregateRange         the range of an aggregation
 * @param topRange               the range of a ranking
 * @param eventRange             the range of an event history (by default {@code historyRange})
 * @param historyRange           the range of an event history when {@code event_range} is not given
 * @param topN                   N of a ranking ("the top CIs")
 * @param graphDepth             depth of a graph expansion (the Policy's {@code budget.max_depth} clamps it)
 * @param trendBucket            bucket width of a time series over up to seven days ("1 hour")
 * @param changeWindowHours      hours before an incident searched for changes and deploys
 * @param instantLookbackMinutes how far back the last sample of a measure asked at one moment is looked for
 * @param anchorRange            where the incident a "what changed before" question presupposes is looked for
 * @param referenceRange         where an event named by its id is looked for when no day is named
 */
public record PromptDefaults(String aggregateRange, String topRange, String eventRange, String historyRange, int topN,
                             int graphDepth, String trendBucket, int changeWindowHours, int instantLookbackMinutes,
                             String anchorRange, String referenceRange) {
    public static final String DEFAULT_AGGREGATE_RANGE = "last_24h";
    public static final String DEFAULT_TOP_RANGE = "last_1h";
    public static final String DEFAULT_HISTORY_RANGE = "last_7d";
    public static final int DEFAULT_TOP_N = 5;
    public static final int DEFAULT_GRAPH_DEPTH = 3;
    public static final String DEFAULT_TREND_BUCKET = "1 hour";
    public static final int DEFAULT_CHANGE_WINDOW_HOURS = 24;
    public static final int DEFAULT_INSTANT_LOOKBACK_MINUTES = 60;
    public static final String DEFAULT_ANCHOR_RANGE = "last_365d";
    public static final String DEFAULT_REFERENCE_RANGE = "last_90d";

    static PromptDefaults from(JsonNode d) {
        String historyRange = Read.string(d.path("history_range"), DEFAULT_HISTORY_RANGE);
        return new PromptDefaults(Read.string(d.path("aggregate_range"), DEFAULT_AGGREGATE_RANGE),
                Read.string(d.path("top_range"), DEFAULT_TOP_RANGE), Read.string(d.path("event_range"), historyRange),
                historyRange, Read.integer(d.path("top_n"), DEFAULT_TOP_N),
                Read.integer(d.path("graph_depth"), DEFAULT_GRAPH_DEPTH),
                Read.string(d.path("trend_bucket"), DEFAULT_TREND_BUCKET),
                Read.integer(d.path("change_window_hours"), DEFAULT_CHANGE_WINDOW_HOURS),
                Read.integer(d.path("instant_lookback_minutes"), DEFAULT_INSTANT_LOOKBACK_MINUTES),
                Read.string(d.path("anchor_range"), DEFAULT_ANCHOR_RANGE),
                Read.string(d.path("reference_range"), DEFAULT_REFERENCE_RANGE));
    }
}

package dev.opsuite.trace.domain.validation;

import static dev.opsuite.trace.domain.validation.AssetSpec.group;
import static dev.opsuite.trace.domain.validation.Field.field;
import static dev.opsuite.trace.domain.validation.Kind.BOOLEAN;
import static dev.opsuite.trace.domain.validation.Kind.INTEGER;
import static dev.opsuite.trace.domain.validation.Kind.NUMBER;
import static dev.opsuite.trace.domain.validation.Kind.OBJECT;
import static dev.opsuite.trace.domain.validation.Kind.STRING;
import static dev.opsuite.trace.domain.validation.Kind.STRINGS;
import static dev.opsuite.trace.domain.validation.Kind.TEXT;
import static dev.opsuite.trace.domain.validation.Kind.arrayOf;
import static dev.opsuite.trace.domain.validation.Kind.mapOf;

import dev.opsuite.model.asset.MappingAsset;
import dev.opsuite.model.AssetType;
import java.util.List;

/** The fields of a Mapping asset (read by COMPOSE). */
final class MappingFields {
    private MappingFields() {}

    static AssetSpec spec() {
        return new AssetSpec(AssetType.MAPPING,
                "How answers are worded and laid out: per query, the blocks built from its rows (text from "
                        + "templates, tables, charts, graphs); the messages for missing CIs, failed stores and data "
                        + "scopes; the labels of aggregations, conditions and time ranges; the line saying how the "
                        + "question was read; and the optional grounded LLM summary. Templates replace `{name}` "
                        + "with a value — the plan's (`{root}`, `{ci_code}`, `{metric_label}`, `{unit}`, "
                        + "`{time_range}`, `{condition}`…), the first row's columns, `{row_count}`, `{total}`, "
                        + "`{list}`, `{value_list}`, `{event_list}` — and drop a name no value fills.",
                "COMPOSE (executor-service: answer blocks, messages, reading line, grounded summary).",
                List.of(
                        group("Rules: the blocks of each query's answer",
                                Field.assetName(),
                                field("rules", arrayOf(OBJECT), "One rule per query; a query without one is shown as "
                                        + "a plain table (with a warning).").required(),
                                field("rules[].query", STRING, "The Query template whose rows the rule words.")
                                        .required(),
                                field("rules[].blocks", arrayOf(OBJECT), "The blocks, in order.").required(),
                                field("rules[].blocks[].type", STRING, "`text`/`markdown`: a template's text; "
                                        + "`table`: the rows; `chart`: a time series; `network`: the graph of a graph "
                                        + "query; `timeline`: events on one time axis, oldest first (`x`: the column of "
                                        + "the event's time, with ci_code, ci_name, event_type, severity, title when "
                                        + "the rows have them); `passages`: a document search's passages, each under its "
                                        + "citation (one markdown block; without passages, why in words). Tables, charts, "
                                        + "timelines and graphs are left out when there are no rows.")
                                        .required().oneOf("text", "markdown", "table", "chart", "network", "timeline",
                                                "passages"),
                                field("rules[].blocks[].title", TEXT, "The block's title: one text, or one per language.")
                                        .byDefault("\"\""),
                                field("rules[].blocks[].requires", STRINGS, "Columns the first row must hold a value "
                                        + "in for the block to be shown (a sentence about the first sample over a "
                                        + "threshold, when there was one).").defaultIs("none"),
                                field("rules[].blocks[].template", TEXT, "text/markdown: the text of the block."),
                                field("rules[].blocks[].count_template", TEXT, "text/markdown: the text instead when "
                                        + "the plan asks for a count."),
                                field("rules[].blocks[].empty", TEXT, "text/markdown: the text instead when the query "
                                        + "returned no rows."),
                                field("rules[].blocks[].stale_template", TEXT, "text/markdown: the text instead when "
                                        + "the first row's `ts` is older than `stale_after_minutes` before the question "
                                        + "was asked (`{ts}` when it was taken, `{age}` how long before)."),
                                field("rules[].blocks[].field_templates", mapOf(TEXT), "text/markdown: per field of "
                                        + "the CI, the sentence used when the plan asks for that field; the sentences "
                                        + "of the fields asked are joined (else `template`).")
                                        .keys("the primary entity's field names"),
                                field("rules[].blocks[].agg_templates", mapOf(TEXT), "text/markdown: per aggregation "
                                        + "of the plan, the text instead of `template` (`last`: the sample at a "
                                        + "moment, with its time).").keys(QueryFields.AGGS),
                                field("rules[].blocks[].columns", arrayOf(OBJECT), "table: the columns shown, in "
                                        + "order; those the rows lack, or hold no value in, are skipped.").defaultIs("every column"),
                                field("rules[].blocks[].columns[].from", STRING, "The result column."),
                                field("rules[].blocks[].columns[].label", STRING, "Its heading.")
                                        .defaultIs("the column name"),
                                field("rules[].blocks[].x", STRING, "chart: the column of the time axis.")
                                        .byDefaultText(MappingAsset.BlockRule.DEFAULT_X),
                                field("rules[].blocks[].y", STRING, "chart: the column of the values.")
                                        .byDefaultText(MappingAsset.BlockRule.DEFAULT_Y),
                                field("rules[].blocks[].series_labels", mapOf(TEXT), "chart: the legend of the series an anomaly "
                                        + "band adds beside the measure (`normal`, `band_low`, `band_high`, from the "
                                        + "columns of an `anomaly_band` template); the anomalous windows are shaded.")
                                        .keys(MappingAsset.BlockRule.BAND_SERIES.toArray(String[]::new))
                                        .byDefault("the column's name"),
                                field("rules[].list_limit", INTEGER, "How many items `{list}`, `{value_list}` and "
                                        + "`{event_list}` name before `messages.more`.").byDefault(MappingAsset.Rule.DEFAULT_LIST_LIMIT),
                                field("rules[].unanswered", TEXT, "What the query answers, for the warning when its "
                                        + "store fails (`{what}`).")
                                        .byDefaultText(MappingAsset.Rule.DEFAULT_UNANSWERED)),
                        group("Messages",
                                field("messages", OBJECT, "Texts the rules do not give: missing or ambiguous CIs, "
                                        + "failed stores, data scope notes."),
                                field("messages.no_plan", TEXT, "The answer when no block could be built."),
                                field("messages.not_found", TEXT, "No CI matches the name the question used "
                                        + "(`{mentions}`)."),
                                field("messages.missing_entity", TEXT, "The question names no CI where one is "
                                        + "needed."),
                                field("messages.ambiguous", TEXT, "Several CIs match (`{mentions}`, "
                                        + "`{candidates}`)."),
                                field("messages.more", TEXT, "Appended to a cut list (`{n}` more).")
                                        .byDefault("\"\""),
                                field("messages.stale_item", TEXT, "Appended to an item of `{value_list}` whose `ts` "
                                        + "is older than `stale_after_minutes` (`{ts}`).").byDefault("\"\""),
                                field("messages.widened", TEXT, "Said first when an empty time range was widened "
                                        + "(`{from}`, `{to}`)."),
                                field("messages.narrowed", mapOf(TEXT), "Said first when the words fit several CIs and "
                                        + "only one had the incident a \"what changed before\" question presupposes, per "
                                        + "anchor (`{n}` CIs, `{words}`, `{root}`, `{range}`).")
                                        .keys("incident", "alert", "problem"),
                                field("messages.titled", TEXT, "Said first when a \"what changed before\" question "
                                        + "named its incident by the words of its title, and that incident is the anchor "
                                        + "(`{title}`, `{root}`).").byDefault("\"\""),
                                field("messages.unapplied_filter", TEXT, "Said first when a filter the question named cannot be "
                                        + "applied by the templates that answer it (`{filters}`, `{queries}`); the "
                                        + "filter is then not shown in the reading."),
                                field("messages.documents_only", TEXT, "Said first when a question asking for data "
                                        + "and documents names no CI that exists (`{names}`): only the documents answer."),
                                field("messages.documents_only_no_ci", TEXT, "The same when the question names no CI "
                                        + "at all."),
                                field("messages.documents_unmatched", TEXT, "Said first when a how-to question "
                                        + "names something (`{names}`) that is no CI and that no document found "
                                        + "mentions: the documents shown were found by its other words."),
                                field("messages.documents_none", TEXT, "A document search over a collection that "
                                        + "holds no documents yet (`{collection}`)."),
                                field("messages.documents_no_match", TEXT, "A document search no document of "
                                        + "`{collection}` matches."),
                                field("messages.outside_scope", TEXT, "Note for a scoped caller: `{n}` CIs outside "
                                        + "the data scope were left out.")
                                        .byDefaultText(MappingAsset.Messages.DEFAULT_OUTSIDE_SCOPE),
                                field("messages.scoped_empty", TEXT, "Note for a scoped caller when nothing was "
                                        + "found.").byDefaultText(MappingAsset.Messages.DEFAULT_SCOPED_EMPTY),
                                field("messages.causes_unjudged", TEXT, "Said first when likely causes were judged "
                                        + "among fewer CIs than lie within the depth asked, because the template reads "
                                        + "a bounded number of them (`{judged}`, `{found}`, `{unjudged}`, `{root}`).")
                                        .byDefaultText(MappingAsset.Messages.DEFAULT_CAUSES_UNJUDGED),
                                field("messages.causes_unjudged_moved", TEXT, "Said first instead when the template "
                                        + "checked the nearest CIs and read those whose measures moved most "
                                        + "(`{judged}`, `{found}`, `{checked}`, `{unjudged}`, `{root}`).")
                                        .byDefaultText(MappingAsset.Messages.DEFAULT_CAUSES_UNJUDGED_MOVED),
                                field("messages.causes_under_threshold", TEXT, "Said first when every likely cause "
                                        + "named rests on weaker evidence: none left its normal far enough to alarm, "
                                        + "those named (kind `under_threshold`) moved beyond the Policy's "
                                        + "`anomaly.cause_evidence_threshold` (`{root}`).")
                                        .byDefaultText(MappingAsset.Messages.DEFAULT_CAUSES_UNDER_THRESHOLD),
                                field("messages.cis_unjudged", TEXT, "Said first when anomalies over a set of CIs "
                                        + "were judged for fewer CIs than match, because the template reads a bounded "
                                        + "number of them (`{judged}`, `{found}`, `{unjudged}`).")
                                        .byDefaultText(MappingAsset.Messages.DEFAULT_CIS_UNJUDGED),
                                field("messages.partial_coverage", TEXT, "Said after an aggregate over a range "
                                        + "whose samples cover only part of it (the first sample later, or the last "
                                        + "earlier, than an hour and a twentieth of the range): `{first}`, `{last}`, "
                                        + "`{range}`.").byDefaultText(MappingAsset.Messages.DEFAULT_PARTIAL_COVERAGE),
                                field("messages.stores", mapOf(TEXT), "Per tool (a template's `tool`, and "
                                        + "`llm_summary`), what the failure messages call its store (`{store}`).")
                                        .keys("tool names").byDefault("\"the data source\""),
                                field("messages.tool_failed", OBJECT, "Warnings stated first when a store fails "
                                        + "(`{store}`, `{source}`, `{what}`)."),
                                failed("unavailable", "The store is unavailable."),
                                failed("timeout", "The store did not answer in time."),
                                failed("failed", "Reading the store failed otherwise."),
                                failed("resolve", "The CI name lookup is unavailable."),
                                failed("resolve_failed", "The CI name lookup failed."),
                                failed("summary", "The LLM summary failed; the template text stands.")),
                        group("Labels",
                                field("agg_labels", mapOf(TEXT), "Per aggregation, its label (`{agg_label}`).")
                                        .keys(QueryFields.AGGS).defaultIs("the aggregation's name"),
                                field("order_labels", OBJECT, "Labels of a ranking's order (`{order_label}`)."),
                                field("order_labels.desc", TEXT, "Highest first (\"top\")."),
                                field("order_labels.asc", TEXT, "Lowest first (\"bottom\")."),
                                field("condition_labels", mapOf(TEXT), "Per threshold operator, the condition's "
                                        + "wording (`{condition}`, with `{value}` and `{upper}`).")
                                        .keys("gt", "ge", "lt", "le", "between"),
                                field("time_range_labels", mapOf(TEXT), "Per named time range of a plan, its label "
                                        + "(`{time_range}`); `{n}` stands for a number (`last_{n}h`), `since_{day}` "
                                        + "for any weekday.").keys("named ranges (`last_24h`, `today`, "
                                        + "`last_{n}d`, `since_{day}`…)").defaultIs("the range's dates, else its name"),
                                field("time_range_formats", OBJECT, "Labels of explicit time ranges."),
                                field("time_range_formats.day", TEXT, "A day (`{date}`).").byDefault("\"{value}\""),
                                field("time_range_formats.month", TEXT, "A month (`{month}`).")
                                        .byDefault("\"{value}\""),
                                field("time_range_formats.since", TEXT, "Since a time (`{from}`).")
                                        .byDefault("\"{value}\""),
                                field("time_range_formats.range", TEXT, "From one time to another (`{range}`).")
                                        .byDefault("\"{value}\""),
                                field("number_format", OBJECT, "How numbers are written."),
                                field("number_format.decimals", INTEGER, "Decimal places of values in texts and "
                                        + "tables.").byDefault(MappingAsset.DEFAULT_DECIMALS),
                                field("stale_after_minutes", INTEGER, "A current value whose sample was taken longer "
                                        + "than this before the question is said to be old (`stale_template`, "
                                        + "`messages.stale_item`).").byDefault(MappingAsset.DEFAULT_STALE_AFTER_MINUTES)),
                        group("Reading line",
                                field("reading", OBJECT, "The last text block, saying how the question was read. "
                                        + "Without `reading`, no such block."),
                                field("reading.prefix", TEXT, "Its beginning (\"Read as: \")."),
                                field("reading.zone", TEXT, "Added when times were read in a zone (`{zone}`)."),
                                field("reading.unexplained", TEXT, "Added for words not understood (`{words}`)."),
                                field("reading.ref_time", TEXT, "Added when a time of day beside an event id was read "
                                        + "as that event's own time, not as a bound of the search (`{time}`, `{ref}`)."),
                                field("reading.context_time", TEXT, "Added when times the question names were read "
                                        + "as context, not as the time asked — the date of the work a noun names, the "
                                        + "moment of a pasted alert (`{times}`)."),
                                field("reading.corrected", TEXT, "Added when the question took words back and put "
                                        + "others in their place (\"memory… no wait, disk usage\"), each as `'memory → "
                                        + "disk usage'` (`{corrections}`)."),
                                field("reading.<shape>", TEXT, "The reading of a plan of that shape (`{target}`, "
                                        + "`{metric}`, `{agg}`, `{range}`, `{filters}`, `{depth}`…); a shape without "
                                        + "one gives no line.")
                                        .keys("latest", "aggregate", "at", "series", "top", "top_latest", "rank_among", "rank_among_latest",
                                                "compare", "compare_latest", "per_ci",
                                                "per_ci_count", "per_ci_agg", "per_ci_agg_count", "count_over", "list", "count", "attributes", "ci", "search", "events",
                                                "events_latest",
                                                "events_count", "events_ref", "changes_before", "changes_before_ref", "impact", "callers", "dependency",
                                                "callees", "host", "hosted", "neighbors", "path", "causes", "anomalies_among",
                                                "anomalies_among_measures")),
                        group("Grounded summary",
                                field("summary", OBJECT, "An LLM summary replacing the leading text when every value "
                                        + "it cites is in the results (else the template text stays, with a "
                                        + "low_evidence note)."),
                                field("summary.enabled", BOOLEAN, "Whether to ask for it (needs a configured LLM).")
                                        .required(),
                                field("summary.system_prompt", STRING, "The model's instructions (the language and "
                                        + "\"use only values present\" are added).")
                                        .byDefaultText(MappingAsset.Summary.DEFAULT_SYSTEM_PROMPT),
                                field("summary.max_rows", INTEGER, "Rows of each result shown to the model.")
                                        .min(1).byDefault(MappingAsset.Summary.DEFAULT_MAX_ROWS),
                                field("summary.max_tokens", INTEGER, "Most tokens the summary may take.")
                                        .min(1).byDefault(MappingAsset.Summary.DEFAULT_MAX_TOKENS),
                                field("summary.temperature", NUMBER, "Sampling temperature of the model.")
                                        .byDefault("0"))));
    }

    /** A warning of {@code messages.tool_failed}; without it, the product's English sentence says it. */
    private static Field failed(String reason, String meaning) {
        return field("messages.tool_failed." + reason, TEXT, meaning).defaultIs("an English sentence");
    }
}

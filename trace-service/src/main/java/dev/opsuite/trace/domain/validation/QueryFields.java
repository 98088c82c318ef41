package dev.opsuite.trace.domain.validation;

import static dev.opsuite.trace.domain.validation.AssetSpec.group;
import static dev.opsuite.trace.domain.validation.Field.field;
import static dev.opsuite.trace.domain.validation.Kind.ANY;
import static dev.opsuite.trace.domain.validation.Kind.BOOLEAN;
import static dev.opsuite.trace.domain.validation.Kind.INTEGER;
import static dev.opsuite.trace.domain.validation.Kind.OBJECT;
import static dev.opsuite.trace.domain.validation.Kind.STRING;
import static dev.opsuite.trace.domain.validation.Kind.STRINGS;
import static dev.opsuite.trace.domain.validation.Kind.arrayOf;
import static dev.opsuite.trace.domain.validation.Kind.mapOf;

import dev.opsuite.model.asset.QueryBinding.When;
import dev.opsuite.model.asset.QueryTemplate;
import dev.opsuite.model.asset.QueryTemplate.Param;
import dev.opsuite.model.asset.QueryTemplate.Result;
import dev.opsuite.model.asset.QueryTemplate.Search;
import dev.opsuite.model.AssetType;
import java.util.List;

/** The fields of a Query asset (read by VALIDATE, EXECUTE and the planner's dictionary). */
final class QueryFields {
    static final String[] INTENTS = {"LOOKUP", "SEARCH", "LIST", "AGGREGATE", "EXPAND", "PATH"};
    static final String[] AGGS = dev.opsuite.model.PlanModel.Metric.AGGREGATIONS.toArray(String[]::new);

    private QueryFields() {}

    static AssetSpec spec() {
        return new AssetSpec(AssetType.QUERY,
                "The statements the product may run — named SQL or Cypher templates with declared parameters, "
                        + "each on one Source — and the bindings that choose, for a plan, which templates run.",
                "VALIDATE (plan-guard: bindings, every statement checked against the Policy); EXECUTE "
                        + "(executor-service: parameters bound, statements run, fixtures in mock mode); PLAN "
                        + "(planner-service: the estate dictionary's templates).",
                List.of(
                        group("Templates",
                                Field.assetName(),
                                field("queries", arrayOf(OBJECT), "The templates.").required(),
                                field("queries[].name", STRING, "The template's name, unique in the asset; bindings "
                                        + "and Mapping rules name it.").required(),
                                field("queries[].language", STRING, "`sql` (PostgreSQL/TimescaleDB), `cypher` "
                                        + "(Neo4j), `redis` (one read-only command) or `search` (a document "
                                        + "collection: the statement is the text searched for).").required()
                                        .oneOf(QueryTemplate.LANGUAGES.toArray(String[]::new)),
                                field("queries[].statement", STRING, "The statement: SQL with `:name` parameters, "
                                        + "Cypher with `$name`, Redis one command of the read-only allowlist with "
                                        + "`{name}` inside its tokens (`HGETALL ci:{ci_code}:queue`). VALIDATE parses "
                                        + "SQL against the Policy's security settings, refuses Cypher that writes, "
                                        + "and refuses a Redis command off the allowlist (writes, EVAL, CONFIG, KEYS, "
                                        + "FLUSH*, MODULE, DEBUG …) or a SCAN without MATCH and COUNT.").required().nonBlank(),
                                field("queries[].source", STRING, "The Source asset it runs on.").required(),
                                field("queries[].title", STRING, "Title of the evidence shown with the answer.")
                                        .defaultIs("the name"),
                                field("queries[].tool", STRING, "Tool name recorded on the call and used to word "
                                        + "its failures (Mapping `messages.stores.<tool>`); `ci_resolver` marks the "
                                        + "template that resolves the CIs a plan names.")
                                        .byDefaultText(QueryTemplate.DEFAULT_TOOL),
                                field("queries[].analysis", STRING, "What the executor computes from the rows "
                                        + "before they are the answer. `anomaly_windows`: the SQL returns a series "
                                        + "(`ts`, `value`, `ci_code`, `ci_name`, `metric_name` in time order, starting "
                                        + "8 days before `:time_from` so each sample has a normal), and the answer is "
                                        + "the windows within the range where it left its normal (docs/incidents.md): "
                                        + "`metric_name`, `kind` (outlier | level_shift), `start`, `end`, `peak_at`, "
                                        + "`peak_value`, `normal`, `score`, `samples`, plus `ci_code`, `ci_name` (over a "
                                        + "set, an optional `matched`: how many CIs meet its conditions). `root_cause`: "
                                        + "the series of a CI and of what it depends on (`depth`, `parent`), answered "
                                        + "by its likely causes. `dependency_status`: the series of what a CI depends "
                                        + "on with `depth`, `parent`, `status`, `status_down`, `critical_events`, "
                                        + "answered by one row per dependency (`status`, `unusual`, `critical_events`). "
                                        + "`anomaly_band`: one series as for `anomaly_windows`, answered by each sample "
                                        + "of the range with `normal`, `band_low`, `band_high` and `window` (a chart's "
                                        + "data).")
                                        .known(QueryTemplate.ANALYSES.toArray(String[]::new)),
                                field("queries[].max_rows", INTEGER, "Most rows the template returns (the source's "
                                        + "`limits.max_rows` bounds it).")
                                        .defaultIs("the plan's `limit` parameter, else `50`"),
                                field("queries[].params", arrayOf(OBJECT), "The parameters the statement uses, each "
                                        + "declared; a plan can set no other."),
                                field("queries[].params[].name", STRING, "Parameter name, as the statement writes it "
                                        + "after `:` or `$`.").required(),
                                field("queries[].params[].type", STRING, "How the value is checked and bound; a "
                                        + "template with another type fails when it runs.").byDefaultText(Param.DEFAULT_TYPE)
                                        .known("string", "int", "integer", "long", "float", "double", "number", "bool",
                                                "boolean", "timestamp", "string[]", "int[]", "integer[]"),
                                field("queries[].params[].default", ANY, "Value bound when the plan gives none. "
                                        + "Without one, a missing `string` binds as `\"\"` and another type is an "
                                        + "error."),
                                field("queries[].params[].default_seconds_ago", INTEGER, "Redis: a `timestamp` "
                                        + "the plan leaves unset is this many seconds before now (bound as epoch "
                                        + "seconds; epoch milliseconds in TS.RANGE, XRANGE and XREVRANGE), e.g. the "
                                        + "heartbeat cut-off.").min(0),
                                field("queries[].result", OBJECT, "Redis: how the reply becomes a table. Each "
                                        + "command has its own columns (GET: key, value; HGETALL: field, value; "
                                        + "ZRANGE … WITHSCORES: member, score; XRANGE: id and one per field; SCAN: "
                                        + "key; TS.RANGE: ts, value …)."),
                                field("queries[].result.row", BOOLEAN, "HGETALL: the hash as one row, a column "
                                        + "per field.").byDefault(Result.DEFAULT_ROW),
                                field("queries[].result.fields", STRINGS, "With `row`: the fields, in order.")
                                        .defaultIs("every field, as read"),
                                field("queries[].result.params", STRINGS, "Bound parameters added as leading "
                                        + "columns (e.g. `ci_code`)."),
                                field("queries[].result.columns", mapOf(STRING), "Renames: the command's column → "
                                        + "the name the Mapping uses."),
                                field("queries[].result.numbers", STRINGS, "Columns read as numbers (a value that "
                                        + "is not one stays text)."),
                                field("queries[].result.times", STRINGS, "Columns of epoch seconds (or ms) read "
                                        + "as times."),
                                field("queries[].search", OBJECT, "Search only: how the documents are found "
                                        + "and quoted. The statement (e.g. `{question}`) is filled with the bound "
                                        + "parameters and analysed (Korean by Nori, English by its analyzer), never "
                                        + "parsed as query syntax; each document is cited by its best section."),
                                field("queries[].search.top_k", INTEGER, "How many documents to cite (the Policy's "
                                        + "`security.documents.max_k` and the Source's `limits.max_rows` bound it).")
                                        .byDefault(Search.DEFAULT_TOP_K).min(1),
                                field("queries[].search.passage_chars", INTEGER, "The longest quoted passage, cut at "
                                        + "a line end (the Policy's `max_passage_chars` bounds it).")
                                        .byDefault(Search.DEFAULT_PASSAGE_CHARS).min(80),
                                field("queries[].search.ci_param", STRING, "The parameter holding the CI named: a "
                                        + "document that applies to it (front matter `cis`) ranks higher.")
                                        .byDefaultText(Search.DEFAULT_CI_PARAM),
                                field("queries[].search.ci_type_param", STRING, "The parameter holding a CI type the "
                                        + "question names (front matter `ci_types`).").byDefaultText(Search.DEFAULT_CI_TYPE_PARAM),
                                field("queries[].search.kinds", STRINGS, "Only documents of these kinds (runbook, "
                                        + "alert, postmortem, guide, reference).").defaultIs("`[]` (any kind)"),
                                field("queries[].search.tags", STRINGS, "Only documents with all these tags.")
                                        .defaultIs("`[]`"),
                                field("queries[].variants", arrayOf(OBJECT), "SQL and Cypher: other statements of the "
                                        + "template; the first whose conditions all hold runs instead of `statement` "
                                        + "(a condition left out holds). Each must return the same columns and "
                                        + "answers: the default asset's `rollup` variants read the metric rollups "
                                        + "for long ranges (docs/estate.md, \"Metric rollups\"), its `depth N` "
                                        + "variants of the graph walks never walk further than the depth asked "
                                        + "(docs/performance.md). The variant that "
                                        + "ran is named in the trace (`variant` in the tool call's input and the "
                                        + "reference's params; the reference's payload is its statement)."),
                                field("queries[].variants[].name", STRING, "Its name in the trace.")
                                        .defaultIs("`variant N`, N its place in the list from 1"),
                                field("queries[].variants[].requires_extension", STRING, "SQL: the PostgreSQL "
                                        + "extension it needs (`timescaledb`).").defaultIs("none"),
                                field("queries[].variants[].min_range_seconds", INTEGER, "The shortest range it "
                                        + "answers: the bound `time_to` minus `time_from`, in seconds (both must be "
                                        + "declared timestamps).").byDefault(QueryTemplate.Variant.DEFAULT_MIN_RANGE_SECONDS)
                                        .min(0),
                                field("queries[].variants[].aggs", STRINGS, "The bound `agg` values it answers "
                                        + "(the rollup variants: only the aggregations merged exactly from count, "
                                        + "sum, min and max).").known(AGGS).defaultIs("`[]` (any)"),
                                field("queries[].variants[].max_depth", INTEGER, "The deepest walk it answers: "
                                        + "the bound `depth` is at most this (0: any depth).")
                                        .byDefault(QueryTemplate.Variant.DEFAULT_MAX_DEPTH).min(0),
                                field("queries[].variants[].statement", STRING, "The statement then; VALIDATE checks "
                                        + "it like the main one, and a scoped template's variants use its scoping "
                                        + "clause too."),
                                field("queries[].scope", OBJECT, "The scoping clause that lets the template run for a "
                                        + "caller with a data scope: the statement filters every CI with `scope_all` "
                                        + "and `scope_ci_codes` and declares both. Without it the template runs only "
                                        + "for callers who see every CI."),
                                field("queries[].scope.columns", STRINGS, "Result columns holding CI codes; EXECUTE "
                                        + "checks every row's against the caller's scope (must be given: `[]` for "
                                        + "none)."),
                                field("queries[].scope.outside", STRING, "A template (on the same source) counting the "
                                        + "CIs a graph expansion stopped at because they are outside the scope: one "
                                        + "row, column `outside`."),
                                field("queries[].fixtures", arrayOf(OBJECT), "Mock mode: canned results instead of "
                                        + "the source; the first fixture whose `params` match answers."),
                                field("queries[].fixtures[].params", mapOf(ANY), "The bound parameter values this "
                                        + "fixture answers (each must be equal).").defaultIs("`{}` (any call)"),
                                field("queries[].fixtures[].columns", STRINGS, "Column names of the rows.")
                                        .required(),
                                field("queries[].fixtures[].rows", arrayOf(arrayOf(ANY)), "The rows, one value per "
                                        + "column.").required()),
                        group("Bindings",
                                field("bindings", arrayOf(OBJECT), "Which templates a plan runs: the first binding "
                                        + "without `needs` whose `when` holds gives the plan's query (and its "
                                        + "`also`). No binding matching is a VALIDATE deny."),
                                field("bindings[].query", STRING, "The template to run (a name in `queries`).")
                                        .required(),
                                field("bindings[].also", STRINGS, "Further templates run after it."),
                                field("bindings[].when", OBJECT, "Conditions on the plan, all of which must hold; an "
                                        + "unknown condition never holds.").defaultIs("`{}` (every plan)"),
                                field("bindings[].when.needs", STRING, "Not a condition: the template serves the "
                                        + "product itself — `resolve` runs first when the plan names CIs to resolve, "
                                        + "`dictionary` gives the estate's names for entity linking, "
                                        + "`dictionary_revision` tells whether they changed, `anchor_candidates` "
                                        + "says which of several CIs a \"what changed before\" question may mean had "
                                        + "the incident (column `ci_code`; bound `ci_codes`, `anchor`, the range), "
                                        + "`anchor_titles` lists the incidents over the range with their titles "
                                        + "(columns `ci_code`, `ci_name`, `anchor_ts`, `title`) so one named by the "
                                        + "words of its title anchors the answer; `documents` is the search run when "
                                        + "the plan asks for documents (runbooks, alert explanations).")
                                        .known(When.KNOWN_NEEDS),
                                field("bindings[].when.intent", STRING, "The plan's intent.").known(INTENTS),
                                field("bindings[].when.view", STRING, "The plan's view.")
                                        .known("SUMMARY", "COMPOSITION", "DEPENDENCY", "IMPACT", "PATH", "NEIGHBORS"),
                                field("bindings[].when.metric", BOOLEAN, "Whether the plan names a metric."),
                                field("bindings[].when.metric_name", STRING, "The metric the plan names (a "
                                        + "SchemaCatalog metric), e.g. a live reading a Redis template answers."),
                                field("bindings[].when.agg", STRING, "The plan's aggregation.").known(AGGS),
                                field("bindings[].when.bucket", BOOLEAN, "Whether the plan asks for a time series."),
                                field("bindings[].when.top_n", BOOLEAN, "Whether the plan asks for the top N."),
                                field("bindings[].when.compare", BOOLEAN, "Whether the plan names two CIs or more."),
                                field("bindings[].when.history", BOOLEAN, "Whether the plan reads the event history."),
                                field("bindings[].when.anchor", BOOLEAN, "Whether the history is anchored on an event "
                                        + "(what changed before an incident)."),
                                field("bindings[].when.threshold", BOOLEAN, "Whether the plan has a metric threshold "
                                        + "(\"over 90%\"); with agg count: how many samples were over it."),
                                field("bindings[].when.event_ref", BOOLEAN, "Whether the plan names an event by its id "
                                        + "(\"INC-5327\"); such a plan needs a template with the parameter `event_ref`."),
                                field("bindings[].when.count", BOOLEAN, "Whether the plan asks for a count."),
                                field("bindings[].when.direction", STRING, "The direction of the plan's graph step.")
                                        .known("in", "out", "both"),
                                field("bindings[].when.relation", STRING, "A relation type the plan's graph step "
                                        + "follows (`RUNS_ON`)."))));
    }
}

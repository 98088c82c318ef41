package dev.opsuite.model.asset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One template of a Query asset ({@code queries[]}): a named statement on one Source, its declared
 * parameters and what the executor needs to run it, with the defaults the readers apply declared
 * here once (trace-service {@code QueryFields} shows them). Anything parses: an absent member, or
 * one of the wrong kind, reads as its default ({@link Read}). {@code language} is kept as written
 * (VALIDATE compares it lower-cased, EXECUTE as written).
 *
 * @param tool      as written, else the language's tool ({@link #toolFor})
 * @param title     as written, else the name
 * @param statement as written, else "" ({@link Search#DEFAULT_STATEMENT} for a search template)
 * @param maxRows   the template's own bound, when it gives one (each reader has its fallback)
 * @param scope     the scoping clause, when {@code scope} is an object
 * @param result    Redis: how the reply becomes a table, when {@code result} is an object
 * @param analysis  what the executor computes from the rows before they are the answer ("" none;
 *                  {@link #ANOMALY_WINDOWS}: the statement returns a series, the answer is its
 *                  anomalous windows)
 */
public record QueryTemplate(String name, String language, String statement, String source, String title,
                            String tool, OptionalInt maxRows, List<Param> params, List<Variant> variants,
                            Optional<Scope> scope, Search search, Optional<Result> result, List<Fixture> fixtures,
                            String analysis) {
    public static final String SQL = "sql";
    public static final String CYPHER = "cypher";
    public static final String REDIS = "redis";
    public static final String SEARCH = "search";
    /** The languages a template may be written in. */
    public static final List<String> LANGUAGES = List.of(SQL, CYPHER, REDIS, SEARCH);
    public static final String DEFAULT_LANGUAGE = SQL;
    /** The tool of a SQL or Cypher template that names none. */
    public static final String DEFAULT_TOOL = "sql_executor";
    /** The tool of a Redis template that names none. */
    public static final String REDIS_TOOL = "redis_executor";
    /** The tool of a search template that names none. */
    public static final String SEARCH_TOOL = "doc_executor";
    /** The tool that marks the template resolving the CIs a plan names. */
    public static final String RESOLVER_TOOL = "ci_resolver";
    /**
     * {@code analysis}: the statement returns one series per CI and metric (columns {@code ts},
     * {@code value}, {@code ci_code}, {@code ci_name}, {@code metric_name}, in time order, with
     * history before the range asked), and the answer is the windows where it left its normal
     * within the range (incident-analysis' detector).
     */
    public static final String ANOMALY_WINDOWS = "anomaly_windows";
    /**
     * {@code analysis}: the statement returns the series of a symptom CI and of the CIs it depends on
     * (as for {@link #ANOMALY_WINDOWS}, plus {@code depth} and {@code parent}: how far from the symptom
     * and through which CI; the symptom at depth 0), and the answer is the likely causes among them,
     * best first (incident-analysis' cause ranking), or none when none is likely enough.
     */
    public static final String ROOT_CAUSE = "root_cause";
    /**
     * {@code analysis}: the statement returns the series of the CIs a CI depends on (as for {@link #ROOT_CAUSE},
     * without the CI itself, plus {@code status}, {@code status_down} — whether that status is down or degraded —
     * and {@code critical_events} over the range), and the answer is one row per dependency: its status, the
     * measures with a window in the range and its critical events, those that need a look first.
     */
    public static final String DEPENDENCY_STATUS = "dependency_status";
    /**
     * {@code analysis}: the statement returns one series as for {@link #ANOMALY_WINDOWS}, and the answer is each
     * sample of the range with its normal, the band the detector tolerates around it and the window it is in —
     * the data of a chart with the baseline band.
     */
    public static final String ANOMALY_BAND = "anomaly_band";
    /** The analyses a template may ask for. */
    public static final List<String> ANALYSES = List.of(ANOMALY_WINDOWS, ROOT_CAUSE, DEPENDENCY_STATUS, ANOMALY_BAND);

    public QueryTemplate {
        params = List.copyOf(params);
        variants = List.copyOf(variants);
        fixtures = List.copyOf(fixtures);
    }

    /**
     * {@code params[]}: a declared parameter.
     *
     * @param byDefault         {@code default} as given (any JSON value, null included), when given
     * @param defaultSecondsAgo Redis: an unset {@code timestamp} is this many seconds before now, when given
     */
    public record Param(String name, String type, Optional<JsonNode> byDefault, OptionalLong defaultSecondsAgo) {
        public static final String DEFAULT_TYPE = "string";

        static Param from(JsonNode p) {
            JsonNode seconds = p.path("default_seconds_ago");
            return new Param(Read.string(p.path("name"), ""), Read.string(p.path("type"), DEFAULT_TYPE),
                    Read.given(p.path("default")) ? Optional.of(p.path("default")) : Optional.empty(),
                    seconds.isNumber() ? OptionalLong.of(seconds.asLong()) : OptionalLong.empty());
        }
    }

    /**
     * {@code variants[]}: another statement of the same template (SQL or Cypher), run instead of
     * {@code statement} when all its conditions hold (an unset condition holds): the source has the
     * extension (SQL), the bound {@code time_to - time_from} spans at least {@code minRangeSeconds}, the
     * bound {@code agg} is one of {@code aggs}, the bound {@code depth} is at most {@code maxDepth}. The
     * first variant whose conditions hold runs; its name is recorded in the trace.
     *
     * @param name              as written, else "variant N" (N from 1, its place in the list)
     * @param requiresExtension a PostgreSQL extension it needs, "" for none
     * @param minRangeSeconds   the shortest time range it answers, 0 for any
     * @param aggs              the {@code agg} values it answers, empty for any
     * @param maxDepth          the deepest bound {@code depth} it answers, 0 for any (a graph walk whose
     *                          bound is written into the statement, so that Neo4j never walks further)
     */
    public record Variant(String name, String requiresExtension, long minRangeSeconds, List<String> aggs,
                          int maxDepth, String statement) {
        public static final long DEFAULT_MIN_RANGE_SECONDS = 0;
        public static final int DEFAULT_MAX_DEPTH = 0;
        /** The parameter a {@code max_depth} condition reads. */
        public static final String DEPTH = "depth";
        /** The parameters a {@code min_range_seconds} condition reads (bound as timestamps). */
        public static final String TIME_FROM = "time_from";
        public static final String TIME_TO = "time_to";
        /** The parameter an {@code aggs} condition reads. */
        public static final String AGG = "agg";

        public Variant {
            aggs = List.copyOf(aggs);
        }

        static Variant from(JsonNode v, int index) {
            JsonNode range = v.path("min_range_seconds");
            JsonNode depth = v.path("max_depth");
            return new Variant(Read.string(v.path("name"), "variant " + (index + 1)),
                    Read.string(v.path("requires_extension"), ""),
                    range.isNumber() ? Math.max(0, range.asLong()) : DEFAULT_MIN_RANGE_SECONDS,
                    Read.strings(v.path("aggs")), depth.isNumber() ? Math.max(0, depth.asInt()) : DEFAULT_MAX_DEPTH,
                    Read.string(v.path("statement"), ""));
        }
    }

    /**
     * {@code scope}: the result columns holding CI codes ({@code columnsListed}: whether {@code columns}
     * is an array at all, as the check of the clause requires) and the companion counting the CIs left
     * out ("" for none).
     */
    public record Scope(List<String> columns, boolean columnsListed, String outside) {
        public Scope {
            columns = List.copyOf(columns);
        }
    }

    /** {@code search}: how a search template finds and quotes documents. */
    public record Search(int topK, int passageChars, String ciParam, String ciTypeParam, List<String> kinds,
                         List<String> tags) {
        public static final int DEFAULT_TOP_K = 5;
        public static final int DEFAULT_PASSAGE_CHARS = 700;
        public static final String DEFAULT_CI_PARAM = "ci_code";
        public static final String DEFAULT_CI_TYPE_PARAM = "ci_type";
        /** The statement of a search template that gives none: the question's words. */
        public static final String DEFAULT_STATEMENT = "{question}";

        public Search {
            kinds = List.copyOf(kinds);
            tags = List.copyOf(tags);
        }

        static Search from(JsonNode s) {
            return new Search(Read.integer(s.path("top_k"), DEFAULT_TOP_K),
                    Read.integer(s.path("passage_chars"), DEFAULT_PASSAGE_CHARS),
                    Read.string(s.path("ci_param"), DEFAULT_CI_PARAM),
                    Read.string(s.path("ci_type_param"), DEFAULT_CI_TYPE_PARAM),
                    Read.strings(s.path("kinds")), Read.strings(s.path("tags")));
        }
    }

    /** {@code result}: a Redis reply as a table (see the executor's RedisResults). */
    public record Result(boolean row, List<String> fields, List<String> params, Map<String, String> columns,
                         List<String> numbers, List<String> times) {
        public static final boolean DEFAULT_ROW = false;

        public Result {
            fields = List.copyOf(fields);
            params = List.copyOf(params);
            columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
            numbers = List.copyOf(numbers);
            times = List.copyOf(times);
        }

        static Result from(JsonNode r) {
            Map<String, String> renames = new LinkedHashMap<>();
            Read.members(r.path("columns")).forEach((from, to) -> {
                if (to.isTextual()) {
                    renames.put(from, to.textValue());
                }
            });
            return new Result(Read.bool(r.path("row"), DEFAULT_ROW), Read.strings(r.path("fields")),
                    Read.strings(r.path("params")), renames, Read.strings(r.path("numbers")),
                    Read.strings(r.path("times")));
        }
    }

    /**
     * {@code fixtures[]}: a canned result for mock mode. Its values are of any kind and stay JSON
     * values ({@code params}: the bound values it answers, {} for any call; {@code rows}: one list of
     * values per row).
     */
    public record Fixture(Map<String, JsonNode> params, List<String> columns, List<List<JsonNode>> rows) {
        public Fixture {
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }

        static Fixture from(JsonNode f) {
            List<List<JsonNode>> rows = new ArrayList<>();
            f.path("rows").forEach(row -> {
                List<JsonNode> values = new ArrayList<>();
                row.forEach(values::add);
                rows.add(values);
            });
            return new Fixture(Read.members(f.path("params")), Read.strings(f.path("columns")), rows);
        }
    }

    /** The tool of a template in this language that names none. */
    public static String toolFor(String language) {
        return REDIS.equals(language) ? REDIS_TOOL : SEARCH.equals(language) ? SEARCH_TOOL : DEFAULT_TOOL;
    }

    /** Whether this is the template resolving the CIs a plan names. */
    public boolean resolvesCis() {
        return RESOLVER_TOOL.equals(tool);
    }

    /** Whether it declares a parameter of this name. */
    public boolean declares(String param) {
        return params.stream().anyMatch(p -> p.name().equals(param));
    }

    /** Parses one template (null or missing: every default, name ""); unknown members are ignored. */
    public static QueryTemplate from(JsonNode template) {
        JsonNode q = template == null ? MissingNode.getInstance() : template;
        String name = Read.string(q.path("name"), "");
        String language = Read.string(q.path("language"), DEFAULT_LANGUAGE);
        JsonNode max = q.path("max_rows");
        List<JsonNode> listed = Read.objects(q.path("variants"));
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            variants.add(Variant.from(listed.get(i), i));
        }
        JsonNode scope = q.path("scope");
        return new QueryTemplate(name, language,
                Read.string(q.path("statement"), SEARCH.equals(language) ? Search.DEFAULT_STATEMENT : ""),
                Read.string(q.path("source"), ""), Read.string(q.path("title"), name),
                Read.string(q.path("tool"), toolFor(language)),
                max.isNumber() ? OptionalInt.of(max.intValue()) : OptionalInt.empty(),
                Read.objects(q.path("params")).stream().map(Param::from).toList(), variants,
                scope.isObject() ? Optional.of(new Scope(Read.strings(scope.path("columns")),
                        scope.path("columns").isArray(), Read.string(scope.path("outside"), ""))) : Optional.empty(),
                Search.from(q.path("search")),
                q.path("result").isObject() ? Optional.of(Result.from(q.path("result"))) : Optional.empty(),
                Read.objects(q.path("fixtures")).stream().map(Fixture::from).toList(),
                Read.string(q.path("analysis"), ""));
    }

    /** Whether the executor turns the rows into anomalous windows. */
    public boolean anomalyWindows() {
        return ANOMALY_WINDOWS.equals(analysis);
    }

    /** Whether the executor ranks the rows' CIs as likely causes of the symptom's trouble. */
    public boolean rootCause() {
        return ROOT_CAUSE.equals(analysis);
    }

    /** Whether the executor gives each sample of the range with its normal and band (a chart's data). */
    public boolean anomalyBand() {
        return ANOMALY_BAND.equals(analysis);
    }

    /** Whether the executor gives the status of each dependency in the rows (a health check's). */
    public boolean dependencyStatus() {
        return DEPENDENCY_STATUS.equals(analysis);
    }
}

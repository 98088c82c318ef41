package dev.opsuite.trace.domain.validation;

import static dev.opsuite.trace.domain.validation.AssetSpec.group;
import static dev.opsuite.trace.domain.validation.Field.field;
import static dev.opsuite.trace.domain.validation.Kind.INTEGER;
import static dev.opsuite.trace.domain.validation.Kind.NUMBER;
import static dev.opsuite.trace.domain.validation.Kind.OBJECT;
import static dev.opsuite.trace.domain.validation.Kind.STRING;
import static dev.opsuite.trace.domain.validation.Kind.STRINGS;
import static dev.opsuite.trace.domain.validation.Kind.TEXT;
import static dev.opsuite.trace.domain.validation.Kind.arrayOf;
import static dev.opsuite.trace.domain.validation.Kind.mapOf;

import dev.opsuite.model.asset.PromptDefaults;
import dev.opsuite.model.asset.PromptRules;
import dev.opsuite.model.asset.PromptUnderstanding;
import java.util.List;

/** The rules planner's words and settings in a Prompt asset ({@code rules}, except its time patterns). */
final class PromptRuleFields {
    static final String[] INTENT_GROUPS = {"list", "count", "search", "compare", "impact", "dependency", "composition",
        "calls", "runs_on", "neighbors", "path", "transitive", "direct", "history", "happened", "failure", "why",
        "before", "changed_before", "which", "anomaly", "anomaly_present"};
    private static final String[] OPS = {"gt", "ge", "lt", "le", "between"};

    private PromptRuleFields() {}

    static List<AssetSpec.Group> groups() {
        return List.of(vocabulary(), thresholds(), defaults(), understanding());
    }

    private static AssetSpec.Group vocabulary() {
        return group("Rules: direct answers and vocabulary",
                field("rules.direct", arrayOf(OBJECT), "Questions answered without a plan (greetings, the date, what "
                        + "one can ask), first match wins."),
                field("rules.direct[].name", STRING, "Name recorded with the answer.").byDefaultText(PromptRules.DirectRule.DEFAULT_NAME),
                field("rules.direct[].patterns", STRINGS, "Phrases that select the rule."),
                field("rules.direct[].answer", TEXT, "The answer; `{date}`, `{time}`, `{zone}`, `{weekday_ko}`, "
                        + "`{weekday_en}` are filled in."),
                field("rules.intent_keywords", mapOf(STRINGS), "Per intent group, the words that signal it "
                        + "(impact: \"impacted\", \"영향\").").keys(INTENT_GROUPS),
                field("rules.references", OBJECT, "Ids of events a question may name (\"INC-5327\"): the events that "
                        + "name one in their title or detail; before an incident, the incident so named."),
                field("rules.references.patterns", arrayOf(OBJECT), "Patterns of event ids (RE2 syntax, case-"
                        + "insensitive), matched where no CI name was spelt out."),
                field("rules.references.patterns[].pattern", STRING, "The pattern; its first group is the id."),
                field("rules.references.patterns[].event_type", STRING, "The event type that carries such ids "
                        + "(`incident` makes it the anchor of \"what changed before\").")
                        .byDefaultText(PromptRules.Reference.DEFAULT_EVENT_TYPE),
                field("rules.aggregations", mapOf(STRINGS), "Per aggregation, the words that ask for it (max: "
                        + "\"highest\", \"최대\").").keys(QueryFields.AGGS),
                field("rules.top_n", mapOf(STRINGS), "Words asking for a ranking, lowest first (`asc`) or highest "
                        + "first (`desc`).").keys("asc", "desc"),
                field("rules.trend", STRINGS, "Words asking for a time series (\"trend\", \"추이\")."),
                field("rules.trend_buckets", mapOf(STRINGS), "Per bucket width (\"1 day\", \"1 hour\", \"15 minutes\"), "
                        + "words asking for a time series in buckets of it (\"daily\", \"시간별\"); a width giving "
                        + "more than 1000 points over the range is replaced by one picked for it, shown in the "
                        + "reading.").keys("widths written \"n minutes|hours|days|weeks\""),
                field("rules.superlatives", STRINGS, "Ranking words that ask for one CI (\"highest\"), unless a "
                        + "plural follows."),
                field("rules.superlative_metrics", mapOf(STRING), "Ranking or aggregation words that imply a metric "
                        + "when none is named (\"slowest\": `latency_ms`, \"peak\": `cpu_usage`); the reading names it."),
                field("rules.negations", OBJECT, "Negation words: a negated value becomes an exclusion."),
                field("rules.negations.before", STRINGS, "Words before what they negate (\"not\", \"except\")."),
                field("rules.negations.after", STRINGS, "Words after it (\"빼고\", \"제외\")."),
                field("rules.negations.prefix", STRINGS, "Prefixes glued to it (\"non-\", \"비\")."),
                field("rules.weak_dependency_words", STRINGS, "Dependency words that alone do not make a graph "
                        + "question (\"need\")."),
                field("rules.depth_patterns", STRINGS, "Patterns whose first group is a graph depth (\"depth 3\", "
                        + "\"3단계\")."));
    }

    private static AssetSpec.Group thresholds() {
        return group("Rules: thresholds and numbers",
                field("rules.thresholds", arrayOf(OBJECT), "Patterns of metric conditions (\"over 80%\", \"80% "
                        + "이상\")."),
                field("rules.thresholds[].pattern", STRING, "A pattern with named groups `v` (the value), `v2` (an "
                        + "upper bound), `op` (the operator's words) and `unit`."),
                field("rules.thresholds[].op", STRING, "The operator; without it, `threshold_ops` of the `op` group "
                        + "decides (no operator: no condition).").known(OPS),
                field("rules.threshold_ops", mapOf(STRING), "Operator words → operator (\"more than\": `gt`).")
                        .known(OPS),
                field("rules.threshold_units", mapOf(NUMBER), "Unit words → factor into the metric's unit "
                        + "(\"초\": 1000, seconds to ms)."),
                field("rules.estate_metrics", STRINGS, "Metrics read for the estate as a whole (a live list such "
                        + "as the open alerts), not per CI: asked with no CI named, the plan lists them instead of "
                        + "asking which CI."),
                field("rules.documents", OBJECT, "Document questions (intent group `document`: runbooks, "
                        + "procedures, the meaning of an alert, the lessons of an incident): what the search prefers."),
                field("rules.documents.kinds", mapOf(STRINGS), "Per document kind (runbook, alert, postmortem, "
                        + "guide), words of the question that make it preferred (ranked higher, not required)."),
                field("rules.documents.only_words", STRINGS, "Words that make the documents the whole answer even "
                        + "when the question also reads as a data question (\"what does X mean\")."),
                field("rules.threshold_metric_words", mapOf(STRING), "Words after a threshold, or its own comparison "
                        + "word, → the metric they name (\"full\": `disk_usage`, \"slower than\": `latency_ms`)."),
                field("rules.number_words", mapOf(NUMBER), "Number words → value (\"three\": 3, \"a quarter of a\": "
                        + "0.25), for counts, top N, thresholds and times."));
    }

    private static AssetSpec.Group defaults() {
        return group("Rules: defaults and the hosting stack",
                field("rules.defaults", OBJECT, "What a plan uses when the question does not say."),
                field("rules.defaults.aggregate_range", STRING, "Time range of an aggregation.")
                        .byDefaultText(PromptDefaults.DEFAULT_AGGREGATE_RANGE),
                field("rules.defaults.top_range", STRING, "Time range of a ranking.").byDefaultText(PromptDefaults.DEFAULT_TOP_RANGE),
                field("rules.defaults.event_range", STRING, "Time range of an event history.")
                        .defaultIs("`history_range`"),
                field("rules.defaults.history_range", STRING, "Time range of an event history when `event_range` is "
                        + "not given.").byDefaultText(PromptDefaults.DEFAULT_HISTORY_RANGE),
                field("rules.defaults.top_n", INTEGER, "N of a ranking (\"the top CIs\").")
                        .byDefault(PromptDefaults.DEFAULT_TOP_N),
                field("rules.defaults.graph_depth", INTEGER, "Depth of a graph expansion (the Policy's "
                        + "`budget.max_depth` clamps it).").byDefault(PromptDefaults.DEFAULT_GRAPH_DEPTH),
                field("rules.defaults.impact_depth", INTEGER, "Not read: impact expansions use `graph_depth`."),
                field("rules.defaults.trend_bucket", STRING, "Bucket width of a time series (\"1 hour\").")
                        .byDefaultText(PromptDefaults.DEFAULT_TREND_BUCKET),
                field("rules.defaults.change_window_hours", INTEGER, "Hours before an incident searched for changes "
                        + "and deploys.").byDefault(PromptDefaults.DEFAULT_CHANGE_WINDOW_HOURS),
                field("rules.defaults.instant_lookback_minutes", INTEGER, "A measure asked at one moment (\"CPU "
                        + "at 14:30\") is its last sample at or before that minute, looked for this far back.")
                        .byDefault(PromptDefaults.DEFAULT_INSTANT_LOOKBACK_MINUTES),
                field("rules.defaults.anchor_range", STRING, "Where the incident a \"what changed before the "
                        + "incident\" question presupposes is looked for (its latest) when the question names no time.")
                        .byDefaultText(PromptDefaults.DEFAULT_ANCHOR_RANGE),
                field("rules.defaults.reference_range", STRING, "Where an event named by its id is looked for when the "
                        + "question names no day.").byDefaultText(PromptDefaults.DEFAULT_REFERENCE_RANGE),
                field("rules.type_layers", mapOf(INTEGER), "Per CI type, its layer in the hosting stack (0: "
                        + "servers, network, storage; higher: what runs on lower layers). It decides what \"runs on\" "
                        + "and typed relatives (\"the VMs of X\") mean.").keys("the CI types (`ci_type` values)"),
                field("rules.hosting_layers_below", INTEGER, "The layer from which CIs host nothing (apps and up): "
                        + "for them \"what does X run on\" reads as what X depends on.")
                        .byDefault(PromptRules.DEFAULT_HOSTING_LAYERS_BELOW),
                field("rules.running_state", STRING, "`field=value` of a CI that is running: a hosting word with no "
                        + "host named, right before a CI type (\"돌고 있는 VM\", \"running VMs\"), is this filter.")
                        .defaultIs("none (no such filter)"));
    }

    private static AssetSpec.Group understanding() {
        return group("Rules: understanding",
                field("rules.understanding", OBJECT, "How much of a question must be understood, and the words that "
                        + "decide what a phrase names."),
                field("rules.understanding.clarify_above", NUMBER, "Share of the question's words left unexplained "
                        + "above which the rules planner asks back instead of running its plan.")
                        .byDefault(PromptUnderstanding.DEFAULT_CLARIFY_ABOVE),
                field("rules.understanding.llm_above", NUMBER, "Under `rules_first`: share unexplained above which "
                        + "a rules plan counts as not runnable and the LLM is asked.")
                        .byDefault(PromptUnderstanding.DEFAULT_LLM_ABOVE),
                field("rules.understanding.definite_max_candidates", INTEGER, "A definite phrase (\"the Ochang VM\") "
                        + "names a CI only when at most this many CIs fit it.")
                        .byDefault(PromptUnderstanding.DEFAULT_DEFINITE_MAX_CANDIDATES),
                field("rules.understanding.definite_words", STRINGS, "Words making a phrase definite (\"the\", "
                        + "\"this\", \"그\")."),
                field("rules.understanding.bare_count_words", STRINGS, "Count words (\"몇\") that, before a unit or "
                        + "after a value word, ask for a value rather than a number of CIs."),
                field("rules.understanding.value_words", STRINGS, "Value words before a bare count word (\"지금\")."),
                field("rules.understanding.when_words", STRINGS, "Words asking when (\"언제\", \"at what time\"; "
                        + "`^…` is a pattern on the question, its group claimed). Understood only by an answer that "
                        + "gives a time — events, or a maximum, minimum or last sample with the time it was "
                        + "taken; else listed as not understood."),
                field("rules.understanding.whole_words", STRINGS, "Words made of two shorter known ones that are "
                        + "words of their own (\"update\" is not \"up date\", \"downtime\" not \"down time\"): never "
                        + "split as glued words."),
                field("rules.understanding.counters", STRINGS, "Korean counters (\"개\", \"대\", \"행\") after a number "
                        + "that make it a count: a number word (\"열\", \"세\") is a count of a top/bottom question only "
                        + "with one after it, and \"3행\" is three, not a name."),
                field("rules.understanding.corrections", STRINGS, "Patterns (RE2, any case) of the words by which a "
                        + "writer takes back what they just wrote (\"no wait\", \", no,\", \"I mean\", \"아니\", \"말고\"): "
                        + "after one, the first measure, aggregate, type, value, CI or time stands for the last of its "
                        + "kind before it, which is read as corrected and said in the reading (not after \"다른\", "
                        + "\"other\": \"X 말고 다른 DB\" excludes X; \"X 말고도\" and \"A뿐만 아니라 B\" ask both)."),
                field("rules.understanding.type_doubts", STRINGS, "Patterns (RE2, any case) of the words by which a "
                        + "writer says they do not know which of the CI types they name is meant (\"no idea if it's the "
                        + "host or the VM\", \"서버인지 VM인지 모르겠습니다\"): a question about one CI then asks between "
                        + "the CIs of those types at the place it names or of the CI it names, never picks one."),
                field("rules.understanding.place_one_words", STRINGS, "Words right after a place that make it "
                        + "one CI there (\"the Sydney one\", \"the Rocks thing\", \"부산 쪽\", \"목포 거\"): a question "
                        + "about one measure with no CI, type, list, count or ranking asks between the CIs at that place "
                        + "(at most definite_max_candidates), never answers for all of them or for one guessed."),
                field("rules.understanding.name_word_equivalents", mapOf(STRINGS), "Per word said right before or "
                        + "after a name several CIs share (\"korean\", \"일본\"), its other spellings as whole words of CI "
                        + "names and codes (kr, korea, 한국): the CIs that have one are meant (\"the korean zone server\" is "
                        + "zone-server-kr, not a question between it and zone-server-jp); none or all: nothing changes."),
                field("rules.understanding.state_inclusions", STRINGS, "Patterns (any case) around a state word, "
                        + "written `@state`, by which the writer includes the CIs in that state instead of asking for "
                        + "them alone (\"@state\\s*(?:것|거)?\\s*도\\s*포함\": \"꺼져 있는 것도 포함해서\"; \"including\\s+@state\"): "
                        + "the state is then no filter, and is read, not left unexplained."),
                field("rules.understanding.all_well", STRINGS, "Patterns (any case) around a state word, written "
                        + "`@state`, by which the writer asks whether every CI is in that state (\"(?:다|모두)\\s*@state\": "
                        + "\"다 정상이야?\"; \"every(?:thing)?\\s+(?:is\\s+)?@state\"): with no CI named, the CIs not in it "
                        + "answer the question, and none means yes."),
                field("rules.understanding.any_sample_words", STRINGS, "Words asking about any one sample of a "
                        + "range (\"ever\", \"at any point\", \"한 번이라도\", \"적 있\"): beside a threshold, the range's maximum "
                        + "when the threshold is above (\"did X ever go over 90\") and its minimum when below (\"ever drop "
                        + "below 10\"); alone, its maximum."),
                field("rules.understanding.duration_words", STRINGS, "Patterns (any case) asking how long "
                        + "(\"how\\\\s+long\", \"얼마\\\\s*동안\", \"시간이 얼마나\"): beside a threshold on a measure the question "
                        + "names, the samples over the threshold, counted with the time they cover (\"how long was X over 80% "
                        + "cpu\"), not a measure of their own; with no threshold, the words read as before."),
                field("rules.understanding.measure_movement", STRINGS, "Patterns (any case) of a measure "
                        + "moving (\"went\\\\s+down\", \"내려(?:가|갔|간)\"): right after a measure the question names, with no "
                        + "CI named between, the measure going down — beside a threshold the samples past it, alone its "
                        + "course over time — not an outage of the CI (\"X cpu 내려갔어?\"); elsewhere the words read as before."),
                field("rules.understanding.free_share", STRINGS, "Patterns (any case) of a free, available or "
                        + "remaining share (\"\\\\bfree\\\\b\", \"여유\", \"남은\"): beside a threshold in percent on a measure "
                        + "kept as a share used (unit %), the rest of it — \"less than 10% free disk\" is disk usage over 90 %; "
                        + "a free amount in other units stays unread."),
                field("rules.understanding.latest_event_words", STRINGS, "Words asking for the latest event of "
                        + "a kind (\"last\", \"latest\", \"최근\", \"마지막\"), matched as whole words: beside a word asking when "
                        + "(`when_words`), a kind of event or a failure named, at most one CI and no time named (\"when was X "
                        + "last deployed\", \"X 최근 배포 언제?\"), the one latest such event, looked for as far back as "
                        + "`rules.defaults.anchor_range` — not the events of the default range."),
                field("rules.understanding.type_word_also", mapOf(STRINGS), "Per CI type a type word names "
                        + "(`service`), the other CI types people also call by that word (`app`): right after a CI's "
                        + "name, as one noun phrase (\"the relay-api service\", \"신고 서비스가\"), a type word that "
                        + "names the CI's own type or one listed here is that CI's own word, not a filter."),
                field("rules.understanding.value_units", STRINGS, "Units after a bare count word (\"%\", \"ms\")."),
                field("rules.understanding.question_words", STRINGS, "Question words the list group also holds "
                        + "that do not ask for a list (\"which\", \"어떤\")."),
                field("rules.understanding.place_fields", STRINGS, "`entity.field` names holding places: a word every "
                        + "matching CI shares there is read as the place (\"in Gwacheon\")."),
                field("rules.understanding.relation_intents", STRINGS, "Intent groups about a CI's relations: with "
                        + "one, a type and a place name one CI.").known(INTENT_GROUPS),
                field("rules.understanding.messages", OBJECT, "Texts the rules planner asks back with."),
                field("rules.understanding.messages.clarify", TEXT, "Too much is unexplained (`{words}`)."),
                field("rules.understanding.messages.unreadable_time", TEXT, "A time cannot be read (`{problems}`)."),
                field("rules.understanding.messages.not_understood", TEXT, "Not read by this version."));
    }
}

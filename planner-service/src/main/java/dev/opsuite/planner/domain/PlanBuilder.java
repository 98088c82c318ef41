package dev.opsuite.planner.domain;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.model.asset.PromptDefaults;
import dev.opsuite.model.asset.PromptRules;
import dev.opsuite.planner.domain.understand.Claim;
import dev.opsuite.planner.domain.understand.Clauses;
import dev.opsuite.planner.domain.understand.EntityDictionary;
import dev.opsuite.planner.domain.understand.LinkedEntity;
import dev.opsuite.planner.domain.understand.Signals;
import dev.opsuite.planner.domain.understand.TimeReading;
import dev.opsuite.planner.domain.understand.Understanding;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a Plan from a question's {@link Understanding}: graph questions (path, impact, what runs
 * on / where X runs, calls, dependencies), what changed before an incident, events, metric
 * questions (thresholds, comparisons, top/bottom-N, trends, aggregates, latest), attributes,
 * counts, searches and lists. The decision order is fixed here; every word comes from the assets.
 */
final class PlanBuilder {
    private static final List<String> GRAPH_BLOCKS = List.of("text", "network", "table");
    private static final List<String> TABLE_BLOCKS = List.of("text", "table");

    private final PromptRules rules;
    private final OffsetDateTime now;
    private final MetricSpecs specs;
    private final Signals s;
    private final Understanding u;
    private final PlanParts parts;
    private final GraphCues cues;
    private final EventPlans events;
    private final AnomalyPlans anomalies;

    PlanBuilder(PromptRules promptRules, OffsetDateTime now, Signals signals, String entity) {
        this.rules = promptRules;
        this.now = now;
        this.specs = new MetricSpecs(promptRules, now);
        this.s = signals;
        this.u = signals.understanding();
        this.parts = new PlanParts(u, signals, entity);
        this.cues = new GraphCues(promptRules, signals);
        this.events = new EventPlans(now, signals, parts, promptRules.understanding().latestEventWords());
        this.anomalies = new AnomalyPlans(specs, signals, parts);
    }

    PlanModel build(String normalizedQuestion) {
        PlanModel p = DocumentQuestions.apply(decide(), normalizedQuestion, rules.documents(), s);
        return parts.finish(p, normalizedQuestion, now);
    }

    private PlanModel decide() {
        PromptDefaults defaults = rules.defaults();
        List<LinkedEntity> ents = s.entities();
        LinkedEntity first = ents.isEmpty() ? null : ents.get(0);
        // without a dictionary, unexplained words stand for the CI until EXECUTE resolves them
        boolean named = first != null || !u.dictionaryUsed() && !u.unexplained().isEmpty() || !u.nameShaped().isEmpty();
        // "direct dependencies", "바로 호출하는": one hop; else the question's depth or the default
        boolean transitive = u.of("intent").stream().anyMatch(c -> c.value().equals("transitive") && !cues.negated(c));
        // "also the not direct ones": a negated "direct" asks for the whole closure
        boolean direct = u.of("intent").stream().anyMatch(c -> c.value().equals("direct") && !cues.negated(c));
        boolean indirect = u.of("intent").stream().anyMatch(c -> c.value().equals("direct") && cues.negated(c));
        int depth = u.depth().orElse(direct && !transitive && !indirect ? 1 : defaults.graphDepth());
        int checkDepth = u.depth().isPresent() || transitive || indirect ? depth : 1; // a health check's: one hop
        List<PlanModel.Filter> filters = RunningStateWords.filters(s, rules, s.filters(), named);

        // "what changed on X in the past two weeks", "어제 바뀐 거": a stated range with no failure to come
        // before is the changes over that range, not those before X's last incident
        if (s.changesOverRange()) {
            return events.events(ents, filters, List.of("deploy", "change"), false, defaults);
        }
        // "INC-5327 전에 바뀐 거": an incident named by its id is the anchor, and its CI the one meant
        if (s.changedBefore() && (named || !s.references("incident").isEmpty())) {
            return events.changesBeforeIncident(ents, filters, defaults);
        }
        // "A → B", "A에서 B까지 어떻게 연결돼": two CIs joined by an arrow or a connection word are a path
        boolean joined = ents.size() == 2 && (s.intent("neighbors") || cues.arrowBetween(ents.get(0), ents.get(1))
                || s.metric().isEmpty() && cues.betweenTwo(ents.get(0), ents.get(1)));
        if ((s.intent("path") || joined) && (ents.size() >= 2 || !u.dictionaryUsed() && named)) {
            return parts.plan(Intent.PATH, View.PATH, cues.pathEnds(ents), filters, graph(6, "both", List.of()), null, null,
                    GRAPH_BLOCKS).plan();
        }
        // "… 오류율 최고 얼마였노? 그날 00UTC 런 다 날아갔다 아이가": a failure told in a remark is no impact asked
        if ((s.intent("impact") && !s.onlyInRemark("impact") || cues.dependentsOf(first)) && !cues.subjectDepends(first)) {
            if (first != null) {
                s.premiseOf(first);
            }
            return parts.plan(Intent.EXPAND, View.IMPACT, ents, first == null ? filters : s.filters(),
                    graph(depth, "in", List.of()), null, null, GRAPH_BLOCKS).plan();
        }
        // "the most recent event on it": the events of the CI, not what runs on it
        Optional<Claim> runsOn = s.intent("history") ? Optional.empty() : s.intentClaim("runs_on");
        boolean needsToRun = s.intent("dependency") && !s.intent("impact"); // "X가 돌아가려면 뭐가 필요해"
        if (runsOn.isPresent() && named && first != null && (needsToRun
                || cues.layer(first) > rules.hostingLayersBelow())) {
            // a service or a load balancer runs on nothing directly: what it needs to run is what it depends on
            return parts.plan(Intent.EXPAND, View.DEPENDENCY, ents, filters, graph(depth, "out", List.of()), null, null,
                    GRAPH_BLOCKS).plan();
        }
        if (runsOn.isPresent() && named) {
            boolean hosted = first != null && cues.hostedOn(first, runsOn.get());
            return parts.plan(Intent.EXPAND, hosted ? View.COMPOSITION : View.DEPENDENCY, ents, filters,
                    graph(depth, hosted ? "in" : "out", List.of("RUNS_ON", "HOSTS")), null, null, GRAPH_BLOCKS).plan();
        }
        // "월요일 장애 보고서 초안을 쓰는 중이라 … 뉴스 홈페이지에 … 어떤 이벤트들이 있었는지": a calling word in a clause that
        // asks nothing and names no CI is narrative ("writing a draft"), not a question of calls
        String text = u.analyzed().text();
        Optional<Claim> calls = s.intentClaim("calls").filter(c -> !cues.aNounCall(c) && (first == null
                || cues.sameSentence(c.span(), first.span()) || Clauses.asks(text, Clauses.of(text, c.span().start()))));
        if (calls.isPresent() && named && !(s.metric().isPresent() && (first != null
                && !cues.sameSentence(calls.get().span(), first.span()) || cues.measureIsObjectOf(calls.get())))) {
            if (first != null && cues.askedTypesAbove(first) && !cues.subjectCalls(first, calls.get())) {
                // "fleet-db 쓰는 서비스": a type above the CI can only be among what depends on it, at any depth
                return parts.plan(Intent.EXPAND, View.IMPACT, ents, filters, graph(depth, "in", List.of()), null, null,
                        GRAPH_BLOCKS).plan();
            }
            boolean callers = first != null && cues.calledBy(first);
            if (!callers && first != null && usesTypes(u, calls.get(), filters) && u.depth().isEmpty() && depth > 1) {
                // "앱백엔드가 쓰는 디비 전부", "그 서비스가 쓰는 앱들": a word of using with the CI its subject and a type asked
                // is what the CI depends on at any depth ("which DBs does X use"), one hop only when "직접" says so
                return parts.plan(Intent.EXPAND, View.DEPENDENCY, ents, filters, graph(depth, "out", List.of()), null,
                        null, GRAPH_BLOCKS).plan();
            }
            return parts.plan(Intent.EXPAND, callers ? View.IMPACT : View.DEPENDENCY, ents, filters,
                    graph(u.depth().orElse(1), callers ? "in" : "out", List.of("DEPENDS_ON", "CONNECTS_TO")), null,
                    null, GRAPH_BLOCKS).plan();
        }
        // "…평균 응답시간 좀 알려 주세요, 고객님이 전화 연결된 채로 기다리고 계세요": with a measure asked, a word of relations in
        // a remark after the asking clause is not what is asked
        boolean measured = s.metric().isPresent();
        if (!measured && anomalies.asked() && named && ents.size() == 1
                && (s.intent("dependency") || cues.subjectDepends(first))) {
            // "anything abnormal on X or its dependencies?": X's health check, which reads what X depends on — not a
            // listing of X's dependencies with the word of the unusual left unexplained
            PlanModel listed = events.events(ents, filters, events.askedTypes(), events.failuresAsked(), defaults);
            return healthCheck(listed, checkDepth);
        }
        for (String[] v : new String[][] {{"dependency", "DEPENDENCY", "out"}, {"composition", "COMPOSITION", "out"},
                {"neighbors", "NEIGHBORS", "both"}}) {
            boolean said = measured ? s.intentBeforeRemarks(v[0]) : s.intent(v[0]);
            if ((said || v[0].equals("dependency") && cues.subjectDepends(first)) && named
                    && !(v[0].equals("dependency") && cues.weakDependencyAside())) {
                int d = v[0].equals("neighbors") ? u.depth().orElse(1) : depth;
                if (v[0].equals("dependency") && first != null && cues.askedTypesAbove(first)) {
                    // "which services depend on the ledger database": only its dependents can be of a higher layer
                    return parts.plan(Intent.EXPAND, View.IMPACT, ents, filters, graph(d, "in", List.of()), null, null,
                            GRAPH_BLOCKS).plan();
                }
                return parts.plan(Intent.EXPAND, View.valueOf(v[1]), ents, filters, graph(d, v[2], List.of()), null,
                        null, GRAPH_BLOCKS).plan();
            }
        }
        if (cues.whichHostOf(first)) {
            // "which physical server is X on?", "X는 어떤 VM에 있어": where X runs, of that type
            return parts.plan(Intent.EXPAND, View.DEPENDENCY, ents, filters, graph(depth, "out", List.of("RUNS_ON", "HOSTS")),
                    null, null, GRAPH_BLOCKS).plan();
        }
        List<String> eventTypes = events.askedTypes();
        // an incident's id pasted as context ("INC-… 타임라인 작성용: 8월 14일 Peak 이벤트 전부") asks for no failures
        boolean failures = events.failuresAsked();
        boolean metricAsked = s.metric().isPresent();
        // "which servers had CPU anomalies?", "db-01이랑 db-02에 이상 징후 있어?": the windows of a set of CIs
        Optional<PlanModel> among = failures ? Optional.empty()
                : anomalies.among(ents, filters, defaults, named, eventTypes);
        if (among.isPresent()) {
            return among.get();
        }
        // "[INC-…] 발생 구간 … — X 평균 응답시간은?": with a measure asked, a word of events in the context is context
        // "when did X's CPU go abnormal?": a measure asked with a word of the unusual asks for its anomalous windows
        boolean anomalyAsked = metricAsked && anomalies.asked();
        // with no measure, the same words ("X seems off") ask for a health check: X's events and every measure's windows
        boolean eventsAsked = !anomalyAsked && (metricAsked ? s.askedIntent("history") || s.askedIntent("happened")
                : s.intent("history") || s.intent("happened") || anomalies.asked() && named);
        Optional<String> relative = metricAsked || !eventTypes.isEmpty() || failures || s.intent("history")
                || s.intent("happened") || anomalies.asked() ? Optional.empty() : cues.typedRelative(first, ents.size());
        if (relative.isPresent()) {
            // "vm for X", "X 물리 서버 어디야", "SB-HV-03의 vm들": CIs of another type around X, up or down the
            // hosting chain by the types' layers (rules.type_layers), or what X depends on at its own layer
            String dir = relative.get();
            PlanParts.Draft d = dir.equals("same")
                    ? parts.plan(Intent.EXPAND, View.DEPENDENCY, ents, filters, graph(depth, "out", List.of()), null, null,
                    GRAPH_BLOCKS)
                    : dir.equals("dependents")
                    ? parts.plan(Intent.EXPAND, View.IMPACT, ents, filters, graph(depth, "in", List.of()), null, null,
                    GRAPH_BLOCKS)
                    : parts.plan(Intent.EXPAND, dir.equals("out") ? View.DEPENDENCY : View.COMPOSITION, ents, filters,
                    graph(depth, dir, List.of("RUNS_ON", "HOSTS")), null, null, GRAPH_BLOCKS);
            return (s.intent("count") ? d.counted() : d).plan();
        }
        // "why is X slow?", "X가 느린 원인이 뭐야?": the likely causes among what X depends on (its measure asked, if
        // any, is the symptom), with the events around them — never X's latest value with the "why" dropped. A
        // kind of event named other than the trouble itself ("빌드 실패 원인"), an event's id or a threshold keeps the
        // question what it was.
        if (s.askedIntent("why") && named && ents.size() == 1 && s.references().isEmpty() && u.thresholds().isEmpty()
                && List.of("incident", "alert").containsAll(eventTypes) && !s.intent("history")
                && !s.intent("document")) {
            // (a failure word's state filter — "why is X down" — describes the trouble, it narrows nothing)
            return rootCause(ents, List.of(), defaults, u.depth().orElse(ROOT_CAUSE_DEPTH));
        }
        if (!eventTypes.isEmpty() && !metricAsked || eventsAsked
                || !s.references().isEmpty() && !metricAsked
                || s.intent("why") && failures && !metricAsked) {
            PlanModel listed = events.events(ents, filters, eventTypes, failures, defaults);
            return anomalies.asked() && ents.size() == 1 ? healthCheck(listed, checkDepth) : listed;
        }
        if (metricAsked) {
            return metricPlan(ents, filters, defaults, named);
        }
        List<String> fields = s.fields();
        if (!fields.isEmpty() && named) {
            // "X 상태 어때? 살아있어?", "who owns X out in Ontario?": beside one CI named, a state or place word
            // describes it or is the yes or no asked of the fields shown — nothing for its attributes to filter
            boolean one = first != null && first.resolved() && ents.size() == 1;
            return parts.plan(Intent.LOOKUP, View.SUMMARY, ents, one ? List.of() : filters, null, null, null,
                    TABLE_BLOCKS).withFields(fields).plan();
        }
        if (s.intent("search") && first == null) {
            return parts.search(filters);
        }
        if (!named && (!filters.isEmpty() || s.intent("list") || s.intent("count"))) {
            PlanParts.Draft d = parts.plan(Intent.LIST, View.SUMMARY, List.of(), filters, null, null, null, TABLE_BLOCKS);
            return (s.intent("count") ? d.counted() : d).plan();
        }
        // one CI and a filter word ("is the backup nas up?"): the question is about that field
        List<String> asked = filters.stream().map(PlanModel.Filter::field).toList();
        return parts.plan(Intent.LOOKUP, View.SUMMARY, ents, List.of(), null, null, null, TABLE_BLOCKS)
                .withFields(named ? asked : List.of()).plan();
    }

    /**
     * "Is anything abnormal on X?", "X 요즘 좀 이상한데 살펴봐 줘": X's events over the range and, beside them,
     * the windows where any of X's measures left its normal (agg anomaly, no measure named) — a health check.
     * A question about an incident or an event id stays a list of events. The status of what X depends on is read
     * to {@code depth} hops (one unless the question names a depth or the indirect ones; the Policy clamps it).
     */
    private static PlanModel healthCheck(PlanModel listed, int depth) {
        PlanModel.History h = listed.history();
        if (!h.enabled() || !h.anchor().isEmpty() || !h.eventRef().isEmpty() || listed.output().count()) {
            return listed;
        }
        PlanModel.Metric m = new PlanModel.Metric("", PlanModel.Metric.ANOMALY, h.timeRange(), h.timeFrom(), h.timeTo(),
                "", 0, "", h.timeStated(), null);
        return listed.with(listed.view(), listed.primary(), listed.secondary(), graph(depth, "out", List.of()), m, h);
    }

    /**
     * The likely causes of X's trouble over the range asked (else the aggregate range, said in the reading): the
     * measures of X and of what X depends on (up to the depth, which the Policy clamps) judged against their
     * normal, beside the events of those CIs over the same range.
     */
    private PlanModel rootCause(List<LinkedEntity> ents, List<PlanModel.Filter> filters, PromptDefaults defaults,
                                int depth) {
        PlanModel.Metric m = specs.metric(s.metric().orElse(""), PlanModel.Metric.ROOT_CAUSE, u.time(),
                defaults.aggregateRange(), "", 0, "", null, true);
        PlanModel.History h = new PlanModel.History(true, List.of(), List.of(), m.timeRange(), m.timeFrom(), m.timeTo(),
                0, m.timeStated(), "", 0, "");
        return parts.plan(Intent.LIST, View.SUMMARY, ents, filters, graph(depth, "out", List.of()), m, h, TABLE_BLOCKS)
                .plan();
    }

    /** Each CI a group word names, as a CI named on its own. */
    private static List<LinkedEntity> each(LinkedEntity group) {
        return group.candidates().stream().map(c -> group.narrowedTo(List.of(c))).toList();
    }

    /** A word matched as a whole word or prefix of names: it names a group of CIs, not a misspelt one. */
    private static boolean groupWord(LinkedEntity e) {
        return e.rank() == EntityDictionary.Rank.TOKEN || e.rank() == EntityDictionary.Rank.PREFIX;
    }

    private PlanModel metricPlan(List<LinkedEntity> given, List<PlanModel.Filter> filters, PromptDefaults defaults,
                                 boolean named) {
        String metric = s.metric().orElseThrow();
        // "the busiest maru vm": a part of names with a superlative ranks the CIs it names, not a choice to ask for
        List<LinkedEntity> ents = given.size() == 1 && groupWord(given.get(0)) && !given.get(0).resolved()
                && s.order().isPresent() ? each(given.get(0)) : given;
        if (anomalies.asked() && named && ents.size() == 1 && u.thresholds().isEmpty()) {
            // the windows where X's measure left its normal over the range (or the default one, said in the reading)
            PlanModel.Metric m = specs.metric(metric, PlanModel.Metric.ANOMALY, u.time(), defaults.aggregateRange(), "",
                    0, "", null, true);
            return parts.plan(Intent.AGGREGATE, View.SUMMARY, ents, filters, null, m, null, TABLE_BLOCKS).plan();
        }
        // "the last reading" with no time named is the latest one: no aggregation over a range
        Optional<String> agg = s.agg().filter(a -> !a.equals("count") || !s.intent("count"))
                .filter(a -> !a.equals("last") || u.time().present());
        // "of A, B, C which 2 are busiest" ranks the named CIs; "compare A and B on their worst" does not
        boolean rankNamed = ents.size() >= 2 && s.order().isPresent() && (!s.intent("compare") || u.topN().isPresent());
        if ((rankNamed || !named && s.order().isPresent()) && !u.time().present() && sameWordOrdersAndAggregates()) {
            // "which 2 have the highest memory right now", "in Busan which 3 CIs have the highest CPU now": "highest"
            // orders the CIs (named, or of a place or type) by their current values, it is no maximum over a range
            agg = Optional.empty();
        }
        if (agg.isEmpty() && named && s.order().isPresent() && (ents.size() == 1 || ents.size() >= 2 && !rankNamed)) {
            // one CI (or each CI compared) "at its worst", "slowest this week": the extreme of its own series
            agg = Optional.of(s.order().get().equals("asc") ? "min" : "max");
        }
        TimeReading t = u.time();
        boolean compare = s.intent("compare") || ents.size() >= 2;
        if (!u.thresholds().isEmpty() || !named && !filters.isEmpty() && s.order().isEmpty() && !compare) {
            Understanding.Threshold th = u.thresholds().isEmpty() ? null : u.thresholds().get(0);
            // "when was X above 90%": its samples over it are counted, with the first and the last one's time
            boolean when = th != null && ents.size() == 1 && !u.of("when").isEmpty();
            String a = agg.orElse(when ? "count" : t.present() ? MetricSpecs.rangedAgg(t) : "latest");
            PlanModel.Metric m = specs.metric(metric, a, t, defaults.aggregateRange(), "", 0, "",
                    th == null ? null : new PlanModel.Threshold(th.op(), th.value(), th.upper()), !a.equals("latest"));
            // "원장 DB, 결제 DB, 고객 DB 중에서 CPU가 60%를 넘는 데": the condition among the CIs named; one CI
            // named ("CPU 80% 넘는 maru 서버") is the condition on that CI, never dropped for the whole estate; a
            // part of names ("maru", "k8s-node") is every CI it names, not a choice to ask for
            List<LinkedEntity> among = ents.size() == 1 && groupWord(ents.get(0)) ? each(ents.get(0)) : ents;
            PlanParts.Draft d = parts.plan(Intent.LIST, View.SUMMARY, among, filters, null, m, null, TABLE_BLOCKS);
            d = among.isEmpty() ? d : d.compared();
            return (s.intent("count") ? d.counted() : d).plan();
        }
        if (compare && ents.size() >= 2) {
            String a = agg.orElse(t.present() ? MetricSpecs.rangedAgg(t) : "latest");
            // "of A, B, C and D which 2 are busiest": the named CIs ranked, the first n kept
            int n = rankNamed ? Math.min(ents.size(), u.topN().orElse(singular() ? 1 : ents.size())) : 0;
            PlanModel.Metric m = specs.metric(metric, a, t, defaults.aggregateRange(), "", n,
                    rankNamed ? s.order().get() : "", null, !a.equals("latest"));
            return parts.plan(Intent.AGGREGATE, View.SUMMARY, ents, filters, null, m, null, TABLE_BLOCKS).compared()
                    .plan();
        }
        if (s.order().isPresent() && !named) {
            // "top 3 VMs by CPU" ranks current values; a named range or aggregation ranks that aggregate
            boolean ranged = t.present() || agg.isPresent();
            int n = u.topN().orElse(singular() ? 1 : defaults.topN());
            PlanModel.Metric m = specs.metric(metric, agg.orElse(ranged ? MetricSpecs.rangedAgg(t) : "latest"), t,
                    defaults.topRange(), "", n, s.order().get(), null, ranged);
            return parts.plan(Intent.AGGREGATE, View.SUMMARY, List.of(), filters, null, m, null, TABLE_BLOCKS).plan();
        }
        if (s.trend() && !s.bucket().map(b -> MetricSpecs.oneBucket(t, b)).orElse(false)) {
            // "daily", "시간별" name the bucket; else it is picked for the range. A bucket as wide as the range
            // named is no series ("the weekly" report's "average CPU on Monday" is one day's average)
            PlanModel.Metric m = specs.metric(metric, agg.orElse("avg"), t, defaults.aggregateRange(),
                    s.bucket().orElse("trend"), 0, "", null, true);
            return parts.plan(Intent.AGGREGATE, View.SUMMARY, ents, filters, null, m, null,
                    List.of("text", "chart", "table")).plan();
        }
        if (agg.isPresent() || t.present()) {
            PlanModel.Metric m = specs.metric(metric, agg.orElse(MetricSpecs.rangedAgg(t)), t, defaults.aggregateRange(),
                    "", 0, "", null, true);
            return parts.plan(Intent.AGGREGATE, View.SUMMARY, ents, filters, null, m, null, TABLE_BLOCKS).plan();
        }
        PlanModel.Metric m = new PlanModel.Metric(metric, "latest", "", "", "", "", 0, "");
        if (!named && ents.isEmpty() && specs.estateWide(metric)) {
            // "지금 열려 있는 알림은?": a reading of the whole estate (rules.estate_metrics), not of one CI to ask for
            return parts.plan(Intent.LIST, View.SUMMARY, List.of(), filters, null, m, null, TABLE_BLOCKS).plan();
        }
        return parts.plan(Intent.LOOKUP, View.SUMMARY, ents, filters, null, m, null, TABLE_BLOCKS).plan();
    }

    /** Whether the word read as the aggregation ("highest": max) is the word read as the order (desc). */
    private boolean sameWordOrdersAndAggregates() {
        return u.of("agg").stream().anyMatch(a -> u.of("top").stream().anyMatch(t -> a.span().overlaps(t.span())));
    }

    /**
     * "which database has the fullest disk", "메모리가 제일 낮은 거": a superlative with no count and
     * no plural asks for one CI.
     */
    private boolean singular() {
        boolean superlative = u.of("top").stream().anyMatch(c -> rules.superlatives().stream().anyMatch(
                w -> c.text().equals(w) || c.text().startsWith(w + " ")));
        String text = u.analyzed().text();
        boolean plural = u.of("enum").stream().anyMatch(c -> c.value().contains(".ci_type=") && (c.text().endsWith("s")
                || c.span().end() < text.length() && text.startsWith("들", c.span().end())))
                || u.has("intent", "list") && u.of("intent").stream().anyMatch(c -> c.text().startsWith("all")
                || c.text().equals("모든") || c.text().equals("전체"));
        return superlative && !plural;
    }

    /**
     * How far from X its likely causes are looked for unless the question says: the shipped Policy's max_depth,
     * which clamps it (2 until 2026-12-07; the template bounds what it reads and says so: docs/incidents.md).
     */
    static final int ROOT_CAUSE_DEPTH = 6;

    /**
     * Whether the calling word is also one of Prompt {@code rules.intent_keywords.uses} ("쓰는", "사용하는": words of
     * using, which the calls group holds for "X를 쓰는 앱", its callers) and the question asks for CIs of a type.
     */
    private static boolean usesTypes(Understanding u, Claim calls, List<PlanModel.Filter> filters) {
        return u.of("intent").stream().anyMatch(c -> c.value().equals("uses") && c.span().equals(calls.span()))
                && filters.stream().anyMatch(f -> f.field().equals("ci_type") && f.op().equals("eq"));
    }

    private static PlanModel.Graph graph(int depth, String direction, List<String> relations) {
        return new PlanModel.Graph(depth, relations, direction, 200);
    }
}

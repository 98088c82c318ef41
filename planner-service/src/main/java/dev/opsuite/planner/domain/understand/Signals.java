package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.PlanModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a question asks for, read off its claims: metric, aggregation, order, intent groups, the
 * filters on the primary entity (enum words and the estate's own field values), event types and
 * severities, attribute fields — and the CIs it names, after type words next to a name narrowed an
 * ambiguous one ("ledger db" among ledger-api / ledger-db) and stopped being filters.
 */
public final class Signals {
    private final Understanding u;
    private final String primaryEntity;
    private final String eventsEntity;
    private final List<LinkedEntity> entities = new ArrayList<>();
    private final List<Claim> descriptors = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();

    public Signals(Understanding u, String primaryEntity, String eventsEntity) {
        this.u = u;
        this.primaryEntity = primaryEntity;
        this.eventsEntity = eventsEntity;
        // a comparison or a path names several CIs: there a partial name beside an exact one is meant
        boolean several = u.has("intent", "compare") || u.has("intent", "path");
        NameNarrowing narrowing = new NameNarrowing(u, primaryEntity, descriptors);
        boolean exact = !several
                && u.entities().stream().anyMatch(e -> e.rank().score >= EntityDictionary.Rank.EXACT_NAME.score);
        for (LinkedEntity e : u.entities()) {
            LinkedEntity n = ownDataFirst(narrowing.byPlace(narrowing.byWholeName(narrowByType(e))));
            Optional<LinkedEntity> again = entities.stream().filter(x -> n.resolved() && x.resolved()
                    && x.entity().ciCode().equals(n.entity().ciCode())).findFirst();
            boolean weak = exact && n.rank().score < EntityDictionary.Rank.EXACT_NAME.score;
            if (again.isPresent()) {
                // "알림 발송(notify)": one CI named twice; "와이파이 …, 캠퍼스 와이파이에서 …": the better-ranked naming
                // stands for it (its place and particle say its role)
                if (n.rank().score > again.get().rank().score) {
                    entities.remove(again.get());
                    entities.add(n);
                }
                continue;
            }
            if (weak) {
                dropped.add(n.mention()); // a near-miss beside a name spelt out is noise, not a second CI
                continue;
            }
            entities.add(n);
        }
        new ContextNames(u, entities, dropped).setAside();
        new HostingRoles(u, primaryEntity).describe(entities, descriptors);
    }

    /**
     * Whether the question's last clause asks something of the data ("…, so: what was the maximum error rate
     * of X", "…, so can you list what we have at Y") while every word of this kind ("postmortem", "learning")
     * stands in an earlier clause — the context the operator gives, not what is asked.
     */
    public boolean onlyInContext(String intentGroup) {
        return onlyOutside(intentGroup, false);
    }

    /**
     * Like {@link #onlyInContext}, for words only in a remark after the asking clause ("… 오류율 최고 얼마였노? 그날
     * 00UTC 런 다 날아갔다 아이가"); a statement before it may set up what is asked ("Suppose X went down. Which …").
     */
    public boolean onlyInRemark(String intentGroup) {
        return onlyOutside(intentGroup, true);
    }

    private boolean onlyOutside(String intentGroup, boolean after) {
        int last = Clauses.last(u.analyzed().text());
        List<Claim> words = u.of("intent").stream().filter(c -> c.value().equals(intentGroup)).toList();
        if (Clauses.single(u.analyzed().text()) || words.isEmpty() || words.stream().anyMatch(c -> sentenceOf(c.span().start()) == last)
                || after && words.stream().anyMatch(c -> sentenceOf(c.span().start()) >= 0)) {
            return false;
        }
        boolean asks = u.of("intent").stream().anyMatch(c -> (c.value().equals("which") || c.value().equals("list"))
                && sentenceOf(c.span().start()) == last)
                || u.of("metric").stream().anyMatch(c -> sentenceOf(c.span().start()) == last);
        if (asks) {
            words.stream().map(Claim::text).distinct().filter(w -> !dropped.contains(w)).forEach(dropped::add);
        }
        return asks;
    }

    /** Which clause of the question a position is in (0 = the first; {@link Clauses}). */
    private int sentenceOf(int pos) {
        return Clauses.of(u.analyzed().text(), pos);
    }

    /** Mentions set aside: weak partial matches next to an exact one. */
    public List<String> dropped() {
        return dropped;
    }

    /** The operator's own CIs never compete with demo ones of the same rank: the demo only when nothing else. */
    private static LinkedEntity ownDataFirst(LinkedEntity e) {
        List<EntityDictionary.Entity> own = e.candidates().stream().filter(c -> !c.demo()).toList();
        return own.isEmpty() || own.size() == e.candidates().size() ? e : e.narrowedTo(own);
    }

    /** An adjacent type word narrows an ambiguous name, and describes a resolved one of that type. */
    private LinkedEntity narrowByType(LinkedEntity e) {
        for (Claim c : u.of("enum")) {
            String prefix = primaryEntity + ".ci_type=";
            if (!c.value().startsWith(prefix) || !adjacent(c.span(), e.span())) {
                continue;
            }
            String type = c.value().substring(prefix.length());
            List<EntityDictionary.Entity> kept = e.candidates().stream().filter(x -> type.equals(x.ciType())).toList();
            if (!kept.isEmpty()) {
                // "the Night Owl box": a word of two types ("box": server, vm) describes the CI in each of them
                u.of("enum").stream().filter(o -> o.span().equals(c.span()) && o.value().startsWith(prefix))
                        .forEach(descriptors::add);
                return kept.size() < e.candidates().size() ? e.narrowedTo(kept) : e;
            }
        }
        return e;
    }

    private boolean adjacent(Span a, Span b) {
        String text = u.analyzed().text();
        Span left = a.start() < b.start() ? a : b;
        Span right = left == a ? b : a;
        if (left.end() > right.start()) {
            return false;
        }
        return joining(text.substring(left.end(), right.start()));
    }

    /**
     * Whether the text between two words keeps them together: spaces, a Korean particle/ending glued to the
     * left word ("서버인 X", "ledger의 db"), or a key's quotes and colon ({"app":"Now"}, app=Now).
     */
    static boolean joining(String between) {
        String kept = between.strip();
        return kept.isEmpty() || kept.length() <= 2 && kept.chars().allMatch(ch -> Folding.isHangul((char) ch))
                || kept.length() <= 4 && kept.chars().allMatch(ch -> "\"'“”‘’`:=".indexOf(ch) >= 0);
    }

    /**
     * "ochang core sw down — which apps hit": a status word beside the CI a failure question is about is
     * the premise (the CI going down), not a filter of what it hits. It stops being a filter and is
     * recorded as that CI's descriptor.
     */
    public void premiseOf(LinkedEntity e) {
        for (Claim c : u.of("enum")) {
            if (c.value().startsWith(primaryEntity + ".status=") && adjacent(c.span(), e.span())
                    && c.span().start() > e.span().start() && !descriptors.contains(c)) {
                descriptors.add(c);
            }
        }
    }

    public List<LinkedEntity> entities() {
        return entities;
    }

    /**
     * The measure asked: the first the last clause names, else the first named ("On 2014-04-17 the API was slow.
     * What was the max CPU of X?" asks the CPU, not the latency the context's "slow" stands for).
     */
    public Optional<String> metric() {
        int last = Clauses.last(u.analyzed().text());
        return u.of("metric").stream().filter(c -> sentenceOf(c.span().start()) == last).map(Claim::value).findFirst()
                .or(() -> u.of("metric").stream().map(Claim::value).findFirst());
    }

    /**
     * The aggregation asked. A superlative that also orders ("highest") yields to an aggregation word
     * of its own ("the highest average CPU" ranks by the average, not by the maximum).
     */
    public Optional<String> agg() {
        List<Claim> tops = u.of("top");
        List<Claim> aggs = sceneAggregations() ? List.of() : u.of("agg");
        List<String> own = aggs.stream().filter(c -> tops.stream().noneMatch(t -> t.span().overlaps(c.span())))
                .map(c -> statistic(c.value())).toList();
        // "last" (the sample at a moment) is also an adjective of time ("on the last leap day … the average CPU"):
        // a statistic the question names wins over it
        return own.stream().filter(v -> !v.equals("last")).findFirst().or(() -> own.stream().findFirst())
                .or(() -> aggs.stream().map(c -> statistic(c.value())).findFirst());
    }

    /** The value of an aggregation word asking about any one sample of a range (Prompt any_sample_words). */
    public static final String ANY_SAMPLE = "any_sample";

    /**
     * The statistic an aggregation word asks for: any one sample above a threshold is the range's maximum above it,
     * below one its minimum below it ("did X ever drop below 10" — the maximum would say whether every sample did).
     */
    public String statistic(String agg) {
        if (!agg.equals(ANY_SAMPLE)) {
            return agg;
        }
        return u.thresholds().stream().anyMatch(t -> t.op().startsWith("l")) ? "min" : "max";
    }

    /**
     * "It's the evening peak, so orders pile up — what is X's latency now?", "Was X maxed out at 22:15? CPU at that
     * minute?": a statistic word ("peak", "maxed out", "피크") only in clauses that set the scene and name no measure,
     * while the clause that asks names the measure and no statistic, describes the moment; the measure asked is its
     * plain value, not the statistic of the scene.
     */
    private boolean sceneAggregations() {
        String text = u.analyzed().text();
        if (Clauses.single(text) || u.of("agg").isEmpty()) {
            return false;
        }
        int last = Clauses.last(text);
        java.util.Set<Integer> measured = new java.util.HashSet<>();
        u.of("metric").forEach(c -> measured.add(sentenceOf(c.span().start())));
        // "Max CPU of X yesterday. And the error rate?": a statistic of a measure its clause names is asked again
        return measured.contains(last) && u.of("top").stream().noneMatch(c -> sentenceOf(c.span().start()) == last)
                && u.of("agg").stream().map(c -> sentenceOf(c.span().start())).allMatch(k -> k != last && !measured.contains(k));
    }

    public Optional<String> order() {
        return u.of("top").stream().map(Claim::value).findFirst();
    }

    public boolean trend() {
        return !u.of("trend").isEmpty();
    }

    /** The bucket width a trend word names ("daily": "1 day"), if any. */
    public Optional<String> bucket() {
        return u.of("trend").stream().map(Claim::value).filter(v -> !v.equals("trend")).findFirst();
    }

    public boolean intent(String group) {
        return u.has("intent", group);
    }

    /** An intent word in the clause that asks (the last), not in the context before it ("발생 구간 … — X 평균 응답시간은?"). */
    public boolean askedIntent(String group) {
        String text = u.analyzed().text();
        int last = Clauses.last(text);
        return u.of("intent").stream().anyMatch(c -> c.value().equals(group) && Clauses.of(text, c.span().start()) == last);
    }

    /** An intent word not in a remark after the clause that asks ("…알려 주세요, 고객님이 전화 연결된 채로 …"). */
    public boolean intentBeforeRemarks(String group) {
        String text = u.analyzed().text();
        return u.of("intent").stream().anyMatch(c -> c.value().equals(group) && Clauses.of(text, c.span().start()) >= 0);
    }

    /** Whether an incident id is among the ids asked about ({@link #askedReferences}). */
    public boolean incidentAsked() {
        List<String> incidents = references("incident");
        return askedReferences().stream().anyMatch(incidents::contains);
    }

    public Optional<Claim> intentClaim(String group) {
        return u.first("intent", group);
    }

    /** Filters on the primary entity: enum words and field values, one per field (first named wins). */
    public List<PlanModel.Filter> filters() {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        Map<String, List<String>> notField = new LinkedHashMap<>();
        List<Claim> all = new ArrayList<>(u.of("enum"));
        all.addAll(u.of("value"));
        all.sort((x, y) -> x.span().start() - y.span().start());
        // "state!=running -- list the VMs that are stopped or in maintenance": a field the last clause gives
        // values of takes those, not the context's
        String text = u.analyzed().text();
        int last = Clauses.last(text);
        Set<String> askedFields = new java.util.HashSet<>();
        for (Claim c : all) {
            if (c.value().startsWith(primaryEntity + ".") && c.value().contains("=") && Clauses.of(text, c.span().start()) == last) {
                askedFields.add(c.value().substring(primaryEntity.length() + 1, c.value().indexOf('=')));
            }
        }
        for (Claim c : all) {
            if (descriptors.contains(c) || !c.value().startsWith(primaryEntity + ".")) {
                continue;
            }
            String field = c.value().substring(primaryEntity.length() + 1, c.value().indexOf('='));
            if (askedFields.contains(field) && Clauses.of(text, c.span().start()) < last) {
                continue;
            }
            String value = c.value().substring(c.value().indexOf('=') + 1);
            List<String> values = (u.negated(c) ? notField : byField).computeIfAbsent(field, k -> new ArrayList<>());
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        List<PlanModel.Filter> out = new ArrayList<>();
        byField.forEach((f, v) -> out.add(new PlanModel.Filter(f, "eq", v)));
        notField.forEach((f, v) -> out.add(new PlanModel.Filter(f, "ne", v)));
        return out;
    }

    public List<String> eventValues(String field) {
        return eventValues(field, c -> true);
    }

    /** The values of an events field the question names, of the claims that pass {@code kept}. */
    public List<String> eventValues(String field, java.util.function.Predicate<Claim> kept) {
        List<String> out = new ArrayList<>();
        for (Claim c : u.of("enum")) {
            String prefix = eventsEntity + "." + field + "=";
            if (c.value().startsWith(prefix) && kept.test(c) && !out.contains(c.value().substring(prefix.length()))) {
                out.add(c.value().substring(prefix.length()));
            }
        }
        return out;
    }

    /** Attribute fields asked about (status, owner, location…), from the field words. */
    public List<String> fields() {
        List<String> out = new ArrayList<>();
        for (Claim c : u.of("field")) {
            if (c.value().startsWith(primaryEntity + ".")) {
                String f = c.value().substring(primaryEntity.length() + 1);
                if (!out.contains(f)) {
                    out.add(f);
                }
            }
        }
        return out;
    }

    /** The ids of events the question names, of one event type ("incident": INC-5327), in question order. */
    public List<String> references(String eventType) {
        return u.of("reference").stream().map(Claim::value).filter(v -> v.startsWith(eventType + ":"))
                .map(v -> v.substring(eventType.length() + 1)).distinct().toList();
    }

    /**
     * The event ids asked about: an id pasted in a context clause ("2030-05-16 02:10 INC-300516-01 -- list
     * everything that happened to X that day") is context when the last clause names its own time.
     */
    public List<String> askedReferences() {
        String text = u.analyzed().text();
        int last = Clauses.last(text);
        // "that day" in the last clause names its time too (the day it stands for is read where the date is written)
        boolean timed = u.of("time").stream().anyMatch(c -> Clauses.of(text, c.span().start()) == last)
                || u.of("stopword").stream().anyMatch(c -> c.value().equals("same_day")
                        && Clauses.of(text, c.span().start()) == last);
        return u.of("reference").stream().filter(c -> !timed || Clauses.of(text, c.span().start()) == last)
                .map(Claim::value).map(v -> v.substring(v.indexOf(':') + 1)).distinct().toList();
    }

    /** Every event id the question names, whatever its type. */
    public List<String> references() {
        return u.of("reference").stream().map(Claim::value).map(v -> v.substring(v.indexOf(':') + 1)).distinct().toList();
    }

    /** "what changed before the X incident", "X 장애 전에 있었던 배포나 변경", "changes that could explain…". */
    public boolean changedBefore() {
        boolean changes = eventValues("event_type").stream().anyMatch(t -> t.equals("change") || t.equals("deploy"));
        return intent("changed_before") || intent("before") && changes && failureAnchor();
    }

    /** A failure for changes to come before: an incident or alert, a failure or impact phrase, an incident's id. */
    private boolean failureAnchor() {
        // the failure may be told as an impact phrase: "deploys before the cart went down", "before the outage of X"
        return eventValues("event_type").stream().anyMatch(t -> t.equals("incident") || t.equals("alert"))
                || intent("failure") || intent("impact") || !references("incident").isEmpty() || measureBefore();
    }

    /**
     * "재산세 마감일 지연 전에 뭐 배포했어?", "deploys before the latency spike": a measure named right before the
     * "before" (or right after "before the") is its degradation — a failure for the changes to come before.
     */
    private boolean measureBefore() {
        String text = u.analyzed().text();
        for (Claim b : u.of("intent")) {
            if (!b.value().equals("before")) {
                continue;
            }
            for (Claim m : u.of("metric")) {
                String between = m.span().end() <= b.span().start() ? text.substring(m.span().end(), b.span().start())
                        : b.span().end() <= m.span().start() ? text.substring(b.span().end(), m.span().start()) : "x";
                if (between.replaceAll("\\bthe\\b", "").isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "what changed on X last week": a changed-before phrase with a stated range, no failure and no "before". */
    public boolean changesOverRange() {
        return intent("changed_before") && u.time().present() && !intent("before") && !failureAnchor();
    }

    public Understanding understanding() {
        return u;
    }
}

package dev.opsuite.planner.domain;

import dev.opsuite.model.Intent;
import dev.opsuite.model.PlanModel;
import dev.opsuite.model.View;
import dev.opsuite.model.asset.PromptDefaults;
import dev.opsuite.planner.domain.understand.Clauses;
import dev.opsuite.planner.domain.understand.EntityDictionary;
import dev.opsuite.planner.domain.understand.LatestEvent;
import dev.opsuite.planner.domain.understand.LinkedEntity;
import dev.opsuite.planner.domain.understand.Signals;
import dev.opsuite.planner.domain.understand.TimeReading;
import dev.opsuite.planner.domain.understand.Understanding;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The plans of event questions: events of CIs or named by an id ("what happened in INC-5327"), and what changed
 * before an incident (its deploys and changes in the hours before it). {@link PlanBuilder} decides when.
 */
final class EventPlans {
    private static final List<String> TABLE_BLOCKS = List.of("text", "table");

    private final OffsetDateTime now;
    private final Signals s;
    private final Understanding u;
    private final PlanParts parts;
    private final List<String> latestWords;

    EventPlans(OffsetDateTime now, Signals signals, PlanParts parts, List<String> latestWords) {
        this.now = now;
        this.s = signals;
        this.u = signals.understanding();
        this.parts = parts;
        this.latestWords = latestWords;
    }

    /**
     * "월요일 장애 보고서 초안을 쓰는 중이라 … 뉴스 홈페이지에 12월 18일 어떤 이벤트들이 있었는지": when the asking clause asks
     * for events itself, a kind of event or a failure word in a clause that asks nothing is context (the report being
     * written), not a narrowing of the events asked.
     */
    private boolean contextOnly(dev.opsuite.planner.domain.understand.Claim c) {
        String text = u.analyzed().text();
        int clause = Clauses.of(text, c.span().start());
        return !Clauses.single(text) && (s.askedIntent("history") || s.askedIntent("happened"))
                && clause != Clauses.last(text) && !Clauses.asks(text, clause);
    }

    /** The kinds of event named, less those only the context names ({@link #contextOnly}). */
    List<String> askedTypes() {
        return s.eventValues("event_type", c -> !contextOnly(c));
    }

    /** Whether failures are asked: a failure word outside the context only, or an incident's id asked. */
    boolean failuresAsked() {
        return u.of("intent").stream().anyMatch(c -> c.value().equals("failure") && !contextOnly(c)) || s.incidentAsked();
    }

    PlanModel events(List<LinkedEntity> ents, List<PlanModel.Filter> filters, List<String> types,
                             boolean failures, PromptDefaults defaults) {
        List<String> eventTypes = new ArrayList<>(types);
        if (eventTypes.contains("change") && !eventTypes.contains("deploy")) {
            eventTypes.add("deploy"); // "장애·변경 이력": a deploy is a change too, as before an incident
        }
        List<String> severities = new ArrayList<>(s.eventValues("severity"));
        if (eventTypes.isEmpty() && s.intent("why") && failures) {
            eventTypes.add("build");
        }
        // a failure word asks for the serious events, unless changes are asked beside the failures ("장애·변경 이력":
        // a deploy or a change is seldom more than info, and would be filtered out)
        if (failures && severities.isEmpty() && !eventTypes.contains("change") && !eventTypes.contains("deploy")) {
            // "failed builds", "빌드 실패": a build's failure is its outcome, recorded above info however minor
            severities.addAll(!eventTypes.isEmpty() && eventTypes.stream().allMatch("build"::equals)
                    ? List.of("critical", "major", "minor") : List.of("critical", "major"));
        }
        // "what happened in INC-5327": the events that name it, any type, any severity
        String ref = s.askedReferences().isEmpty() ? "" : s.askedReferences().get(0);
        if (!ref.isEmpty() && s.eventValues("severity").isEmpty()) {
            severities.clear();
        }
        // "when was X last deployed", "X 최근 배포 언제?": the one latest event of the kind, however long ago
        boolean latest = ref.isEmpty() && ents.size() <= 1 && (!eventTypes.isEmpty() || failures)
                && !s.intent("count") && LatestEvent.asked(u, latestWords);
        PlanModel.History h = history(ref.isEmpty() ? eventTypes : List.of(), severities,
                latest ? defaults.anchorRange() : defaults.eventRange(), "", 0, ref, defaults);
        if (latest) {
            h = h.withLimit(1);
        }
        // "which CI had the most incidents last month", "알람 제일 많은 서버 3개": with no CI named, the most events
        // rank the CIs by their number; the fewest too ("지난주 알람이 가장 적었던 서버"), a CI with none counting 0
        // ("top 3 CIs by number of alerts": a number of events that orders, not one counted)
        PlanModel.Metric ranked = ents.isEmpty() && ref.isEmpty() && (!s.intent("count") || u.topN().isPresent())
                && s.order().isPresent()
                ? new PlanModel.Metric("", "", "", "", "", "", u.topN().orElse(defaults.topN()), s.order().get()) : null;
        PlanParts.Draft d = parts.plan(Intent.LIST, View.SUMMARY, besideAnId(ents, ref), filters, null, ranked, h,
                TABLE_BLOCKS);
        return (s.intent("count") && ranked == null ? d.counted() : d).plan();
    }

    PlanModel changesBeforeIncident(List<LinkedEntity> ents, List<PlanModel.Filter> filters, PromptDefaults defaults) {
        List<String> named = s.eventValues("event_type");
        // the incident named, else whichever came first of an incident or an alert ("problem")
        String anchor = named.contains("incident") ? "incident" : named.contains("alert") ? "alert" : "problem";
        // a deploy is a change too: both are listed, with any other type the question named
        List<String> listed = new ArrayList<>(List.of("deploy", "change"));
        named.stream().filter(t -> !t.equals("incident") && !t.equals("alert") && !listed.contains(t)).forEach(listed::add);
        List<String> refs = s.references("incident");
        // the incident is presupposed: its latest one is looked for as far back as rules.defaults.anchor_range
        PlanModel.History h = history(listed, List.of(), defaults.anchorRange(), anchor,
                defaults.changeWindowHours(), refs.isEmpty() ? "" : refs.get(0), defaults);
        List<LinkedEntity> kept = besideAnId(ents, h.eventRef());
        if (h.eventRef().isEmpty() && kept.size() >= 2 && kept.stream().allMatch(LinkedEntity::resolved)) {
            kept = List.of(eitherOf(kept));
        }
        return parts.plan(Intent.LIST, View.SUMMARY, kept, filters, null, null, h, TABLE_BLOCKS).plan();
    }

    /**
     * "Customers saw transfers time out … the transfer engine was to blame. Was anything changed before?":
     * one incident is presupposed and two CIs are named, so either may be its CI — the one that had it is
     * meant (EXECUTE narrows to it and says so), several are asked between; never the first-named by order.
     */
    private static LinkedEntity eitherOf(List<LinkedEntity> ents) {
        List<EntityDictionary.Entity> all = ents.stream().flatMap(e -> e.candidates().stream()).distinct().toList();
        String words = String.join(" / ", ents.stream().map(LinkedEntity::mention).distinct().toList());
        LinkedEntity first = ents.get(0);
        return new LinkedEntity(first.span(), words, first.rank(), first.distance(), all, first.particle());
    }

    /**
     * Beside an event's id only a CI spelt out in full narrows it: a partial match ("출고" of 입출고 운영 in
     * "야간 출고 웨이브 실패(INC-8120)") is a word of the incident's description, and the id names the CI; so is any
     * name of the title a bracketed id heads in the context. Set aside, the word is listed as not understood.
     */
    private List<LinkedEntity> besideAnId(List<LinkedEntity> ents, String eventRef) {
        if (eventRef.isEmpty()) {
            return ents;
        }
        // "[INC-310826-01] 추석 승차권 예매 접속 지연 — 장애 직전 변경 이력": the incident's title pasted after its id, in a
        // clause before the one that asks — a name in it is a word of the title, however exact
        String text = u.analyzed().text();
        int last = Clauses.last(text);
        // (an id in brackets heads the title after it; "INC-5327 on ledger-api at 14:10 - …" names its CI)
        java.util.Set<Integer> titles = new java.util.HashSet<>();
        u.of("reference").stream().filter(c -> c.value().endsWith(":" + eventRef) && c.span().end() < text.length()
                        && "])".indexOf(text.charAt(c.span().end())) >= 0)
                .mapToInt(c -> Clauses.of(text, c.span().start())).min()
                .ifPresent(idClause -> {
                    for (int c = idClause + 1; c < last; c++) {
                        titles.add(c);
                    }
                });
        List<LinkedEntity> kept = new ArrayList<>();
        for (LinkedEntity e : ents) {
            if (e.rank().score >= EntityDictionary.Rank.EXACT_NAME.score
                    && !titles.contains(Clauses.of(text, e.span().start()))) {
                kept.add(e);
            } else {
                parts.setAside(e.mention());
            }
        }
        return kept;
    }

    /**
     * The events part of a plan. An event named by its id is looked for over rules.defaults.reference_range
     * unless the question names a day: a time of day alone ("INC-5327 at 14:10") is the incident's own
     * time, and its day is the incident's (the answer shows the time found).
     */
    private PlanModel.History history(List<String> types, List<String> severities, String defaultRange, String anchor,
                                      int windowHours, String eventRef, PromptDefaults defaults) {
        TimeReading t = u.time();
        boolean stated = t.present() && (eventRef.isEmpty() || t.dayNamed());
        TimeRanges.Range r = stated ? null : TimeRanges.resolve(eventRef.isEmpty() ? defaultRange
                : defaults.referenceRange(), now);
        return new PlanModel.History(true, types, severities, stated ? t.name() : r.name(),
                (stated ? t.from() : r.from()).toString(), (stated ? t.to() : r.to()).toString(), 0,
                stated, anchor, windowHours, eventRef);
    }
}

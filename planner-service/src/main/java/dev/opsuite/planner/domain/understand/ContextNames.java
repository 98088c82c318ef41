package dev.opsuite.planner.domain.understand;

import java.util.List;
import java.util.function.Predicate;

/**
 * Which CIs a question of several clauses names only as context — a pasted alert's or a ticket's name before the
 * asking clause, a shared word in a remark after it — and so are not what it asks about: they are set aside and
 * said (listed as not understood), never dropped silently.
 */
final class ContextNames {
    /** Intents that ask about more than one CI, or about how CIs relate. */
    private static final java.util.Set<String> NOT_OF_ONE = java.util.Set.of("compare", "path", "calls", "impact",
            "dependency", "runs_on", "neighbors", "composition", "before", "changed_before", "why");

    private final Understanding u;
    private final List<LinkedEntity> entities;
    private final List<String> dropped;

    ContextNames(Understanding u, List<LinkedEntity> entities, List<String> dropped) {
        this.u = u;
        this.entities = entities;
        this.dropped = dropped;
    }

    /**
     * "I'm visiting the broadcast studio next week. How many CIs are at sangam-studio?": a question whose
     * filter names one of the estate's own values in one sentence does not take a partial name from
     * another sentence (its context) as the CI asked about; the name is set aside and said.
     */
    void setAside() {
        int last = Clauses.last(u.analyzed().text());
        // "[WARN] kiosk error rate. seobu kiosk vs dongbu kiosk error rate right now?": the CIs the last clause
        // names settle which ones a word of the context meant; the ambiguous word is set aside, not asked about
        // (only CIs the last clause names exactly: "…? 고객 문의가 있어서요" gives a reason, it names no CI asked about)
        // A measure asked of the CI the last clause names, with no comparison or relation asked anywhere ("요청자:
        // 승무운영팀 | … → Crew Roster 현재 에러율"), is asked of that CI alone: the context's names are set aside too
        boolean measureOfItsOwn = u.of("metric").stream().anyMatch(c -> sentenceOf(c.span().start()) == last)
                && u.of("intent").stream().noneMatch(c -> NOT_OF_ONE.contains(c.value()));
        if (!Clauses.single(u.analyzed().text()) && entities.stream().anyMatch(e -> e.resolved() && sentenceOf(e.span().start()) == last
                && e.rank().score >= EntityDictionary.Rank.EXACT_NAME.score)) {
            aside(e -> (!e.resolved() && e.rank().score < EntityDictionary.Rank.EXACT_NAME.score || measureOfItsOwn)
                    && sentenceOf(e.span().start()) < last);
        }
        // "CHG-310903 risk review: which apps are impacted if payment relay is down?": a demo CI's name in the context
        // ("review") beside an own CI the asking clause names exactly is a word of the context, never the demo unasked
        if (entities.stream().anyMatch(e -> e.resolved() && !e.entity().demo() && sentenceOf(e.span().start()) == last
                && e.rank().score >= EntityDictionary.Rank.EXACT_NAME.score)) {
            aside(e -> e.resolved() && e.entity().demo() && sentenceOf(e.span().start()) != last);
        }
        // "Relay latency peak on 27 Feb? Got a warning that morning", "…at the moment? I'd like to add them to the watch
        // list. Best, Hannah (IT Service Desk)": a partial name in a remark after the asking clause is set aside (and
        // said), not asked about
        aside(e -> e.rank().score < EntityDictionary.Rank.EXACT_NAME.score && sentenceOf(e.span().start()) < 0);
        // "Capacity ticket CAP-09: top 3 servers by peak CPU last week": a ranking over a type of CIs in the last
        // clause; a partial name in the context before it (a ticket's title) is not what it ranks
        // (or a threshold over one: "Our OTA partners get nervous above 0.6% errors. Which apps averaged more than 0.6%…")
        boolean rankingOverType = !Clauses.single(u.analyzed().text()) && (u.of("top").stream().anyMatch(t -> sentenceOf(t.span().start()) == last)
                || u.thresholds().stream().anyMatch(t -> sentenceOf(t.span().start()) == last))
                && u.of("enum").stream().anyMatch(c -> c.value().contains(".ci_type=") && sentenceOf(c.span().start()) == last);
        if (rankingOverType) {
            aside(e -> e.rank().score < EntityDictionary.Rank.EXACT_NAME.score && sentenceOf(e.span().start()) < last);
        }
        List<Claim> values = u.of("value").stream().filter(v -> v.score() >= 1.0).toList(); // the value spelt out
        if (values.isEmpty() || Clauses.single(u.analyzed().text())) {
            return;
        }
        java.util.Set<Integer> asked = new java.util.HashSet<>();
        values.forEach(v -> asked.add(sentenceOf(v.span().start())));
        // '{"panel":"gate latency"} top 3 apps by latency at T3_GATE now?': a ranking over the CIs at a place ranks
        // them; a CI the context names, however exactly, is not what it asks after
        boolean ranking = asked.contains(last) && u.of("top").stream().anyMatch(t -> sentenceOf(t.span().start()) == last);
        aside(e -> (ranking || e.rank().score < EntityDictionary.Rank.EXACT_NAME.score)
                && !asked.contains(sentenceOf(e.span().start())));
    }

    /** Removes the CIs the test picks, and says them. */
    private void aside(Predicate<LinkedEntity> test) {
        entities.removeIf(e -> {
            boolean aside = test.test(e);
            if (aside) {
                dropped.add(e.mention());
            }
            return aside;
        });
    }

    private int sentenceOf(int pos) {
        return Clauses.of(u.analyzed().text(), pos);
    }
}

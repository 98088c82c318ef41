package dev.opsuite.planner.domain.understand;

import java.util.List;

/**
 * "what broke last night", "what failed yesterday", "어젯밤에 뭐 터졌어?": with no CI or measure named, a failure word
 * asked of "what" is the failures that happened — the events over the time named — not a question about one CI's
 * failure that then lacks its CI. Only with a question word of the Prompt's {@code which} intent or "뭐"/"무엇", no "why",
 * and — for a word of the impact intent ("crashed", "went down") — a time named: "what breaks if …" stays an impact.
 * "which server failed yesterday", "which dbs went down last night", "which servers in Busan failed yesterday": a type
 * (or place) of CIs with a time named is the events of those CIs then — not the CIs' status now. "어제 죽은 서버",
 * "지난주에 멈춘 vm": a state word that is also a failure word, with a past time, likewise.
 */
final class FailureAsEvents {
    private final Reading reading;

    FailureAsEvents(Reading reading) {
        this.reading = reading;
    }

    void read() {
        // "what crashed overnight": an impact word too, when a time says it happened (no "if X fails" without a time)
        boolean timed = reading.claims.stream().anyMatch(c -> c.kind().equals("time"));
        List<Claim> failures = reading.claims.stream().filter(c -> c.kind().equals("intent")
                && (c.value().equals("failure") || timed && c.value().equals("impact"))).toList();
        // "which server failed yesterday": the CIs' type or place then filters the events
        boolean typed = timed && reading.claims.stream().anyMatch(c -> c.kind().equals("entity_type")
                || c.kind().equals("enum") && !c.value().contains(".status="));
        // "어제 죽은 서버", "지난주에 멈춘 vm": a state word that is also the failure word, with a past time, is the
        // failures then — not the CIs in that state now with the time unread
        List<Claim> stateThen = timed && failures.size() == 1 ? reading.claims.stream().filter(c -> c.kind().equals("enum")
                && c.value().contains(".status=") && c.span().overlaps(failures.get(0).span())).toList() : List.of();
        if (!reading.entities.isEmpty() || failures.size() != 1 || reading.claims.stream().anyMatch(c ->
                List.of("metric", "entity").contains(c.kind()) || !typed && c.kind().equals("value")
                || !typed && List.of("entity_type", "enum").contains(c.kind()) && !stateThen.contains(c)
                || c.kind().equals("enum") && c.value().contains(".status=") && !stateThen.contains(c)
                || c.kind().equals("intent") && List.of("why", "history", "count").contains(c.value())
                || c.kind().equals("intent") && c.value().equals("list") && !typed)) {
            return;
        }
        String text = reading.a.text();
        boolean what = reading.claims.stream().anyMatch(c -> c.kind().equals("intent")
                && (c.value().equals("which") || typed && c.value().equals("list")))
                || text.contains("뭐") || text.contains("무엇") || typed && text.contains("어떤")
                || typed && !stateThen.isEmpty(); // "어제 죽은 서버": the phrase names what is listed
        if (!what) {
            return;
        }
        Claim f = failures.get(0);
        reading.claims.removeAll(stateThen);
        reading.claims.remove(f);
        reading.claims.add(new Claim(f.span(), f.text(), "intent", "history", f.score()));
    }
}

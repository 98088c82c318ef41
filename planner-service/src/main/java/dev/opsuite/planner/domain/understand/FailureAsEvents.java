package dev.opsuite.planner.domain.understand;

import java.util.List;

/**
 * "what broke last night", "what failed yesterday", "어젯밤에 뭐 터졌어?": with no CI, type or measure named, a failure word
 * asked of "what" is the failures that happened — the events over the time named — not a question about one CI's
 * failure that then lacks its CI. Only with a question word of the Prompt's {@code which} intent or "뭐"/"무엇", no "why",
 * and — for a word of the impact intent ("crashed", "went down") — a time named: "what breaks if …" stays an impact.
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
        if (!reading.entities.isEmpty() || failures.size() != 1 || reading.claims.stream().anyMatch(c ->
                List.of("entity_type", "metric", "enum", "value", "entity").contains(c.kind())
                || c.kind().equals("intent") && List.of("why", "history", "list", "count").contains(c.value()))) {
            return;
        }
        String text = reading.a.text();
        boolean what = reading.claims.stream().anyMatch(c -> c.kind().equals("intent") && c.value().equals("which"))
                || text.contains("뭐") || text.contains("무엇");
        if (!what) {
            return;
        }
        Claim f = failures.get(0);
        reading.claims.remove(f);
        reading.claims.add(new Claim(f.span(), f.text(), "intent", "history", f.score()));
    }
}

package dev.opsuite.planner.domain.understand;

import java.util.List;

/**
 * "which db is down", "is any server down now": with no CI named, a state word inside an impact phrase ("is down" —
 * what X's failure would impact when X is named) is the status of the CIs of the type asked about, not an impact
 * question that then lacks its CI. Only with a type word of the CIs, a list or count word ("which", "how many"), no
 * entity and no other impact word; the phrase's state word must be a status label of the SchemaCatalog ("down" →
 * stopped). Not with a time named ("which db went down yesterday"): that is the failures then.
 */
final class DownAsState {
    private final Reading reading;

    DownAsState(Reading reading) {
        this.reading = reading;
    }

    void read() {
        List<Claim> impacts = reading.claims.stream().filter(c -> c.kind().equals("intent") && c.value().equals("impact"))
                .toList();
        // "which db went down yesterday": a time says it happened then — the events, not the status now (FailureAsEvents)
        if (!reading.entities.isEmpty() || impacts.size() != 1 || reading.claims.stream().anyMatch(c -> c.kind().equals("time")) || reading.claims.stream().noneMatch(c -> c.kind().equals("entity_type")
                || c.kind().equals("enum") && c.value().contains(".ci_type="))
                || reading.claims.stream().noneMatch(c -> c.kind().equals("intent")
                && (c.value().equals("list") || c.value().equals("count")))) {
            return; // "if the db is down, what breaks": an impact asked of a CI not named — asked which
        }
        for (Claim c : List.copyOf(reading.claims)) {
            if (!c.kind().equals("intent") || !c.value().equals("impact")) {
                continue;
            }
            int at = c.span().start();
            for (String w : c.text().split("\\s+")) {
                int start = reading.a.text().indexOf(w, at);
                at = start < 0 ? at : start + w.length();
                List<Word> states = reading.lexicon.phrases().get(Analyzed.compactOf(w)).stream()
                        .filter(x -> x.kind() == Word.Kind.ENUM && x.group().endsWith(".status")).toList();
                if (start < 0 || states.size() != 1) {
                    continue;
                }
                reading.claims.remove(c);
                Span s = new Span(start, start + w.length());
                reading.claims.add(new Claim(s, w, "enum", states.get(0).group() + "=" + states.get(0).value(), 1));
                return;
            }
        }
    }
}

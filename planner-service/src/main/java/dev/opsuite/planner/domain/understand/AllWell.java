package dev.opsuite.planner.domain.understand;

import java.util.List;

/**
 * "다 정상이야?", "서버 모두 정상인가요?", "is everything running?", "are all the vms running": a state word inside one of Prompt
 * {@code rules.understanding.all_well} (a pattern around {@code @state}) asks whether every CI is in that state. With no
 * CI named, the CIs that are not answer it — the state is read negated, so the list is of the others and an empty one
 * says yes — rather than a list of every CI in the state (which cannot show one that is not) or a question for a CI.
 */
final class AllWell {
    private final Reading reading;

    AllWell(Reading reading) {
        this.reading = reading;
    }

    void read() {
        List<String> patterns = reading.rules.understanding().allWell();
        if (patterns.isEmpty() || !reading.entities.isEmpty()) {
            return;
        }
        String text = reading.a.text();
        for (Claim c : reading.claims) {
            if (!c.kind().equals("enum") || !c.value().contains(".status=")) {
                continue;
            }
            if (StateInclusions.around(text, c, patterns)) {
                reading.negated.add(c.span());
            }
        }
    }
}

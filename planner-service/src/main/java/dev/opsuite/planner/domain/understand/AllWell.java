package dev.opsuite.planner.domain.understand;

import com.google.re2j.Pattern;
import dev.opsuite.planner.domain.Patterns;
import java.util.List;

/**
 * "다 정상이야?", "서버 모두 정상인가요?", "is everything running?", "are all vms healthy": a state word inside one of Prompt
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
            String marked = text.substring(0, c.span().start()) + StateInclusions.MARK + text.substring(c.span().end());
            if (patterns.stream().anyMatch(p -> Patterns.of(p, Pattern.CASE_INSENSITIVE).matcher(marked).find())) {
                reading.negated.add(c.span());
            }
        }
    }
}

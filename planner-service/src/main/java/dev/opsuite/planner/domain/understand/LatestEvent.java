package dev.opsuite.planner.domain.understand;

import dev.opsuite.planner.domain.Phrases;
import java.util.List;

/**
 * "when was X last deployed", "when did X last have an incident", "X 최근 배포 언제?", "X 마지막 장애 언제였어?": a word
 * of the Prompt's {@code rules.understanding.latest_event_words} beside a word asking when, with no time named, asks
 * for the one latest event of the kind named — which may lie far before the default range of events, whose listing
 * ("no deploys over the last 7 days") answered a question nobody asked. The caller decides what else must hold (a kind
 * of event named, at most one CI).
 */
public final class LatestEvent {
    private LatestEvent() {
    }

    /** Whether the question asks when, names no time, and holds a latest word as a word of its own. */
    public static boolean asked(Understanding u, List<String> latestWords) {
        if (u.of("when").isEmpty() || u.time().present()) {
            return false;
        }
        String text = Folding.fold(u.analyzed().text());
        return latestWords.stream().anyMatch(w -> Phrases.contains(text, w)); // a Korean word may take a particle
    }
}

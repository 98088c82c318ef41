package dev.opsuite.planner.domain.understand;

import java.util.List;
import java.util.Locale;

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
        String text = u.analyzed().text().toLowerCase(Locale.ROOT);
        for (String w : latestWords) {
            String word = w.toLowerCase(Locale.ROOT).trim();
            for (int i = text.indexOf(word); !word.isEmpty() && i >= 0; i = text.indexOf(word, i + 1)) {
                if (startsWord(text, i) && endsWord(text, i + word.length(), word)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWord(String text, int i) {
        return i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
    }

    /** A Latin word ends where a letter does not follow; a Korean one may take a particle ("최근에", "마지막으로"). */
    private static boolean endsWord(String text, int end, String word) {
        return Folding.hasHangul(word) || end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
    }
}

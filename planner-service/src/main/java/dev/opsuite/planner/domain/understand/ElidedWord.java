package dev.opsuite.planner.domain.understand;

import java.util.List;
import java.util.Set;

/**
 * Where a zone word stands: the tail of an elided word ("c'est", "qu'est": the letters after a letter and an
 * apostrophe are no zone abbreviation) and a zone's bare word right after a time of day ("midnight Pacific",
 * "9 am Central": such a word alone names a place or an adjective, not a zone), and a place in brackets right after a
 * day ("since 1st Nov (UK)": the day's zone; "transcode-ctl (LA)" elsewhere is a name's gloss).
 */
final class ElidedWord {
    private ElidedWord() {}

    private static final Set<String> CLOCK_KINDS = Set.of("tod", "instant", "clock_range");
    private static final Set<String> DAY_OR_CLOCK_KINDS = Set.of("day", "weekday", "holiday", "tod", "instant", "clock_range");

    /** Whether the text at {@code start} follows a letter and an apostrophe, as in "c'est". */
    static boolean after(String text, int start) {
        if (start < 2) {
            return false;
        }
        char q = text.charAt(start - 1);
        return (q == '\'' || q == '\u2019') && Character.isLetter(text.charAt(start - 2));
    }

    /** Whether a time of day found ends right before the atom, only spaces or a comma between. */
    static boolean rightAfterClock(String text, TimeAtom zone, List<TimeAtom> found) {
        return rightAfter(text, zone, found, CLOCK_KINDS);
    }

    /** Whether a day or a time of day found ends right before the atom ("since 1st Nov (UK)"), only spaces or a comma between. */
    static boolean rightAfterDay(String text, TimeAtom zone, List<TimeAtom> found) {
        return rightAfter(text, zone, found, DAY_OR_CLOCK_KINDS);
    }

    private static boolean rightAfter(String text, TimeAtom zone, List<TimeAtom> found, Set<String> kinds) {
        return found.stream().filter(f -> kinds.contains(f.kind()) && f.span().end() <= zone.span().start())
                .anyMatch(f -> text.substring(f.span().end(), zone.span().start()).matches("[\\s,]*"));
    }
}

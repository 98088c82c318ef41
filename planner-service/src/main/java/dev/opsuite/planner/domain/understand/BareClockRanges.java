package dev.opsuite.planner.domain.understand;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "between 10 and 12 on apr 17", "on 2031-03-04, from 9 to 11": two bare numbers of a range beside a day are as
 * likely hours as a band of values. An atom of the Prompt marked {@code beside_day} (no meridiem, no "h", no unit
 * in its pattern) stands only where a day is written right before or after it — with nothing but spaces, a comma,
 * "on" or "the" between — and where no unit of {@code understanding.value_units} follows its second number
 * ("between 10 and 12% on apr 17" stays a band of values). Elsewhere the numbers are left to the threshold rules.
 */
final class BareClockRanges {
    private static final Set<String> DAY_KINDS = Set.of("day", "weekday", "holiday");
    private static final Set<String> GAP_WORDS = Set.of("on", "the", "of");

    private BareClockRanges() {}

    static List<TimeAtom> keep(List<TimeAtom> atoms, String text, List<String> units) {
        return atoms.stream().filter(t -> t.field("beside_day").isEmpty()
                || besideADay(t, atoms, text) && !unitAfter(text, t.span().end(), units)).toList();
    }

    private static boolean besideADay(TimeAtom range, List<TimeAtom> atoms, String text) {
        for (TimeAtom day : atoms) {
            if (!DAY_KINDS.contains(day.kind())) {
                continue;
            }
            if (day.span().end() <= range.span().start() && onlyGap(text.substring(day.span().end(), range.span().start()))
                    || day.span().start() >= range.span().end()
                    && onlyGap(text.substring(range.span().end(), day.span().start()))) {
                return true;
            }
        }
        return false;
    }

    /** Spaces, commas and the small words a date is introduced with. */
    private static boolean onlyGap(String between) {
        for (String w : between.toLowerCase(Locale.ROOT).replace(',', ' ').trim().split("\\s+")) {
            if (!w.isEmpty() && !GAP_WORDS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static boolean unitAfter(String text, int end, List<String> units) {
        String after = text.substring(end).stripLeading().toLowerCase(Locale.ROOT);
        for (String unit : units) {
            String u = unit.toLowerCase(Locale.ROOT);
            boolean latin = !u.isEmpty() && Character.isLetter(u.charAt(0)) && u.charAt(0) < 128;
            if (!u.isEmpty() && after.startsWith(u) && (!latin || after.length() == u.length()
                    || !Character.isLetter(after.charAt(u.length())))) {
                return true;
            }
        }
        return false;
    }
}

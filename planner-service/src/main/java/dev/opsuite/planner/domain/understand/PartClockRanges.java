package dev.opsuite.planner.domain.understand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "last night 9 to 11 PST", "during business hours (9-5 PT)": two bare hours written right beside a part of a day
 * (nothing but spaces, a comma or a bracket between) are that part's hours, each read as the hour before or after noon
 * that falls inside the part (the night's 9 is 21:00, business hours' 5 is 17:00). An atom of the Prompt marked
 * {@code beside_part} (no meridiem in its pattern) stands only there, and only when each hour falls inside the part
 * one way; else (no part beside it, an hour outside the part, or inside it both ways) it is dropped and its numbers
 * are left to the other rules and to the unexplained words, never guessed.
 */
final class PartClockRanges {
    private PartClockRanges() {}

    static List<TimeAtom> keep(List<TimeAtom> atoms, String text) {
        List<TimeAtom> out = new ArrayList<>(atoms.size());
        for (TimeAtom t : atoms) {
            if (t.field("beside_part").isEmpty()) {
                out.add(t);
                continue;
            }
            TimeAtom part = atoms.stream().filter(p -> p.kind().equals("part") && !p.field("start").isEmpty()
                    && !p.field("end").isEmpty() && WeekdayLabels.adjacentIn(text, p.span(), t.span()))
                    .findFirst().orElse(null);
            if (part == null) {
                continue;
            }
            int start = Integer.parseInt(part.field("start"));
            int end = Integer.parseInt(part.field("end"));
            int sh = inside(Integer.parseInt(t.field("sh")), start, end);
            int eh = inside(Integer.parseInt(t.field("eh")), start, end);
            if (sh < 0 || eh < 0) {
                continue;
            }
            Map<String, String> fields = new HashMap<>(t.fields());
            fields.put("sh", String.valueOf(sh));
            fields.put("eh", String.valueOf(eh));
            out.add(new TimeAtom(t.name(), t.kind(), t.span(), Map.copyOf(fields)));
        }
        return out;
    }

    /** The hour of the clock (0-23) that a 12-hour hour names inside the part's hours; -1 when none or both. */
    static int inside(int h, int start, int end) {
        int found = -1;
        for (int c : new int[] {h % 12, h % 12 + 12}) {
            if (start <= c && c <= end || start <= c + 24 && c + 24 <= end) {
                if (found >= 0) {
                    return -1;
                }
                found = c;
            }
        }
        return found;
    }
}

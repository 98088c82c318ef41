package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Parts of a day ("this morning", "어제 저녁", "business hours"): when they are time, and which hours they are. */
final class DayParts {
    private final Analyzed a;
    private final ZoneId zone;
    private final List<String> problems;

    DayParts(Analyzed a, ZoneId zone, List<String> problems) {
        this.a = a;
        this.zone = zone;
        this.problems = problems;
    }

    /**
     * A part of a day ("morning", "밤에") is time only when a day is named with it — its own ("this
     * morning", "어젯밤") or one written right beside it ("yesterday evening", "2014-04-17 morning").
     * Alone it is often hearsay ("밤에 많이 쓴다고 들어서요"), so it is left for the unexplained words.
     */
    static List<TimeAtom> anchored(Analyzed a, List<TimeAtom> atoms) {
        List<TimeAtom> out = new ArrayList<>();
        for (TimeAtom t : atoms) {
            if (!t.kind().equals("part") || !t.field("day_offset").isEmpty() || !t.field("own").isEmpty()
                    || atoms.stream().anyMatch(d -> (d.kind().equals("day") || d.kind().equals("weekday"))
                    && besideDay(a, t.span(), d.span()))) {
                out.add(t);
            }
        }
        return out;
    }

    private static boolean besideDay(Analyzed a, Span part, Span day) {
        Span first = part.start() < day.start() ? part : day;
        Span second = first == part ? day : part;
        return second.start() >= first.end()
                && a.text().substring(first.end(), second.start()).matches("[\\s,()]*(?:(?:of|on|의)\\s*)?");
    }

    /**
     * "this morning", "어제 저녁", "last night", "2014-04-17 afternoon": the part's hours (Prompt asset:
     * start, end; an end past 24 runs into the next day) on the day named with it, else on the part's
     * own day (day_offset), else today. The connector written with the day is the part's; else the part's own
     * ("since this morning", "오늘 아침부터": from the part's start, to now).
     */
    java.util.Optional<Interval> of(TimeAtom part, Interval named, ZonedDateTime nowZ, String role) {
        try {
            LocalDate day;
            if (named != null) {
                if (!named.to().equals(named.from().toLocalDate().plusDays(1).atStartOfDay(zone))
                        || named.from().toLocalTime().getHour() != 0 || named.point()) {
                    return java.util.Optional.empty(); // a part of a range or an instant is not a day's part
                }
                day = named.from().toLocalDate();
            } else {
                day = nowZ.toLocalDate().plusDays(part.field("day_offset").isEmpty() ? 0
                        : Integer.parseInt(part.field("day_offset")));
            }
            ZonedDateTime from = day.atStartOfDay(zone).plusHours(Integer.parseInt(part.field("start")));
            ZonedDateTime to = day.atStartOfDay(zone).plusHours(Integer.parseInt(part.field("end")));
            return java.util.Optional.of(Intervals.range(from, to, named == null || named.role().isEmpty() ? role : named.role()).at(part.span().start()));
        } catch (NumberFormatException e) {
            problems.add("part of day '" + a.span(part.span().start(), part.span().end()) + "' has no hours");
            return java.util.Optional.empty();
        }
    }

    /** A word of rules.time.whole_day_words in the question (a Latin one as whole words, a Korean one anywhere). */
    static boolean wholeDayAsked(Analyzed a, PromptTime time) {
        String text = a.text().toLowerCase(java.util.Locale.ROOT);
        for (String w : time.wholeDayWords()) {
            String word = w.toLowerCase(java.util.Locale.ROOT);
            int at = word.isEmpty() ? -1 : text.indexOf(word);
            while (at >= 0) {
                int end = at + word.length();
                if (Folding.hasHangul(word) || (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
                    return true;
                }
                at = text.indexOf(word, at + 1);
            }
        }
        return false;
    }

    /**
     * "last night at 11pm", "last night from 9pm to 11pm": a part of another day (its day_offset) names the day of the
     * times written with it, not today (whose 23:00 may be still to come); a time the part runs past midnight into
     * ("last night at 1am") is on the day after. Empty (today) when no such part is named.
     */
    static java.util.Optional<Interval> dayOfTimes(List<TimeAtom> parts, List<TimeOfDay> tods, ZonedDateTime nowZ) {
        if (parts.size() != 1 || parts.get(0).field("day_offset").isEmpty() || parts.get(0).field("start").isEmpty()
                || parts.get(0).field("end").isEmpty()) {
            return java.util.Optional.empty();
        }
        TimeAtom part = parts.get(0);
        int start = Integer.parseInt(part.field("start"));
        int end = Integer.parseInt(part.field("end"));
        int offset = Integer.parseInt(part.field("day_offset"));
        int h = TimeOfDay.clock(tods.get(0).time(), tods.get(0).meridiem()).getHour();
        if (h < start && h + 24 < end) {
            offset++; // "last night at 1am": the night runs past midnight into the next day
        }
        if (offset == 0) {
            return java.util.Optional.empty();
        }
        ZonedDateTime from = nowZ.toLocalDate().plusDays(offset).atStartOfDay(nowZ.getZone());
        return java.util.Optional.of(new Interval(from, from.plusDays(1), "day:" + from.toLocalDate(), ""));
    }
}

package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Weekdays written beside a date: labels of that date ("Thursday, April 17, 2014"), not days of their own. */
final class WeekdayLabels {
    private final Analyzed a;
    private final PromptTime time;
    private final Intervals intervals;
    private final List<String> problems;

    WeekdayLabels(Analyzed a, PromptTime time, Intervals intervals, List<String> problems) {
        this.a = a;
        this.time = time;
        this.intervals = intervals;
        this.problems = problems;
    }

    /**
     * "Thursday, April 17, 2014": a weekday written beside a date names that date, it is not a second
     * day. When it does not fall on the date, that is said.
     */
    List<TimeAtom> without(List<TimeAtom> atoms, ZonedDateTime nowZ) {
        List<TimeAtom> out = new ArrayList<>(atoms);
        for (TimeAtom w : atoms) {
            if (!w.kind().equals("weekday") || !w.field("prev").isEmpty()) {
                continue;
            }
            for (TimeAtom d : atoms) {
                boolean dated = d.kind().equals("day") && d.field("day_offset").isEmpty() && !d.field("d").isEmpty()
                        && (!d.field("m").isEmpty() || !d.field("mon").isEmpty()) && d.field("d2").isEmpty();
                if (!dated || !adjacent(a, w.span(), d.span())) {
                    continue;
                }
                Optional<Interval> date = quietly(d, nowZ); // said once, when the date itself is read
                String wd = time.weekdays().getOrDefault(w.field("wd"), w.field("wd")).toUpperCase(Locale.ROOT);
                DayOfWeek named = DayOfWeek.valueOf(wd);
                if (date.isPresent() && date.get().from().getDayOfWeek() != named) {
                    // "Sunday 3/4/2039": a date written with numbers only whose other order falls on the weekday is
                    // written day first (3 April), as the weekday says
                    Optional<TimeAtom> dayFirst = dayFirst(d, named, nowZ);
                    if (dayFirst.isPresent()) {
                        out.set(out.indexOf(d), dayFirst.get());
                    } else {
                        problems.add("'" + a.span(w.span().start(), w.span().end()) + "' does not fall on "
                                + date.get().from().toLocalDate());
                    }
                }
                out.remove(w);
                break;
            }
        }
        return out;
    }

    /** The numeric date read day first ("3/4" as 3 April), when that falls on the weekday; empty otherwise. */
    private Optional<TimeAtom> dayFirst(TimeAtom d, DayOfWeek named, ZonedDateTime nowZ) {
        String m = d.field("m");
        String day = d.field("d");
        if (!m.matches("\\d{1,2}") || !day.matches("\\d{1,2}") || Integer.parseInt(day) > 12 || m.equals(day)) {
            return Optional.empty();
        }
        java.util.Map<String, String> fields = new java.util.HashMap<>(d.fields());
        fields.put("m", day);
        fields.put("d", m);
        TimeAtom swapped = new TimeAtom(d.name(), d.kind(), d.span(), java.util.Map.copyOf(fields));
        Optional<Interval> date = quietly(swapped, nowZ);
        return date.isPresent() && date.get().from().getDayOfWeek() == named ? Optional.of(swapped)
                : Optional.empty();
    }

    /** A date read without leaving a trace: the day last read and the problems stay as they were. */
    private Optional<Interval> quietly(TimeAtom d, ZonedDateTime nowZ) {
        LocalDate saved = intervals.lastDate;
        int reported = problems.size();
        Optional<Interval> date = intervals.interval(d, nowZ, "");
        intervals.lastDate = saved;
        problems.subList(reported, problems.size()).clear();
        return date;
    }

    /** Whether only spaces, commas or brackets stand between the two spans. */
    static boolean adjacent(Analyzed a, Span x, Span y) {
        return adjacentIn(a.text(), x, y);
    }

    /** {@link #adjacent} in a text. */
    static boolean adjacentIn(String text, Span x, Span y) {
        Span first = x.start() < y.start() ? x : y;
        Span second = first == x ? y : x;
        if (second.start() < first.end()) {
            return false;
        }
        return text.substring(first.end(), second.start()).matches("[\\s,()]*");
    }
}

package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

/**
 * The calendar's named runs of days for {@link Intervals}: a holiday of rules.time.holidays and an ISO 8601
 * week. Each is returned as its first and last day; a name or a week that cannot be honoured is added to the
 * problems (said in the reading), never replaced by another.
 */
final class CalendarDays {
    private final Analyzed a;
    private final PromptTime time;
    private final List<String> problems;

    CalendarDays(Analyzed a, PromptTime time, List<String> problems) {
        this.a = a;
        this.time = time;
        this.problems = problems;
    }

    /**
     * A holiday of rules.time.holidays named by a group of its name (or a constant {@code holiday}): its days
     * off with their substitutes, of the year written or else the latest that began by today ({@code prev}:
     * that ended before today); a {@code day} group asks for its day alone, {@code eve} for the day before
     * it. No holiday named ("연휴", "the long weekend"): the holiday break we are in, or with {@code prev} the
     * last that ended before today.
     */
    Optional<Holidays.Days> holiday(TimeAtom t, LocalDate today, Integer contextYear) {
        Holidays calendar = Holidays.of(time.holidays());
        String name = t.field("holiday");
        for (String n : calendar.names()) {
            if (!t.field(n).isEmpty()) {
                name = n;
            }
        }
        boolean previous = !t.field("prev").isEmpty();
        String words = "'" + a.span(t.span().start(), t.span().end()) + "'";
        Optional<Holidays.Days> days;
        if (name.isEmpty() || name.equals("any")) {
            days = calendar.lastBreak(today, previous);
        } else if (!calendar.known(name)) {
            problems.add(words + " names holiday '" + name + "' that rules.time.holidays does not list");
            return Optional.empty();
        } else {
            Optional<Integer> y = !t.field("y").isEmpty() ? Optional.of(year(t.field("y")))
                    : !t.field("lastyear").isEmpty() ? Optional.of(today.getYear() - 1)
                    : contextYear != null ? Optional.of(contextYear) : calendar.latestYear(name, today, previous);
            days = y.isPresent() ? calendar.of(name, y.get()) : Optional.empty();
            if (y.isPresent() && (!t.field("day").isEmpty() || !t.field("eve").isEmpty())) {
                LocalDate main = calendar.mainDay(name, y.get()).orElseThrow();
                LocalDate d = t.field("eve").isEmpty() ? main : main.minusDays(1);
                days = Optional.of(new Holidays.Days(d, d));
            }
        }
        if (days.isEmpty()) {
            problems.add(words + " is no holiday of the calendar in rules.time.holidays near " + today);
            return Optional.empty();
        }
        return days;
    }

    /**
     * "ISO week 2043-W53", "2043년 제53주", "53주차": an ISO 8601 week, Monday to Monday; the year is its week-based
     * year (week 1 holds the year's first Thursday, so 2044-W01 begins on 2044-01-04 and 2043-W53 on 2043-12-28).
     * Without a year, the latest such week that has begun. A week number the year does not have is said.
     */
    Optional<Holidays.Days> isoWeek(TimeAtom t, LocalDate today) {
        int w = Integer.parseInt(t.field("w"));
        int y;
        if (!t.field("y").isEmpty()) {
            y = year(t.field("y"));
        } else {
            y = today.get(IsoFields.WEEK_BASED_YEAR);
            if (w > today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)) {
                y--;
            }
        }
        LocalDate monday = LocalDate.of(y, 1, 4).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(w - 1L);
        if (w < 1 || monday.get(IsoFields.WEEK_BASED_YEAR) != y) {
            problems.add("'" + a.span(t.span().start(), t.span().end()) + "' is not a week of " + y);
            return Optional.empty();
        }
        return Optional.of(new Holidays.Days(monday, monday.plusDays(6)));
    }

    /** A year as written: two digits are this century's ("25" is 2025). */
    static int year(String y) {
        int v = Integer.parseInt(y);
        return v < 100 ? 2000 + v : v;
    }
}

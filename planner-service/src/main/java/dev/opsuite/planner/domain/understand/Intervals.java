package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptTime;
import dev.opsuite.planner.domain.TimeRanges;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;

/**
 * Reads one time atom of a question as an {@link Interval} (a day, a month, a weekend, an instant,
 * a relative range) or a {@link TimeOfDay}, and the connector role written with it, for
 * {@link TimeComposer}. It shares the composer's spans and problems, and remembers the last full date
 * and the question's year across atoms.
 */
final class Intervals {
    private final Analyzed a;
    private final PromptTime time;
    private final ZoneId zone;
    private final List<Span> spans;
    private final List<String> problems;
    private final CalendarDays calendar;

    /** The last full date read, so "16일부터 18일까지" and "April 18-19" know their month. */
    LocalDate lastDate;
    /**
     * The year written on any date of the question: "from April 15 to April 17, 2014" and "2014년 4월
     * 15일부터 4월 17일까지" are both 2014 at both ends.
     */
    Integer contextYear;

    Intervals(Analyzed a, PromptTime time, ZoneId zone, List<Span> spans, List<String> problems) {
        this.a = a;
        this.time = time;
        this.zone = zone;
        this.spans = spans;
        this.problems = problems;
        this.calendar = new CalendarDays(a, time, problems);
    }

    java.util.Optional<TimeOfDay> tod(TimeAtom t, String role) {
        try {
            int h = Integer.parseInt(t.field("H"));
            int m = t.field("M").isEmpty() ? (t.field("half").isEmpty() ? 0 : 30) : Integer.parseInt(t.field("M"));
            String ap = t.field("ap").isEmpty() ? "" : time.meridiem().getOrDefault(t.field("ap"), t.field("ap"));
            if (h == 24 && m == 0) {
                h = 0;
            }
            int s = t.field("S").isEmpty() ? 0 : Integer.parseInt(t.field("S")); // "8시 10분 35초", "08:10:35"
            return java.util.Optional.of(new TimeOfDay(LocalTime.of(h, m, s), ap, role, t.span().start()));
        } catch (NumberFormatException | DateTimeException e) {
            problems.add("'" + a.span(t.span().start(), t.span().end()) + "' is not a time of day");
            return java.util.Optional.empty();
        }
    }

    java.util.Optional<Interval> relative(TimeAtom t, ZonedDateTime nowZ, String role) {
        String name = t.field("range");
        TimeRanges.Range r = TimeRanges.resolve(name, nowZ.toOffsetDateTime());
        if (r == null) {
            problems.add("'" + a.span(t.span().start(), t.span().end()) + "' is not a range I can resolve");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Interval(r.from().atZoneSameInstant(zone), r.to().atZoneSameInstant(zone),
                r.name(), role));
    }

    private static final java.util.regex.Pattern BARE_YEAR =
            java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}./:_-])(?:19|20)\\d{2}(?=년)|(?<![\\p{L}\\p{N}./:_-])(?:19|20)\\d{2}(?![\\p{L}\\p{N}./:_-])");

    /**
     * The year dates without one belong to: the first atom's own ("2019-03-02 … and 03-05"), else a year
     * written alone ("on Lunar New Year's Day 2019, February 5th", "2025년 설 연휴(1/28~1/30)") — then read as part of
     * the time.
     */
    void contextYear(List<TimeAtom> atoms) {
        for (TimeAtom t : atoms) {
            if (!t.field("y").isEmpty() && contextYear == null) {
                try {
                    contextYear = CalendarDays.year(t.field("y"));
                } catch (NumberFormatException e) {
                    // reported when the atom itself is read
                }
            }
        }
        boolean undated = atoms.stream().anyMatch(t -> (t.kind().equals("day") || t.kind().equals("month"))
                && t.field("y").isEmpty() && t.field("day_offset").isEmpty() && t.field("month_offset").isEmpty());
        java.util.regex.Matcher m = BARE_YEAR.matcher(a.text());
        if (contextYear == null && undated && m.find()) {
            Span year = new Span(m.start(), m.end());
            if (spans.stream().noneMatch(x -> x.overlaps(year)) && !m.find()) {
                contextYear = Integer.parseInt(a.text().substring(year.start(), year.end()));
                spans.add(year);
            }
        }
    }

    /** Says so when the weekday written in the atom's field does not fall on the date it labels. */
    private void weekdayOn(TimeAtom t, String field, LocalDate date) {
        if (t.field(field).isEmpty()) {
            return;
        }
        String wd = time.weekdays().getOrDefault(t.field(field), t.field(field)).toUpperCase(Locale.ROOT);
        if (date.getDayOfWeek() != DayOfWeek.valueOf(wd)) {
            problems.add("'" + t.field(field) + "' does not fall on " + date);
        }
    }

    /** A word of rules.time.span_words right after the atom ("30일 추이"). */
    private boolean spanWordAfter(TimeAtom t) {
        String after = a.text().substring(t.span().end()).stripLeading();
        for (String w : time.spanWords()) {
            if (!w.isEmpty() && after.startsWith(Folding.fold(w))) {
                return true;
            }
        }
        return false;
    }

    java.util.Optional<Interval> interval(TimeAtom t, ZonedDateTime nowZ, String role) {
        LocalDate today = nowZ.toLocalDate();
        try {
            switch (t.kind()) {
                case "day" -> {
                    if (!t.field("day_offset").isEmpty() || !t.field("week_offset").isEmpty()) {
                        // "그저께", "3 days ago"; "two weeks ago", "2주 전": that day, so many weeks back
                        int off = t.field("day_offset").isEmpty() ? 7 * Integer.parseInt(t.field("week_offset"))
                                : Integer.parseInt(t.field("day_offset"));
                        LocalDate d = today.plusDays(off);
                        String name = off == 0 ? "today" : off == -1 ? "yesterday" : "day:" + d;
                        return java.util.Optional.of(day(d, name, role));
                    }
                    int d = Integer.parseInt(t.field("d"));
                    boolean bare = t.field("m").isEmpty() && t.field("mon").isEmpty();
                    if (bare && t.field("y").isEmpty() && spanWordAfter(t)) {
                        // "N1104 메모리 30일 추이": a bare count of days before a word of a span is that many days
                        return java.util.Optional.of(new Interval(nowZ.minusDays(d), nowZ, "last_" + d + "d", role));
                    }
                    if (!t.field("month_offset").isEmpty()) {
                        // "지난달 3일", "the 3rd of last month": that day of a month counted from this one (a day the
                        // month does not have is reported below, never moved)
                        LocalDate date = today.withDayOfMonth(1).plusMonths(Integer.parseInt(t.field("month_offset")))
                                .withDayOfMonth(d);
                        lastDate = date;
                        return java.util.Optional.of(day(date, "day:" + date, role));
                    }
                    int m = bare ? (lastDate != null ? lastDate.getMonthValue() : today.getMonthValue()) : month(t);
                    // "17/04/2014": day first, read as written ("06/11, UK time": DateOrders, by the zone's country)
                    if (m > 12 && d <= 12 && !t.field("m").isEmpty()) {
                        int swap = m;
                        m = d;
                        d = swap;
                    }
                    LocalDate date;
                    if (t.field("y").isEmpty() && !t.field("lastyear").isEmpty()) {
                        date = LocalDate.of(today.getYear() - 1, m, d);
                    } else if (t.field("y").isEmpty() && lastDate != null && (bare || !t.field("inherit").isEmpty())) {
                        date = LocalDate.of(lastDate.getYear(), m, d);
                    } else if (t.field("y").isEmpty() && contextYear != null) {
                        date = LocalDate.of(contextYear, m, d);
                    } else if (t.field("y").isEmpty() && bare) {
                        // "the 26th", "Thursday the 26th": the latest such day that is not still to come — this
                        // month's, else the month before's
                        date = MonthDays.latest(d, LocalTime.MIDNIGHT, nowZ).toLocalDate();
                    } else if (t.field("y").isEmpty()) {
                        date = LocalDate.of(today.getYear(), m, d);
                        if (date.isAfter(today)) {
                            date = LocalDate.of(today.getYear() - 1, m, d);
                        }
                    } else {
                        date = LocalDate.of(CalendarDays.year(t.field("y")), m, d);
                    }
                    if (!t.field("d2").isEmpty()) { // "18-19 April": both days
                        LocalDate end = date.withDayOfMonth(Integer.parseInt(t.field("d2")));
                        if (!t.field("both").isEmpty() && end.isAfter(date.plusDays(1))) {
                            // "November 10 and 14": two days named together, not the days between them
                            problems.add("'" + a.span(t.span().start(), t.span().end()) + "' names two days apart ("
                                    + date + ", " + end + "), not the days between them: ask about each, or write the range");
                        }
                        // "Saturday 4 and Sunday 5 March": a weekday written on either end must fall on its day
                        weekdayOn(t, "wd", date);
                        weekdayOn(t, "wd2", end);
                        lastDate = end;
                        return java.util.Optional.of(new Interval(date.atStartOfDay(zone), end.plusDays(1).atStartOfDay(zone),
                                "range:" + date.atStartOfDay(zone).toOffsetDateTime() + "/"
                                        + end.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), role));
                    }
                    weekdayOn(t, "wd", date); // "Tuesday 13th": said when the 13th is no Tuesday
                    lastDate = date;
                    return java.util.Optional.of(day(date, "day:" + date, role));
                }
                case "weekday" -> {
                    DayOfWeek wd = DayOfWeek.valueOf(time.weekdays().getOrDefault(t.field("wd"),
                            t.field("wd")).toUpperCase(Locale.ROOT));
                    boolean previous = !t.field("prev").isEmpty();
                    LocalDate d = previous ? today.with(TemporalAdjusters.previous(wd))
                            : today.with(TemporalAdjusters.previousOrSame(wd));
                    if (!t.field("week_offset").isEmpty()) { // "the Tuesday before last": weeks before the last one
                        d = d.plusWeeks(Integer.parseInt(t.field("week_offset")));
                        return java.util.Optional.of(day(d, "day:" + d, role));
                    }
                    if (!t.field("wd2").isEmpty()) {
                        // "Mon-Wed", "월~수": the run of days from the first weekday (the latest begun) to the second
                        DayOfWeek last = DayOfWeek.valueOf(time.weekdays().getOrDefault(t.field("wd2"),
                                t.field("wd2")).toUpperCase(Locale.ROOT));
                        LocalDate end = d.plusDays((last.getValue() - wd.getValue() + 7) % 7 + 1L);
                        return java.util.Optional.of(range(d.atStartOfDay(zone), end.atStartOfDay(zone), role));
                    }
                    return java.util.Optional.of(day(d, previous ? "day:" + d : "weekday:" + wd.name().toLowerCase(Locale.ROOT)
                            + ":" + d, role));
                }
                case "month" -> {
                    LocalDate first;
                    String name;
                    if (!t.field("q").isEmpty()) {
                        // "Q1 2019", "2019년 1분기": the quarter's three months; "Q3", "the third quarter" without a
                        // year: this year's when it has begun, else last year's (as a month without a year)
                        int first3 = (Integer.parseInt(t.field("q")) - 1) * 3 + 1;
                        int y = !t.field("y").isEmpty() ? CalendarDays.year(t.field("y"))
                                : !t.field("lastyear").isEmpty() ? today.getYear() - 1
                                : contextYear != null ? contextYear
                                : first3 > today.getMonthValue() ? today.getYear() - 1 : today.getYear();
                        LocalDate q = LocalDate.of(y, first3, 1);
                        return java.util.Optional.of(range(q.atStartOfDay(zone), q.plusMonths(3).atStartOfDay(zone), role));
                    }
                    if (!t.field("quarter_offset").isEmpty()) {
                        // "this quarter", "지난 분기": the calendar quarter we are in, or one before it
                        LocalDate q = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1)
                                .plusMonths(3L * Integer.parseInt(t.field("quarter_offset")));
                        return java.util.Optional.of(range(q.atStartOfDay(zone), q.plusMonths(3).atStartOfDay(zone), role));
                    }
                    if (!t.field("h").isEmpty()) {
                        // "H2 2029", "2029년 하반기", "상반기" (this year's): the half's six months
                        int y = !t.field("y").isEmpty() ? CalendarDays.year(t.field("y"))
                                : !t.field("lastyear").isEmpty() ? today.getYear() - 1 : today.getYear();
                        LocalDate h = LocalDate.of(y, Integer.parseInt(t.field("h")) == 1 ? 1 : 7, 1);
                        return java.util.Optional.of(range(h.atStartOfDay(zone), h.plusMonths(6).atStartOfDay(zone), role));
                    }
                    if (!t.field("month_offset").isEmpty()) {
                        int off = Integer.parseInt(t.field("month_offset"));
                        first = today.withDayOfMonth(1).plusMonths(off);
                        name = off == 0 ? "this_month" : off == -1 ? "last_month" : "month:" + first.toString().substring(0, 7);
                    } else if (!t.field("m2").isEmpty() || !t.field("mon2").isEmpty()) {
                        return java.util.Optional.of(months(t, today, role));
                    } else {
                        int m = month(t);
                        boolean previous = !t.field("prev").isEmpty(); // "last December": never this month
                        int y = !t.field("y").isEmpty() ? CalendarDays.year(t.field("y"))
                                : !t.field("lastyear").isEmpty() ? today.getYear() - 1
                                : contextYear != null ? contextYear
                                : m > today.getMonthValue() || previous && m == today.getMonthValue() ? today.getYear() - 1
                                : today.getYear();
                        first = LocalDate.of(y, m, 1);
                        name = "month:" + first.toString().substring(0, 7);
                    }
                    ZonedDateTime from = first.atStartOfDay(zone);
                    if (!t.field("days").isEmpty()) {
                        return java.util.Optional.of(MonthDays.of(first, t.field("days"), zone, role));
                    }
                    return java.util.Optional.of(new Interval(from, first.plusMonths(1).atStartOfDay(zone), name, role));
                }
                case "year" -> {
                    LocalDate first = LocalDate.of(today.getYear() + Integer.parseInt(t.field("year_offset")), 1, 1);
                    return java.util.Optional.of(range(first.atStartOfDay(zone), first.plusYears(1).atStartOfDay(zone), role));
                }
                case "weekend" -> {
                    return java.util.Optional.of(FromNow.weekend(t, today, zone, role));
                }
                case "holiday" -> {
                    return days(calendar.holiday(t, today, contextYear), role);
                }
                case "iso_week" -> {
                    return days(calendar.isoWeek(t, today), role);
                }
                case "instant" -> {
                    if (!t.field("hour_offset").isEmpty() || !t.field("minute_offset").isEmpty()) {
                        return java.util.Optional.of(FromNow.moment(t, nowZ, role));
                    }
                    ZoneId z = zone;
                    if (!t.field("zone").isEmpty()) {
                        z = ZoneId.of(t.field("zone").equals("z") ? "UTC" : t.field("zone").toUpperCase(Locale.ROOT));
                    }
                    java.time.LocalTime clock = java.time.LocalTime.of(Integer.parseInt(t.field("H")),
                            t.field("M").isEmpty() ? 0 : Integer.parseInt(t.field("M")),
                            t.field("S").isEmpty() ? 0 : Integer.parseInt(t.field("S")));
                    ZonedDateTime at = t.field("y").isEmpty() && t.field("m").isEmpty() && t.field("mon").isEmpty()
                            ? MonthDays.latest(Integer.parseInt(t.field("d")), clock, nowZ.withZoneSameInstant(z))
                            .withZoneSameInstant(zone)
                            : LocalDate.of(CalendarDays.year(t.field("y")), month(t), Integer.parseInt(t.field("d"))).atTime(clock)
                            .atZone(z).withZoneSameInstant(zone);
                    lastDate = at.toLocalDate();
                    return java.util.Optional.of(new Interval(at, at.plusHours(1), "range:" + at.toOffsetDateTime() + "/"
                            + at.plusHours(1).toOffsetDateTime(), role, true, -1));
                }
                default -> {
                    problems.add("time pattern kind '" + t.kind() + "' is not known");
                    return java.util.Optional.empty();
                }
            }
        } catch (DateTimeException | NumberFormatException e) {
            problems.add("'" + a.span(t.span().start(), t.span().end()) + "' is not a date");
            return java.util.Optional.empty();
        }
    }

    /** The run of days as an interval of whole days in the zone; the last is the date a later atom continues from. */
    private java.util.Optional<Interval> days(java.util.Optional<Holidays.Days> days, String role) {
        if (days.isEmpty()) {
            return java.util.Optional.empty();
        }
        lastDate = days.get().last();
        return java.util.Optional.of(range(days.get().first().atStartOfDay(zone),
                days.get().last().plusDays(1).atStartOfDay(zone), role));
    }

    static Interval range(ZonedDateTime from, ZonedDateTime to, String role) {
        return new Interval(from, to, "range:" + from.toOffsetDateTime() + "/" + to.toOffsetDateTime(), role);
    }

    private Interval day(LocalDate d, String name, String role) {
        return new Interval(d.atStartOfDay(zone), d.plusDays(1).atStartOfDay(zone), name, role);
    }

    /** "Jan to Mar", "1~3월", "Nov-Feb 2035": the year written (or the context's) is the last month's, else the latest. */
    private Interval months(TimeAtom t, LocalDate today, String role) {
        int last = month(t.field("m2"), t.field("mon2"));
        int y = !t.field("y").isEmpty() ? CalendarDays.year(t.field("y")) : !t.field("lastyear").isEmpty() ? today.getYear() - 1
                : contextYear != null ? contextYear : last > today.getMonthValue() ? today.getYear() - 1 : today.getYear();
        return MonthDays.months(month(t), last, y, zone, role);
    }

    private int month(TimeAtom t) {
        return month(t.field("m"), t.field("mon"));
    }

    private int month(String number, String word) {
        if (!number.isEmpty()) {
            return Integer.parseInt(number);
        }
        Integer m = time.monthNames().get(word.replace(".", "")); // whole: Struct doubles are truncated
        if (m == null) {
            throw new DateTimeException("unknown month " + word);
        }
        return m;
    }

    /** Weekdays written as labels of the date right after them ("since Sunday 3/12"): see {@link #role}. */
    private final List<Span> labels = new java.util.ArrayList<>();

    void label(Span weekday) {
        labels.add(weekday);
    }

    /** since | until | "" from the connectors before or after the atom (claimed with it); end_*: until, of a time of day. */
    String role(TimeAtom t) {
        int start = t.span().start();
        for (Span l : labels) {
            if (l.end() <= start && WeekdayLabels.adjacent(a, l, t.span())) {
                start = l.start(); // the connector stands before the weekday that labels this date
            }
        }
        String before = a.text().substring(0, start);
        String after = a.text().substring(t.span().end());
        // "before 9am" is "until 9am"; "before May 3" ends where that day begins: no role
        for (String group : t.kind().equals("tod") ? List.of("since", "until", "join", "end") : List.of("since", "until", "join")) {
            String kind = group.equals("end") ? "until" : group;
            for (String w : time.connectors(group + "_before")) {
                String word = Folding.fold(w);
                String trimmed = before.stripTrailing();
                if (trimmed.endsWith(word) && (trimmed.length() == word.length()
                        || !Character.isLetterOrDigit(trimmed.charAt(trimmed.length() - word.length() - 1)))) {
                    spans.add(new Span(trimmed.length() - word.length(), trimmed.length()));
                    if (!kind.equals("join")) {
                        return kind.equals("since") && FromADay.alone(word, t, after) ? "" : kind;
                    }
                }
            }
            for (String w : time.connectors(group + "_after")) {
                String word = Folding.fold(w);
                String lead = after.stripLeading();
                int at = t.span().end() + (after.length() - lead.length());
                if (lead.startsWith(word) && (lead.length() == word.length() || !Character.isLetterOrDigit(word.charAt(
                        word.length() - 1)) || !TimeExpressions.latinOrDigit(lead.charAt(word.length())))) {
                    spans.add(new Span(at, at + word.length()));
                    if (!kind.equals("join")) {
                        return kind;
                    }
                }
            }
        }
        return "";
    }
}

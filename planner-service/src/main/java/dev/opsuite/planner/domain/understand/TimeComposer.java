package dev.opsuite.planner.domain.understand;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsuite.planner.domain.TimeRanges;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns time atoms into one range: a day is the whole day in the zone (the question's, else the
 * product's); a month the whole month; a time of day applies to the day named with it (else today),
 * two of them make a range ("between 10:00 and 12:00 yesterday", "어제 오후 3시부터 5시까지"); "since
 * D" / "D부터" runs to now; two days joined ("from D1 to D2", "D1부터 D2까지") make a range. A date
 * without a year is this year's, or last year's when that is still ahead. A date that does not
 * exist is reported, never dropped.
 */
final class TimeComposer {
    private final Analyzed a;
    private final JsonNode time;
    private final OffsetDateTime now;
    private final List<Span> spans = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private ZoneId zone;

    private TimeComposer(Analyzed a, JsonNode time, OffsetDateTime now, ZoneId zone) {
        this.a = a;
        this.time = time;
        this.now = now;
        this.zone = zone;
    }

    static TimeReading compose(Analyzed a, List<TimeAtom> atoms, JsonNode time, OffsetDateTime now, ZoneId zone) {
        return new TimeComposer(a, time, now, zone).run(atoms);
    }

    /** A resolved day-like interval and the name the plan carries for it. */
    /** {@code point}: an instant (its end is itself when it closes a range). */
    private record Interval(ZonedDateTime from, ZonedDateTime to, String name, String role, boolean point, int at) {
        Interval(ZonedDateTime from, ZonedDateTime to, String name, String role) {
            this(from, to, name, role, false, -1);
        }

        Interval at(int position) {
            return new Interval(from, to, name, role, point, position);
        }
    }

    /** The last full date read, so "16일부터 18일까지" and "April 18-19" know their month. */
    private LocalDate lastDate;

    private record TimeOfDay(LocalTime time, String meridiem, String role, int at) {}

    private TimeReading run(List<TimeAtom> atoms) {
        List<TimeAtom> rest = new ArrayList<>();
        for (TimeAtom t : atoms) {
            spans.add(t.span());
            if (t.kind().equals("zone")) {
                String key = t.field("zone").isEmpty() ? t.field("name") : t.field("zone");
                String id = time.path("zones").path(key).asText(key.toUpperCase(Locale.ROOT));
                try {
                    zone = ZoneId.of(id);
                } catch (DateTimeException e) {
                    problems.add("time zone '" + a.span(t.span().start(), t.span().end()) + "' is not known");
                }
            } else {
                rest.add(t);
            }
        }
        ZonedDateTime nowZ = now.atZoneSameInstant(zone);
        List<Interval> days = new ArrayList<>();
        List<TimeOfDay> tods = new ArrayList<>();
        List<Interval> relatives = new ArrayList<>();
        for (TimeAtom t : rest) {
            String role = role(t);
            switch (t.kind()) {
                case "tod" -> tod(t, role).ifPresent(tods::add);
                case "relative" -> relative(t, nowZ, role).ifPresent(relatives::add);
                default -> interval(t, nowZ, role).ifPresent(i -> days.add(i.at(t.span().start())));
            }
        }
        if (!problems.isEmpty() && days.isEmpty() && relatives.isEmpty() && tods.isEmpty()) {
            return TimeReading.none(spans, problems);
        }
        Interval out;
        if (tods.size() >= 2 && days.size() >= 2) {
            out = dayTimeRange(days, tods);
        } else if (tods.size() == 1 && days.size() == 1 && days.get(0).point() && tods.get(0).at() > days.get(0).at()) {
            // "2026-11-27 09:00 to 13:00": an instant, then the time it runs to on that day
            ZonedDateTime from = days.get(0).from();
            TimeOfDay t = tods.get(0);
            ZonedDateTime to = from.toLocalDate().atTime(clock(t.time(), t.meridiem())).atZone(zone);
            if (!to.isAfter(from)) {
                to = to.plusDays(1);
            }
            out = new Interval(from, to, "range:" + from.toOffsetDateTime() + "/" + to.toOffsetDateTime(), "");
        } else if (!tods.isEmpty()) {
            out = withTimes(days.isEmpty() ? today(nowZ) : days.get(0), tods, nowZ);
        } else if (days.size() >= 2) {
            Interval first = days.get(0);
            Interval last = days.get(days.size() - 1);
            ZonedDateTime end = last.point() ? last.from() : last.to();
            out = first.from().equals(last.from()) && first.to().equals(last.to()) ? first
                    : new Interval(first.from(), end, "range:" + first.from().toOffsetDateTime() + "/"
                    + end.toOffsetDateTime(), "");
        } else if (days.size() == 1) {
            Interval d = days.get(0);
            if (d.role().equals("since")) {
                // "since Monday" keeps its relative name (the replan's and the labels' own); a date its date
                String name = d.name().startsWith("weekday:") ? "since_" + d.name().split(":")[1]
                        : "since:" + d.from().toLocalDate();
                out = new Interval(d.from(), nowZ, name, "");
            } else {
                out = d;
            }
        } else if (!relatives.isEmpty()) {
            out = relatives.get(0);
        } else {
            return TimeReading.none(spans, problems);
        }
        ZonedDateTime to = out.to().isAfter(nowZ) && !out.from().isAfter(nowZ) ? nowZ : out.to();
        String name = out.name().startsWith("weekday:") ? "day:" + out.name().substring(out.name().lastIndexOf(':') + 1)
                : out.name();
        return new TimeReading(name, out.from().toOffsetDateTime(), to.toOffsetDateTime(), zone.getId(),
                spans, problems);
    }

    private static Interval today(ZonedDateTime nowZ) {
        ZonedDateTime start = nowZ.toLocalDate().atStartOfDay(nowZ.getZone());
        return new Interval(start, start.plusDays(1), "today", "");
    }

    private Interval withTimes(Interval day, List<TimeOfDay> tods, ZonedDateTime nowZ) {
        LocalDate date = day.from().toLocalDate();
        TimeOfDay t1 = tods.get(0);
        if (tods.size() >= 2) {
            TimeOfDay t2 = tods.get(1);
            LocalTime a1 = clock(t1.time(), t1.meridiem().isEmpty() && !t2.meridiem().isEmpty()
                    && t1.time().getHour() + 12 <= clock(t2.time(), t2.meridiem()).getHour() ? t2.meridiem() : t1.meridiem());
            LocalTime a2 = clock(t2.time(), t2.meridiem().isEmpty() && "pm".equals(t1.meridiem())
                    && t2.time().getHour() < 12 ? "pm" : t2.meridiem());
            ZonedDateTime from = date.atTime(a1).atZone(zone);
            ZonedDateTime to = date.atTime(a2).atZone(zone);
            if (!to.isAfter(from)) {
                to = to.plusDays(1);
            }
            return new Interval(from, to, "range:" + from.toOffsetDateTime() + "/" + to.toOffsetDateTime(), "");
        }
        ZonedDateTime at = date.atTime(clock(t1.time(), t1.meridiem())).atZone(zone);
        if (t1.role().equals("since")) {
            ZonedDateTime end = day.to().isAfter(nowZ) ? nowZ : day.to();
            return new Interval(at, end, "range:" + at.toOffsetDateTime() + "/" + end.toOffsetDateTime(), "");
        }
        if (t1.role().equals("until")) {
            return new Interval(day.from(), at, "range:" + day.from().toOffsetDateTime() + "/" + at.toOffsetDateTime(), "");
        }
        return new Interval(at, at.plusHours(1), "range:" + at.toOffsetDateTime() + "/" + at.plusHours(1).toOffsetDateTime(), "");
    }

    /** "11월 23일 18시부터 24일 정오까지": each time of day on the day named before it. */
    private Interval dayTimeRange(List<Interval> days, List<TimeOfDay> tods) {
        TimeOfDay t1 = tods.get(0);
        TimeOfDay t2 = tods.get(1);
        ZonedDateTime from = dayBefore(days, t1.at()).from().toLocalDate().atTime(clock(t1.time(), t1.meridiem()))
                .atZone(zone);
        ZonedDateTime to = dayBefore(days, t2.at()).from().toLocalDate().atTime(clock(t2.time(), t2.meridiem()))
                .atZone(zone);
        if (!to.isAfter(from)) {
            to = to.plusDays(1);
        }
        return new Interval(from, to, "range:" + from.toOffsetDateTime() + "/" + to.toOffsetDateTime(), "");
    }

    private static Interval dayBefore(List<Interval> days, int position) {
        Interval best = days.get(0);
        for (Interval d : days) {
            if (d.at() <= position) {
                best = d;
            }
        }
        return best;
    }

    private static LocalTime clock(LocalTime t, String meridiem) {
        if ("pm".equals(meridiem) && t.getHour() < 12) {
            return t.plusHours(12);
        }
        if ("am".equals(meridiem) && t.getHour() == 12) {
            return t.minusHours(12);
        }
        return t;
    }

    private java.util.Optional<TimeOfDay> tod(TimeAtom t, String role) {
        try {
            int h = Integer.parseInt(t.field("H"));
            int m = t.field("M").isEmpty() ? (t.field("half").isEmpty() ? 0 : 30) : Integer.parseInt(t.field("M"));
            String ap = t.field("ap").isEmpty() ? "" : time.path("meridiem").path(t.field("ap")).asText(t.field("ap"));
            if (h == 24 && m == 0) {
                h = 0;
            }
            return java.util.Optional.of(new TimeOfDay(LocalTime.of(h, m), ap, role, t.span().start()));
        } catch (NumberFormatException | DateTimeException e) {
            problems.add("'" + a.span(t.span().start(), t.span().end()) + "' is not a time of day");
            return java.util.Optional.empty();
        }
    }

    private java.util.Optional<Interval> relative(TimeAtom t, ZonedDateTime nowZ, String role) {
        String name = t.field("range");
        TimeRanges.Range r = TimeRanges.resolve(name, nowZ.toOffsetDateTime());
        if (r == null) {
            problems.add("'" + a.span(t.span().start(), t.span().end()) + "' is not a range I can resolve");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Interval(r.from().atZoneSameInstant(zone), r.to().atZoneSameInstant(zone),
                r.name(), role));
    }

    private java.util.Optional<Interval> interval(TimeAtom t, ZonedDateTime nowZ, String role) {
        LocalDate today = nowZ.toLocalDate();
        try {
            switch (t.kind()) {
                case "day" -> {
                    if (!t.field("day_offset").isEmpty()) {
                        int off = Integer.parseInt(t.field("day_offset"));
                        LocalDate d = today.plusDays(off);
                        String name = off == 0 ? "today" : off == -1 ? "yesterday" : "day:" + d;
                        return java.util.Optional.of(day(d, name, role));
                    }
                    int d = Integer.parseInt(t.field("d"));
                    boolean bare = t.field("m").isEmpty() && t.field("mon").isEmpty();
                    int m = bare ? (lastDate != null ? lastDate.getMonthValue() : today.getMonthValue()) : month(t);
                    LocalDate date;
                    if (t.field("y").isEmpty() && lastDate != null && (bare || !t.field("inherit").isEmpty())) {
                        date = LocalDate.of(lastDate.getYear(), m, d);
                    } else if (t.field("y").isEmpty()) {
                        date = LocalDate.of(today.getYear(), m, d);
                        if (date.isAfter(today)) {
                            date = LocalDate.of(today.getYear() - 1, m, d);
                        }
                    } else {
                        date = LocalDate.of(year(t.field("y")), m, d);
                    }
                    if (!t.field("d2").isEmpty()) { // "18-19 April": both days
                        LocalDate end = date.withDayOfMonth(Integer.parseInt(t.field("d2")));
                        lastDate = end;
                        return java.util.Optional.of(new Interval(date.atStartOfDay(zone), end.plusDays(1).atStartOfDay(zone),
                                "range:" + date.atStartOfDay(zone).toOffsetDateTime() + "/"
                                        + end.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), role));
                    }
                    lastDate = date;
                    return java.util.Optional.of(day(date, "day:" + date, role));
                }
                case "weekday" -> {
                    DayOfWeek wd = DayOfWeek.valueOf(time.path("weekdays").path(t.field("wd")).asText(
                            t.field("wd")).toUpperCase(Locale.ROOT));
                    boolean previous = !t.field("prev").isEmpty();
                    LocalDate d = previous ? today.with(TemporalAdjusters.previous(wd))
                            : today.with(TemporalAdjusters.previousOrSame(wd));
                    return java.util.Optional.of(day(d, previous ? "day:" + d : "weekday:" + wd.name().toLowerCase(Locale.ROOT)
                            + ":" + d, role));
                }
                case "month" -> {
                    LocalDate first;
                    String name;
                    if (!t.field("month_offset").isEmpty()) {
                        int off = Integer.parseInt(t.field("month_offset"));
                        first = today.withDayOfMonth(1).plusMonths(off);
                        name = off == 0 ? "this_month" : off == -1 ? "last_month" : "month:" + first.toString().substring(0, 7);
                    } else {
                        int m = month(t);
                        int y = t.field("y").isEmpty() ? (m > today.getMonthValue() ? today.getYear() - 1 : today.getYear())
                                : year(t.field("y"));
                        first = LocalDate.of(y, m, 1);
                        name = "month:" + first.toString().substring(0, 7);
                    }
                    ZonedDateTime from = first.atStartOfDay(zone);
                    return java.util.Optional.of(new Interval(from, first.plusMonths(1).atStartOfDay(zone), name, role));
                }
                case "instant" -> {
                    ZoneId z = zone;
                    if (!t.field("zone").isEmpty()) {
                        z = ZoneId.of(t.field("zone").equals("z") ? "UTC" : t.field("zone").toUpperCase(Locale.ROOT));
                    }
                    ZonedDateTime at = LocalDate.of(year(t.field("y")), month(t), Integer.parseInt(t.field("d")))
                            .atTime(Integer.parseInt(t.field("H")), t.field("M").isEmpty() ? 0 : Integer.parseInt(t.field("M")))
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

    private Interval day(LocalDate d, String name, String role) {
        return new Interval(d.atStartOfDay(zone), d.plusDays(1).atStartOfDay(zone), name, role);
    }

    private int month(TimeAtom t) {
        if (!t.field("m").isEmpty()) {
            return Integer.parseInt(t.field("m"));
        }
        JsonNode m = time.path("month_names").path(t.field("mon").replace(".", ""));
        if (!m.isNumber()) { // a number, whole or not: assets travel as protobuf Structs, where every number is a double
            throw new DateTimeException("unknown month " + t.field("mon"));
        }
        return m.asInt();
    }

    private static int year(String y) {
        int v = Integer.parseInt(y);
        return v < 100 ? 2000 + v : v;
    }

    /** since | until | "" from the connector words right before or after the atom (claimed with it). */
    private String role(TimeAtom t) {
        JsonNode c = time.path("connectors");
        String before = a.text().substring(0, t.span().start());
        String after = a.text().substring(t.span().end());
        for (String kind : List.of("since", "until", "join")) {
            for (JsonNode w : c.path(kind + "_before")) {
                String word = Folding.fold(w.asText());
                String trimmed = before.stripTrailing();
                if (trimmed.endsWith(word) && (trimmed.length() == word.length()
                        || !Character.isLetterOrDigit(trimmed.charAt(trimmed.length() - word.length() - 1)))) {
                    spans.add(new Span(trimmed.length() - word.length(), trimmed.length()));
                    if (!kind.equals("join")) {
                        return kind;
                    }
                }
            }
            for (JsonNode w : c.path(kind + "_after")) {
                String word = Folding.fold(w.asText());
                String lead = after.stripLeading();
                int at = t.span().end() + (after.length() - lead.length());
                if (lead.startsWith(word) && (lead.length() == word.length() || !Character.isLetterOrDigit(word.charAt(
                        word.length() - 1)) || !isLatin(lead.charAt(word.length())))) {
                    spans.add(new Span(at, at + word.length()));
                    if (!kind.equals("join")) {
                        return kind;
                    }
                }
            }
        }
        return "";
    }

    private static boolean isLatin(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}

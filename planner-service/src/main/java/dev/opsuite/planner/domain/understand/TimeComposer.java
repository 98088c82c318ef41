package dev.opsuite.planner.domain.understand;

import dev.opsuite.model.asset.PromptTime;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
    private final PromptTime time;
    private final OffsetDateTime now;
    private final List<Span> spans = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private ZoneId zone;
    /** Field values of the CIs the question names: where a "local time" naming no place may be. */
    private final List<String> placesOfNamed;
    /** Reads each atom; made once the question's zone is known. */
    private Intervals intervals;

    private TimeComposer(Analyzed a, PromptTime time, OffsetDateTime now, ZoneId zone, List<String> placesOfNamed) {
        this.placesOfNamed = placesOfNamed;
        this.a = a;
        this.time = time;
        this.now = now;
        this.zone = zone;
    }

    /** @param placesOfNamed field values of the CIs named (see {@link LocalZones#of}) */
    static TimeReading compose(Analyzed a, List<TimeAtom> atoms, PromptTime time, OffsetDateTime now, ZoneId zone,
                               List<String> placesOfNamed) {
        return new TimeComposer(a, time, now, zone, placesOfNamed).run(atoms);
    }

    /** Whether the times of today and the relative range agree: one holds the other (or the moment), or they are the same. */
    private static boolean agree(Interval relative, Interval timed) {
        if (timed.point()) {
            return !timed.from().isBefore(relative.from()) && timed.from().isBefore(relative.to());
        }
        return relative.contains(timed) || timed.contains(relative)
                || relative.from().equals(timed.from()) && relative.to().equals(timed.to());
    }

    /** A zone word of rules.time.zones, its spaces as written or not ("미국동부 시간"); else the word as a zone id. */
    private String zoneOf(String key) {
        String exact = time.zones().get(key);
        if (exact != null) {
            return exact;
        }
        String bare = key.replace(" ", "");
        String id = ZonePlaces.tzId(key); // "europe/istanbul", as a query writes it
        return time.zones().entrySet().stream().filter(e -> e.getKey().replace(" ", "").equals(bare))
                .map(java.util.Map.Entry::getValue).findFirst().orElse(id != null ? id : key.toUpperCase(Locale.ROOT));
    }

    /** Relative ranges that are whole calendar weeks starting on a Monday. */
    private static final java.util.Set<String> weeks = java.util.Set.of("last_week", "this_week", "week_before_last");

    private TimeReading run(List<TimeAtom> found) {
        List<TimeAtom> atoms = DayParts.anchored(a, found);
        List<TimeAtom> rest = new ArrayList<>();
        ZoneId namedZone = null; // the zone a place or zone word of the question names: its calendar's date order
        for (TimeAtom t : atoms) {
            spans.add(t.span());
            if (t.kind().equals("zone") || (t.kind().equals("clock_range") || t.kind().equals("tod"))
                    && !t.field("zone").isEmpty()) {
                if (!t.kind().equals("zone")) {
                    rest.add(t); // "0800-1100Z", "and 16:00Z": a zone and the times of day it holds
                }
                String key = t.field("zone").isEmpty() ? t.field("name") : t.field("zone");
                if (key.equals("own")) {
                    continue; // "our time", "우리 시간": the asker's — the question's zone, which the reading names
                }
                String id = !t.field("place").isEmpty() ? ZonePlaces.zoneOf(t.field("place"), time)
                        : key.equals("local") ? LocalZones.of(a, time, problems, placesOfNamed) : zoneOf(key);
                String doubt = t.field("place").isEmpty() ? null
                        : ZonePlaces.doubt(t.field("place"), a.span(t.span().start(), t.span().end()), id, time);
                if (doubt != null) {
                    problems.add(doubt); // "Jersey date", "Canada date": asked which, never guessed
                    continue;
                }
                if (id == null) {
                    continue; // "local time" of no place named: the zone stays the question's (the reading names it)
                }
                try {
                    zone = ZoneId.of(id);
                    namedZone = zone;
                } catch (DateTimeException e) {
                    problems.add("time zone '" + a.span(t.span().start(), t.span().end()) + "' is not known");
                }
            } else {
                rest.add(t);
            }
        }
        rest = DateOrders.asWritten(rest, namedZone); // "10/06/2034 (Vietnam date)": 10 June
        ZonedDateTime nowZ = now.atZoneSameInstant(zone);
        intervals = new Intervals(a, time, zone, spans, problems);
        intervals.contextYear(rest);
        List<TimeAtom> unlabelled = new WeekdayLabels(a, time, intervals, problems).without(rest, nowZ);
        // "since Sunday 3/12": a connector before the weekday that labels a date is the date's
        rest.stream().filter(w -> w.kind().equals("weekday") && !unlabelled.contains(w))
                .forEach(w -> intervals.label(w.span()));
        rest = unlabelled;
        List<Interval> days = new ArrayList<>();
        List<TimeOfDay> tods = new ArrayList<>();
        List<Interval> relatives = new ArrayList<>();
        List<TimeAtom> parts = new ArrayList<>();
        List<Integer> weekdays = new ArrayList<>();
        List<TimeAtom> weekOfs = new ArrayList<>();
        List<TimeAtom> dayAtoms = new ArrayList<>();
        List<TimeAtom> todAtoms = new ArrayList<>();
        for (TimeAtom t : rest) {
            String role = intervals.role(t);
            if (t.kind().equals("weekday")) {
                weekdays.add(t.span().start());
            }
            switch (t.kind()) {
                case "tod" -> intervals.tod(t, role).ifPresent(x -> {
                    tods.add(x.latestPast(nowZ.toLocalTime()));
                    todAtoms.add(t);
                });
                case "relative" -> intervals.relative(t, nowZ, role).ifPresent(relatives::add);
                case "part" -> parts.add(t);
                case "clock_range" -> {
                    todAtoms.add(t);
                    // "from 9 to 11 a.m.": the meridiem written once is both ends' ("from 11 to 1 pm": 11 is before noon)
                    String ap = t.field("ap").isEmpty() ? "" : time.meridiem().getOrDefault(t.field("ap"), t.field("ap"));
                    int sh = Integer.parseInt(t.field("sh"));
                    int eh = Integer.parseInt(t.field("eh"));
                    String startAp = ap.equals("pm") && sh > eh ? "am" : ap;
                    tods.add(new TimeOfDay(LocalTime.of(sh, Integer.parseInt(t.field("sm"))), startAp, role,
                            t.span().start()));
                    tods.add(new TimeOfDay(LocalTime.of(eh == 24 ? 0 : eh, Integer.parseInt(t.field("em"))), ap, role,
                            t.span().start() + 1));
                }
                case "week_of" -> weekOfs.add(t);
                default -> intervals.interval(t, nowZ, role).ifPresent(i -> {
                    days.add(i.at(t.span().start()));
                    dayAtoms.add(t);
                });
            }
        }
        weekOf(weekOfs, days, dayAtoms);
        Holidays.datesOverHolidays(days, dayAtoms, spans);
        if (relatives.size() == 1 && !weekdays.isEmpty() && weeks.contains(relatives.get(0).name())
                && days.stream().allMatch(d -> weekdays.contains(d.at()))) {
            // "지난주(월요일~일요일)", "last week, Tuesday": the weekdays of that week
            ZonedDateTime monday = relatives.get(0).from();
            List<Interval> inWeek = new ArrayList<>();
            for (Interval d : days) {
                ZonedDateTime from = monday.plusDays(d.from().getDayOfWeek().getValue() - 1L);
                // a run of weekdays ("지난주 월~수") keeps its length in that week
                long length = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(d.from().toLocalDate(), d.to().toLocalDate()));
                inWeek.add(new Interval(from, from.plusDays(length), length == 1 ? "day:" + from.toLocalDate()
                        : "range:" + from.toOffsetDateTime() + "/" + from.plusDays(length).toOffsetDateTime(), d.role(), false, d.at()));
            }
            days.clear();
            days.addAll(inWeek);
        }
        if (parts.size() == 1 && tods.isEmpty() && days.size() == 1 && relatives.isEmpty()
                && DayParts.wholeDayAsked(a, time)) {
            parts.clear(); // "Friday evening … over that whole day": the part said which day; the day is asked whole
        }
        if (!parts.isEmpty() && tods.isEmpty()) {
            // a part of a day applies to one day; on a range or beside another part it is said, not dropped
            java.util.Optional<Interval> part = parts.size() == 1 && days.size() <= 1 && relatives.isEmpty()
                    ? new DayParts(a, zone, problems).of(parts.get(0), days.isEmpty() ? null : days.get(0), nowZ,
                    intervals.role(parts.get(0)))
                    : java.util.Optional.empty();
            if (part.isPresent()) {
                days.clear();
                days.add(part.get());
            } else if (!relatives.isEmpty() && days.isEmpty()) {
                // "over the last 6 hours (… this morning)": the range is read; the part is left unexplained
                parts.forEach(pt -> spans.remove(pt.span()));
            } else if (days.size() == 2 && parts.size() == 1) {
                days.clear(); // "2014-04-17 morning to 2014-04-18 evening" is not read as a day's part
                problems.add("'" + a.span(parts.get(0).span().start(), parts.get(0).span().end())
                        + "' is read only as part of a single day");
            } else {
                problems.add("'" + a.span(parts.get(0).span().start(), parts.get(0).span().end())
                        + "' is read only as part of a single day");
            }
        }
        if (!problems.isEmpty() && days.isEmpty() && relatives.isEmpty() && tods.isEmpty()) {
            return TimeReading.none(spans, problems);
        }
        if (days.size() >= 3) {
            // "작년 …, 그러니까 2025년 9월 22일부터 26일까지": a wider period around the days named is their context
            List<Interval> named = List.copyOf(days);
            days.removeIf(d -> named.stream().anyMatch(d::contains));
        }
        Interval out;
        if (tods.size() >= 2 && days.size() >= 2) {
            out = dayTimeRange(days, tods);
        } else if (tods.size() == 1 && days.size() == 1 && days.get(0).point() && tods.get(0).at() > days.get(0).at()) {
            // "2026-11-27 09:00 to 13:00": an instant, then the time it runs to on that day
            ZonedDateTime from = days.get(0).from();
            TimeOfDay t = tods.get(0);
            ZonedDateTime to = from.toLocalDate().atTime(TimeOfDay.clock(t.time(), t.meridiem())).atZone(zone);
            if (!to.isAfter(from)) {
                to = to.plusDays(1);
            }
            out = new Interval(from, to, "range:" + from.toOffsetDateTime() + "/" + to.toOffsetDateTime(), "");
        } else if (!tods.isEmpty() && days.isEmpty() && !relatives.isEmpty()
                && !agree(relatives.get(0), withTimes(today(nowZ), tods, nowZ))) {
            // "over the last 3h (.z.p-03:00 to .z.p)": times of day that do not fall in the range named beside
            // them do not replace it — the range is read, the times are left unexplained (the reading lists them)
            out = relatives.get(0);
            todAtoms.forEach(t -> spans.remove(t.span()));
        } else if (!tods.isEmpty()) {
            if (tods.size() == 1 && days.size() == 1 && tods.get(0).role().isEmpty() && !days.get(0).role().isEmpty()) {
                // "since yesterday 9am", "since Monday 09:00": the connector before the day is the moment's too
                TimeOfDay t = tods.get(0);
                tods.set(0, new TimeOfDay(t.time(), t.meridiem(), days.get(0).role(), t.at()));
            }
            out = withTimes(days.isEmpty() ? DayParts.dayOfTimes(parts, tods, nowZ).orElseGet(() -> today(nowZ))
                    : days.get(0), tods, nowZ);
        } else if (days.size() == 2 && (days.get(0).contains(days.get(1)) || days.get(1).contains(days.get(0)))) {
            // "지난 주말 일요일", "on Sunday, over the weekend": the narrower names the day
            out = days.get(0).contains(days.get(1)) ? days.get(1) : days.get(0);
        } else if (days.size() >= 2) {
            Interval first = days.get(0);
            Interval last = days.get(days.size() - 1);
            ZonedDateTime end = last.point() ? last.from() : last.to();
            out = first.from().equals(last.from()) && first.to().equals(last.to()) ? first
                    : new Interval(first.from(), end, "range:" + first.from().toOffsetDateTime() + "/"
                    + end.toOffsetDateTime(), "");
        } else if (days.size() == 1) {
            Interval d = days.get(0);
            // "from 1 to 7 February" is a run of days that holds its own end: it is read as written
            boolean ownEnd = d.name().startsWith("range:") && !d.to().isBefore(d.from().plusDays(2));
            if (d.role().equals("since") && !ownEnd) {
                // "since Monday" keeps its relative name (the replan's and the labels' own); a date its date
                // ("since this morning": from the part's first hour, named as that moment)
                String name = d.name().startsWith("weekday:") ? "since_" + d.name().split(":")[1]
                        : d.from().toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? "since:" + d.from().toLocalDate()
                        : "range:" + d.from().toOffsetDateTime() + "/" + nowZ.toOffsetDateTime();
                out = new Interval(d.from(), nowZ, name, "");
            } else {
                out = d;
            }
        } else if (!relatives.isEmpty()) {
            out = relatives.get(0);
        } else {
            return TimeReading.none(spans, problems);
        }
        if (out.point() && !out.from().isAfter(nowZ) && out.from().isAfter(nowZ.minusMinutes(1))) {
            // "at 290004Z, i.e. right now": the moment named is now — the latest value, no range
            return TimeReading.none(spans, problems);
        }
        ZonedDateTime to = out.to().isAfter(nowZ) && !out.from().isAfter(nowZ) ? nowZ : out.to();
        if (!to.isAfter(out.from())) {
            // a range that ends where or before it starts is never answered as if it were empty
            problems.add("the time range " + out.from().toLocalDateTime() + " – " + out.to().toLocalDateTime()
                    + " ends before it starts");
            return TimeReading.none(spans, problems);
        }
        String name = out.name().startsWith("weekday:") ? "day:" + out.name().substring(out.name().lastIndexOf(':') + 1)
                : out.name();
        boolean instant = out.point() && out.role().isEmpty();
        // "09시 20분 00초", "exactly 9:15 AM", "9시 15분 정각": the moment is that second, not its minute
        // "at exactly 2044-01-06T12:15:00+09:00": an instant written with its seconds is that second too
        boolean second = instant && (todAtoms.stream().anyMatch(t -> !t.field("S").isEmpty() || !t.field("exact").isEmpty()
                || !t.field("exact2").isEmpty()) || atoms.stream().anyMatch(t -> t.kind().equals("instant")
                && (!t.field("S").isEmpty() || !t.field("S2").isEmpty() || !t.field("exact").isEmpty())));
        return new TimeReading(name, out.from().toOffsetDateTime(), to.toOffsetDateTime(), zone.getId(),
                spans, problems, !days.isEmpty() || !relatives.isEmpty() || tods.isEmpty(), instant).toSecond(second);
    }

    /** What stands between the first and the last day of a run ("through", "to", "-"). */
    private static final java.util.regex.Pattern RUN_TO =
            java.util.regex.Pattern.compile("(?i)[\\s,]*(?:through|thru|to|until|till|-|–|~)[\\s,]*");

    /**
     * "the week of 2014-04-14", "4월 14일이 있는 주": the calendar week (Monday to Monday) holding the
     * day named beside it; "the week starting April 17": seven days from it. Beside no whole day, the
     * words are left for the unexplained ones, never read as a day.
     */
    private void weekOf(List<TimeAtom> weekOfs, List<Interval> days, List<TimeAtom> dayAtoms) {
        for (TimeAtom w : weekOfs) {
            // "week of D" names the day after it, "D이 있는 주" / "D 주간" the day before it
            boolean dayAfter = a.span(w.span().start(), w.span().end()).toLowerCase(Locale.ROOT).contains("week");
            int i = -1;
            for (int k = 0; k < dayAtoms.size(); k++) {
                Span day = dayAtoms.get(k).span();
                if (dayAfter ? day.start() >= w.span().end() && a.text().substring(w.span().end(), day.start())
                        .matches("(?i)[\\s,]*(?:(?:starting|from)(?:\\s+on)?)?[\\s,]*")
                        : day.end() <= w.span().start() && WeekdayLabels.adjacent(a, day, w.span())) {
                    i = k;
                    break;
                }
            }
            Interval d = i < 0 ? null : days.get(i);
            if (i >= 0 && i + 1 < dayAtoms.size() && RUN_TO.matcher(a.text().substring(dayAtoms.get(i).span().end(),
                    dayAtoms.get(i + 1).span().start())).matches()) {
                continue; // "the work week of April 7 through April 11": the run names the days, the week frames them
            }
            if (d == null || d.point() || !d.to().equals(d.from().toLocalDate().plusDays(1).atStartOfDay(zone))
                    || !d.from().equals(d.from().toLocalDate().atStartOfDay(zone))) {
                spans.remove(w.span());
                continue;
            }
            // "the week starting D" (D's role is "since" by its connector): seven days from D
            boolean fromDay = !w.field("start").isEmpty() || d.role().equals("since");
            LocalDate first = fromDay ? d.from().toLocalDate()
                    : d.from().toLocalDate().with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            days.set(i, Intervals.range(first.atStartOfDay(zone), first.plusDays(7).atStartOfDay(zone), "").at(d.at()));
        }
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
            LocalTime a1 = TimeOfDay.clock(t1.time(), t1.meridiem().isEmpty() && !t2.meridiem().isEmpty()
                    && t1.time().getHour() + 12 <= TimeOfDay.clock(t2.time(), t2.meridiem()).getHour() ? t2.meridiem() : t1.meridiem());
            // "저녁 7시부터 9시까지" is until 21:00; "…부터 자정까지" until midnight — hour 0 is never an afternoon's;
            // "12시부터 3시 사이", "from 12 to 3": a range from noon (12 with no meridiem is noon, midnight is 자정)
            // ends that afternoon, not at 3 the next night; "밤 11시부터 2시까지" (the start's pm would put the end
            // before it) runs past midnight to 02:00
            boolean fromNoon = t1.meridiem().isEmpty() && t1.time().getHour() == 12;
            boolean pmEnd = t2.meridiem().isEmpty() && ("pm".equals(t1.meridiem()) || fromNoon)
                    && t2.time().getHour() > 0 && t2.time().getHour() < 12
                    && t2.time().getHour() + 12 > a1.getHour() + a1.getMinute() / 60.0;
            LocalTime a2 = TimeOfDay.clock(t2.time(), pmEnd ? "pm" : t2.meridiem());
            ZonedDateTime from = date.atTime(a1).atZone(zone);
            ZonedDateTime to = date.atTime(a2).atZone(zone);
            if (!to.isAfter(from)) {
                to = to.plusDays(1);
            }
            return new Interval(from, to, "range:" + from.toOffsetDateTime() + "/" + to.toOffsetDateTime(), "");
        }
        ZonedDateTime at = date.atTime(TimeOfDay.clock(t1.time(), t1.meridiem())).atZone(zone);
        if (t1.role().equals("since")) {
            // "10월 13일 오전 10시부터 (지금까지)", "since 10:00 on Oct 13": from that moment to now, across days
            ZonedDateTime end = at.isBefore(nowZ) ? nowZ : day.to();
            return new Interval(at, end, "range:" + at.toOffsetDateTime() + "/" + end.toOffsetDateTime(), "");
        }
        if (t1.role().equals("until")) {
            return new Interval(day.from(), at, "range:" + day.from().toOffsetDateTime() + "/" + at.toOffsetDateTime(), "");
        }
        return new Interval(at, at.plusHours(1), "range:" + at.toOffsetDateTime() + "/" + at.plusHours(1).toOffsetDateTime(), "",
                true, -1); // one moment: "at 14:30"
    }

    /** "11월 23일 18시부터 24일 정오까지": each time of day on the day named before it. */
    private Interval dayTimeRange(List<Interval> days, List<TimeOfDay> tods) {
        TimeOfDay t1 = tods.get(0);
        TimeOfDay t2 = tods.get(1);
        LocalDate d1 = dayBefore(days, t1.at()).from().toLocalDate();
        LocalDate d2 = dayBefore(days, t2.at()).from().toLocalDate();
        // "어제(3월 13일) 오후 4시부터 5시까지": two names of one day; the meridiem written once is both ends', as on one day
        String m2 = d1.equals(d2) && t2.meridiem().isEmpty() && "pm".equals(t1.meridiem()) && t2.time().getHour() > 0
                && t2.time().getHour() < 12 && t2.time().getHour() + 12 > TimeOfDay.clock(t1.time(), "pm").getHour()
                ? "pm" : t2.meridiem();
        ZonedDateTime from = d1.atTime(TimeOfDay.clock(t1.time(), t1.meridiem())).atZone(zone);
        ZonedDateTime to = d2.atTime(TimeOfDay.clock(t2.time(), m2)).atZone(zone);
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
}

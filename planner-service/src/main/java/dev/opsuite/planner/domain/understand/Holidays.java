package dev.opsuite.planner.domain.understand;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.DangiCalendar;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;
import dev.opsuite.model.asset.PromptTime;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The public holidays of the Prompt asset ({@code rules.time.holidays}) as days: a lunar date through
 * ICU's Korean lunisolar calendar ({@link DangiCalendar}), the days off that belong to a holiday, the
 * substitute days its rule gives, and the breaks they make with the weekends. Only the holidays the
 * asset lists are known: a one-off day off (an election, a temporary holiday) is not.
 */
final class Holidays {
    /** A run of days, both ends included. */
    record Days(LocalDate first, LocalDate last) {
        boolean contains(LocalDate d) {
            return !d.isBefore(first) && !d.isAfter(last);
        }
    }

    /** One holiday of one year: its own days, then its substitute days (none unless its rule gives them). */
    private record Observed(PromptTime.Holiday rule, Days days, List<LocalDate> substitutes) {
        Days withSubstitutes() {
            return substitutes.isEmpty() ? days : new Days(days.first(), substitutes.get(substitutes.size() - 1));
        }
    }

    /** A break is at least this many days off in a row, one of them a holiday ("연휴", "long weekend"). */
    static final int BREAK_DAYS = 3;
    /** How far back a break is looked for. */
    private static final int LOOK_BACK_DAYS = 400;

    private final List<PromptTime.Holiday> rules;
    private final Map<Integer, List<Observed>> years = new ConcurrentHashMap<>();

    private static final Map<List<PromptTime.Holiday>, Holidays> CACHE = new ConcurrentHashMap<>();

    Holidays(List<PromptTime.Holiday> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The calendar of these rules, kept across questions (an asset's few versions, bounded). */
    static Holidays of(List<PromptTime.Holiday> rules) {
        if (CACHE.size() > 16) {
            CACHE.clear();
        }
        return CACHE.computeIfAbsent(List.copyOf(rules), Holidays::new);
    }

    boolean known(String name) {
        return rules.stream().anyMatch(h -> h.name().equals(name));
    }

    List<String> names() {
        return rules.stream().map(PromptTime.Holiday::name).toList();
    }

    /** The days of holiday {@code name} in {@code year}, with its substitute days; empty if not listed. */
    Optional<Days> of(String name, int year) {
        return year(year).stream().filter(o -> o.rule().name().equals(name)).findFirst().map(Observed::withSubstitutes);
    }

    /** The day itself (설날, 추석, Christmas Day), without the days off around it. */
    Optional<LocalDate> mainDay(String name, int year) {
        return rules.stream().filter(h -> h.name().equals(name)).findFirst().map(h -> date(h, year));
    }

    /**
     * The year of the latest days of holiday {@code name} that began on or before {@code today} (or, when
     * {@code endedBefore}, that ended before it: "지난 추석" during Chuseok is last year's).
     */
    Optional<Integer> latestYear(String name, LocalDate today, boolean endedBefore) {
        for (int y = today.getYear(); y >= today.getYear() - 2; y--) {
            Optional<Days> d = of(name, y);
            if (d.isPresent() && (endedBefore ? d.get().last().isBefore(today) : !d.get().first().isAfter(today))) {
                return Optional.of(y);
            }
        }
        return Optional.empty();
    }

    boolean holiday(LocalDate d) {
        for (Observed o : year(d.getYear())) {
            if (o.days().contains(d) || o.substitutes().contains(d)) {
                return true;
            }
        }
        return false;
    }

    boolean dayOff(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || holiday(d);
    }

    /** The run of days off holding {@code d} (none if {@code d} is a working day). */
    Optional<Days> runOff(LocalDate d) {
        if (!dayOff(d)) {
            return Optional.empty();
        }
        LocalDate first = d;
        while (dayOff(first.minusDays(1))) {
            first = first.minusDays(1);
        }
        LocalDate last = d;
        while (dayOff(last.plusDays(1))) {
            last = last.plusDays(1);
        }
        return Optional.of(new Days(first, last));
    }

    /**
     * The last holiday break: a run of at least {@link #BREAK_DAYS} days off with a holiday in it,
     * the one {@code today} is in unless {@code endedBefore}, else the latest that ended before today.
     */
    Optional<Days> lastBreak(LocalDate today, boolean endedBefore) {
        LocalDate d = endedBefore ? today.minusDays(1) : today;
        for (int i = 0; i < LOOK_BACK_DAYS; i++, d = d.minusDays(1)) {
            Optional<Days> run = runOff(d);
            if (run.isEmpty()) {
                continue;
            }
            Days r = run.get();
            boolean hasHoliday = r.first().datesUntil(r.last().plusDays(1)).anyMatch(this::holiday);
            if (hasHoliday && r.first().datesUntil(r.last().plusDays(1)).count() >= BREAK_DAYS
                    && (!endedBefore || r.last().isBefore(today))) {
                return run;
            }
            d = r.first(); // the loop steps to the day before this run
        }
        return Optional.empty();
    }

    private List<Observed> year(int year) {
        return years.computeIfAbsent(year, this::observe);
    }

    /** The year's holidays in the asset's order; a day that set off one substitute sets off no other. */
    private List<Observed> observe(int year) {
        List<Days> own = new ArrayList<>();
        for (PromptTime.Holiday h : rules) {
            LocalDate main = date(h, year);
            own.add(new Days(main.minusDays(Math.max(0, h.daysBefore())), main.plusDays(Math.max(0, h.daysAfter()))));
        }
        Set<LocalDate> taken = new HashSet<>();
        own.forEach(d -> d.first().datesUntil(d.last().plusDays(1)).forEach(taken::add));
        Set<LocalDate> triggered = new HashSet<>();
        List<Observed> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            PromptTime.Holiday h = rules.get(i);
            Days days = own.get(i);
            List<LocalDate> substitutes = new ArrayList<>();
            if (!h.substitute().equals(PromptTime.Holiday.NO_SUBSTITUTE) && year >= h.substituteSince()) {
                LocalDate after = days.last();
                for (LocalDate d = days.first(); !d.isAfter(days.last()); d = d.plusDays(1)) {
                    if (triggers(h, d, i, own) && triggered.add(d)) {
                        after = nextWorkingDay(after, taken);
                        taken.add(after);
                        substitutes.add(after);
                    }
                }
            }
            out.add(new Observed(h, days, List.copyOf(substitutes)));
        }
        return List.copyOf(out);
    }

    /** A day of holiday {@code i} that falls on a day its rule does not let it fall on. */
    private static boolean triggers(PromptTime.Holiday h, LocalDate d, int i, List<Days> own) {
        DayOfWeek w = d.getDayOfWeek();
        boolean weekend = h.substitute().equals("weekend") ? w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY
                : w == DayOfWeek.SUNDAY;
        boolean another = false;
        for (int k = 0; k < own.size() && !another; k++) {
            another = k != i && own.get(k).contains(d);
        }
        return weekend || another;
    }

    private static LocalDate nextWorkingDay(LocalDate after, Set<LocalDate> taken) {
        LocalDate d = after.plusDays(1);
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY || taken.contains(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * "2025년 설 연휴(1/28~1/30)", "추석 당일(9/12)": dates written beside a holiday are what is asked; the
     * holiday only said which days they are. When they fall outside the holiday's days, the holiday's words
     * are given back (a bracket's gloss may still account for them); the dates written are read either way,
     * and the reading states them.
     */
    static void datesOverHolidays(List<Interval> days, List<TimeAtom> dayAtoms, List<Span> spans) {
        List<Integer> holidays = new ArrayList<>();
        List<Interval> dates = new ArrayList<>();
        for (int i = 0; i < dayAtoms.size(); i++) {
            TimeAtom t = dayAtoms.get(i);
            if (t.kind().equals("holiday")) {
                holidays.add(i);
            } else if (t.kind().equals("month") || t.kind().equals("instant")
                    || t.kind().equals("day") && !t.field("d").isEmpty()) {
                dates.add(days.get(i));
            }
        }
        if (holidays.isEmpty() || dates.isEmpty()) {
            return;
        }
        for (int k = holidays.size() - 1; k >= 0; k--) {
            int i = holidays.get(k);
            Interval h = days.get(i);
            if (dates.stream().anyMatch(d -> d.from().isBefore(h.from()) || d.to().isAfter(h.to()))) {
                spans.remove(dayAtoms.get(i).span()); // its words are left unexplained: the reading says so
            }
            days.remove(i);
            dayAtoms.remove(i);
        }
    }

    /** The holiday's day in {@code year}: a lunar date in the lunar year that holds the solar year's June. */
    static LocalDate date(PromptTime.Holiday h, int year) {
        if (!h.calendar().equals(PromptTime.Holiday.LUNAR)) {
            return LocalDate.of(year, h.month(), h.day());
        }
        TimeZone seoul = TimeZone.getTimeZone("Asia/Seoul");
        GregorianCalendar g = new GregorianCalendar(seoul);
        g.clear();
        g.set(year, Calendar.JUNE, 1, 12, 0);
        DangiCalendar lunar = new DangiCalendar();
        lunar.setTimeZone(seoul);
        lunar.setTime(g.getTime());
        int lunarYear = lunar.get(Calendar.EXTENDED_YEAR);
        lunar.clear();
        lunar.set(Calendar.EXTENDED_YEAR, lunarYear);
        lunar.set(Calendar.MONTH, h.month() - 1);
        lunar.set(Calendar.IS_LEAP_MONTH, 0);
        lunar.set(Calendar.DAY_OF_MONTH, h.day());
        lunar.set(Calendar.HOUR_OF_DAY, 12);
        g.setTime(lunar.getTime());
        return LocalDate.of(g.get(Calendar.YEAR), g.get(Calendar.MONTH) + 1, g.get(Calendar.DAY_OF_MONTH));
    }
}

package dev.opsuite.planner.domain.understand;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Days of a month a question names by their place in it ("mid-March", "the 29th" of a date-time group), and runs of months. */
final class MonthDays {
    private MonthDays() {}

    /**
     * "290000Z" (a date-time group: day of the month, hour, minute): that day of this month in the group's zone,
     * else of the latest month before whose day it is not still to come.
     */
    static ZonedDateTime latest(int day, java.time.LocalTime clock, ZonedDateTime now) {
        java.time.YearMonth month = java.time.YearMonth.from(now);
        for (int back = 0; back < 12; back++, month = month.minusMonths(1)) {
            if (month.isValidDay(day)) {
                ZonedDateTime at = month.atDay(day).atTime(clock).atZone(now.getZone());
                if (!at.isAfter(now)) {
                    return at;
                }
            }
        }
        throw new DateTimeException("day " + day + " is in no recent month");
    }

    /** Whole months from {@code first} to {@code last} of {@code year}; a first month after the last is the year before. */
    static Interval months(int first, int last, int year, ZoneId zone, String role) {
        LocalDate start = LocalDate.of(first <= last ? year : year - 1, first, 1);
        return Intervals.range(start.atStartOfDay(zone), LocalDate.of(year, last, 1).plusMonths(1).atStartOfDay(zone), role);
    }

    /**
     * "mid-March", "3월 초", "the last week of February": the days of the month an atom's {@code days} names —
     * "11-20" (days 11 to 20), "21-" (day 21 to the month's end), "last7" (its last seven days).
     */
    static Interval of(LocalDate first, String days, ZoneId zone, String role) {
        LocalDate next = first.plusMonths(1);
        LocalDate from;
        LocalDate to;
        if (days.startsWith("last")) {
            from = next.minusDays(Integer.parseInt(days.substring(4)));
            to = next;
        } else {
            String[] ends = days.split("-", -1);
            from = first.plusDays(Integer.parseInt(ends[0]) - 1L);
            to = ends[1].isEmpty() ? next : first.plusDays(Integer.parseInt(ends[1]));
        }
        return Intervals.range(from.atStartOfDay(zone), (to.isAfter(next) ? next : to).atStartOfDay(zone), role);
    }
}

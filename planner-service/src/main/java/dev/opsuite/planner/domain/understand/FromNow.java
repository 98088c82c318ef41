package dev.opsuite.planner.domain.understand;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** Times counted from the moment asked: the weekend we are in, a moment some hours or minutes ago. */
final class FromNow {
    private FromNow() {}

    /** The weekend we are in, else the last one; "last weekend" on a weekend is the one before. */
    static Interval weekend(TimeAtom t, LocalDate today, ZoneId zone, String role) {
        boolean previous = !t.field("prev").isEmpty() || !t.field("prev2").isEmpty();
        LocalDate saturday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        boolean inWeekend = today.getDayOfWeek() == DayOfWeek.SATURDAY || today.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (inWeekend && previous) {
            saturday = saturday.minusWeeks(1);
        }
        return Intervals.range(saturday.atStartOfDay(zone), saturday.plusDays(2).atStartOfDay(zone), role);
    }

    /**
     * "5 hours ago", "30분 전", "the same time yesterday" (the atom's hour_offset or minute_offset): that moment, to the
     * minute.
     */
    static Interval moment(TimeAtom t, ZonedDateTime nowZ, String role) {
        long minutes = t.field("hour_offset").isEmpty() ? Long.parseLong(t.field("minute_offset"))
                : 60L * Long.parseLong(t.field("hour_offset"));
        ZonedDateTime at = nowZ.plusMinutes(minutes).truncatedTo(ChronoUnit.MINUTES);
        return new Interval(at, at.plusHours(1), "range:" + at.toOffsetDateTime() + "/" + at.plusHours(1).toOffsetDateTime(),
                role, true, -1);
    }
}

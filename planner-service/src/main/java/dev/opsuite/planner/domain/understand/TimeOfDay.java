package dev.opsuite.planner.domain.understand;

import java.time.LocalTime;

/** A time of day read from an atom, its am/pm word, its connector role and where it was written. */
record TimeOfDay(LocalTime time, String meridiem, String role, int at) {
    /** The clock time of a time of day read with "am"/"pm" ("3" pm is 15:00, "12" am is 00:00). */
    static LocalTime clock(LocalTime t, String meridiem) {
        if ("pm".equals(meridiem) && t.getHour() < 12) {
            return t.plusHours(12);
        }
        if ("am".equals(meridiem) && t.getHour() == 12) {
            return t.minusHours(12);
        }
        return t;
    }
}

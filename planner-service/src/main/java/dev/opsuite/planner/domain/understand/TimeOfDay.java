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

    /** The meridiem of a time of day written with a word of the recent past ("아까 3시", "좀 전에 2시 반"). */
    static final String RECENT = "recent";

    /**
     * "아까 3시쯤" asked at 19:30 is 15:00: a time of day of the recent past without am/pm is the latest one not after
     * now — afternoon when that has passed, else the morning's (any other time of day is returned as it is).
     */
    TimeOfDay latestPast(LocalTime now) {
        if (!RECENT.equals(meridiem)) {
            return this;
        }
        boolean pm = time.getHour() >= 1 && time.getHour() < 12 && !time.plusHours(12).isAfter(now);
        return new TimeOfDay(time, pm ? "pm" : "", role, at);
    }
}

package dev.opsuite.planner.domain.understand;

import java.time.ZonedDateTime;

/** A resolved day-like interval and the name the plan carries for it. */
/** {@code point}: an instant (its end is itself when it closes a range). */
record Interval(ZonedDateTime from, ZonedDateTime to, String name, String role, boolean point, int at) {
    Interval(ZonedDateTime from, ZonedDateTime to, String name, String role) {
        this(from, to, name, role, false, -1);
    }

    /** This range holds the other whole and is wider (neither is a single moment). */
    boolean contains(Interval inner) {
        return !point && !inner.point() && !inner.from().isBefore(from) && !inner.to().isAfter(to)
                && !(inner.from().equals(from) && inner.to().equals(to));
    }

    Interval at(int position) {
        return new Interval(from, to, name, role, point, position);
    }
}

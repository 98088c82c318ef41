package dev.opsuite.planner.domain.understand;

import java.time.LocalTime;

/** A time of day read from an atom, its am/pm word, its connector role and where it was written. */
record TimeOfDay(LocalTime time, String meridiem, String role, int at) {}

package dev.opsuite.estate.demo;

import java.time.Instant;

/** One row of events.csv. */
record DemoEvent(Instant ts, String ciCode, String type, String severity, String title, String detail) {}

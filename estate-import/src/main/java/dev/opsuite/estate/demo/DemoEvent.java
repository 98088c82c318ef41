package dev.opsuite.estate.demo;

import java.time.Instant;

/** One row of events.csv; {@code open}: an alert still firing at the end of the window (the live state's open alerts). */
record DemoEvent(Instant ts, String ciCode, String type, String severity, String title, String detail, boolean open) {
    DemoEvent(Instant ts, String ciCode, String type, String severity, String title, String detail) {
        this(ts, ciCode, type, severity, title, detail, false);
    }
}

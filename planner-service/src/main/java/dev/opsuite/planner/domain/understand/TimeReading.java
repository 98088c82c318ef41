package dev.opsuite.planner.domain.understand;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The time a question names, resolved: [from, to) in the zone it names (else the product's),
 * a canonical name for the plan ("last_6h", "yesterday", "day:2014-04-17", "month:2026-11",
 * "since:2026-11-01", "range:…"), the spans it claimed, and what could not be read (an impossible
 * date is reported, never dropped). {@code dayNamed} is false when the question names a time of day
 * alone ("at 14:10"), read as today's. {@code instant} is true when the question names one moment ("at
 * 14:30 on 2014-04-17", "2014-04-17T14:30Z") rather than a span: [from, to) is then the hour from it,
 * and a measure asked "at" it is the last sample at or before it (see the planner's metric plan).
 */
public record TimeReading(String name, OffsetDateTime from, OffsetDateTime to, String zone, List<Span> spans,
                          List<String> problems, boolean dayNamed, boolean instant) {
    public boolean present() {
        return from != null;
    }

    public static TimeReading none(List<Span> spans, List<String> problems) {
        return new TimeReading("", null, null, "", spans, problems, false, false);
    }
}
